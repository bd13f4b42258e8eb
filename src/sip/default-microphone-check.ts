// Before answering, prove the microphone can be opened: SIP.js would otherwise answer 480 to the caller
// silently when getUserMedia fails inside accept().
import { MicrophoneUnavailableError } from './errors/microphone-unavailable-error';

export async function defaultMicrophoneCheck(): Promise<void> {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!devices?.getUserMedia) return;
  try {
    const stream = await devices.getUserMedia({ audio: true, video: false });
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
