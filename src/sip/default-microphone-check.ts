// Before answering, prove the microphone can be opened: SIP.js would otherwise answer 480 to the caller
// silently when getUserMedia fails inside accept().
import { MicrophoneUnavailableError } from './errors';

/** `open` is the phone's microphone source (the agent's chosen input); default getUserMedia({audio}). */
export async function defaultMicrophoneCheck(open?: () => Promise<MediaStream>): Promise<void> {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  const openMicrophone =
    open ?? (devices?.getUserMedia ? () => devices.getUserMedia({ audio: true, video: false }) : undefined);
  if (!openMicrophone) return;
  try {
    const stream = await openMicrophone();
    for (const track of stream.getTracks()) track.stop();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    throw new MicrophoneUnavailableError(
      name === 'NotFoundError'
        ? 'No microphone was found. Plug one in or choose another input device, then answer again.'
        : undefined,
    );
  }
}
