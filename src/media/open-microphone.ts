// Opens the agent's microphone: the chosen input, or the system default when that one is gone (unplugged
// headset), so a call never fails because a preference went stale.
type Devices = Pick<MediaDevices, 'getUserMedia'>;

function defaultDevices(): Devices | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
}

const GONE = ['OverconstrainedError', 'NotFoundError'];

/**
 * Resolves with an audio-only stream from `deviceId` ('' = the system default). Errors are the browser's
 * own (NotAllowedError, NotFoundError…), which the SIP layer turns into agent-readable ones.
 */
export async function openMicrophone(
  deviceId: string,
  devices: Devices | undefined = defaultDevices(),
  onFallback: () => void = () => undefined,
): Promise<MediaStream> {
  if (typeof devices?.getUserMedia !== 'function') {
    throw Object.assign(new Error('This browser cannot open a microphone.'), { name: 'NotSupportedError' });
  }
  if (deviceId) {
    try {
      return await devices.getUserMedia({ audio: { deviceId: { exact: deviceId } }, video: false });
    } catch (error) {
      if (!GONE.includes(error instanceof Error ? error.name : '')) throw error;
      onFallback();
    }
  }
  return devices.getUserMedia({ audio: true, video: false });
}
