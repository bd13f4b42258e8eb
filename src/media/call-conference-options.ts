import type { MixableCallMedia } from './mixable-call-media';

export interface CallConferenceOptions {
  /** The host's AudioContext (resume it on the agent's click). */
  audioContext: () => AudioContext;
  /** The agent's microphone. */
  microphone: () => Promise<MediaStream>;
  /** A call's media by Call-ID (SipPhone.media). */
  media: (callId: string) => MixableCallMedia | undefined;
  maxParties?: number;
}
