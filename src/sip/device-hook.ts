import type { DialTarget } from '../dialing';
import type { DeviceLeg } from './device-leg';

/**
 * What the deskphone mode needs from its host: the agent's own phone, and the media of the leg to it
 * (the panel carries no conversation audio; it only plays a prompt and listens for a key).
 */
export interface DeviceHook {
  /** The agent's device, read at each call (the agent may change it): a SIP URI or a dialled number. */
  device(): string | DialTarget | undefined;
  /** Listens for keys in the audio the device sends (in-band DTMF); returns what stops listening. */
  listenForKeys?(callId: string, onKey: (key: string) => void): () => void;
  /** Plays the "press a key to connect" prompt to the device; returns what stops it. */
  playPrompt?(callId: string): () => void;
  /** The leg's code: its own static resource (src/deskphone.ts), so undefined until that arrived. */
  deviceLeg?(): typeof DeviceLeg | undefined;
}
