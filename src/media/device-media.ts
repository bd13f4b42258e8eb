// Deskphone mode in the browser: the leg to the agent's own phone carries no conversation, only the
// connect prompt (sent in place of the microphone) and the key the agent presses, decoded from the
// phone's audio with the Goertzel detector (WebRTC does not expose received RFC 4733 events).
import { connectPromptSamples } from './connect-prompt';
import { listenForKeys } from './listen-for-keys';
import type { MixableCallMedia } from './mixable-call-media';

export interface DeviceMediaOptions {
  /** Created on first use (an AudioContext needs the page to be allowed to play audio). */
  audioContext: () => AudioContext;
  media: (callId: string) => MixableCallMedia | undefined;
  onError?: (error: unknown) => void;
}

export class DeviceMedia {
  constructor(private readonly options: DeviceMediaOptions) {}

  /** Listens for in-band keys in what the device sends; returns what stops listening. */
  listenForKeys(callId: string, onKey: (key: string) => void): () => void {
    const stream = this.options.media(callId)?.remoteStream;
    if (!stream) return () => undefined;
    const context = this.options.audioContext();
    void context.resume().catch((error: unknown) => this.options.onError?.(error));
    return listenForKeys(context, stream, onKey);
  }

  /** Sends the connect prompt, looped, instead of the microphone; returns what stops it (silence). */
  playPrompt(callId: string): () => void {
    const sender = this.options
      .media(callId)
      ?.peerConnection?.getSenders()
      .find((candidate) => candidate.track?.kind === 'audio' || candidate.track === null);
    if (!sender) return () => undefined;
    const context = this.options.audioContext();
    void context.resume().catch((error: unknown) => this.options.onError?.(error));
    const samples = connectPromptSamples(context.sampleRate);
    const buffer = context.createBuffer(1, samples.length, context.sampleRate);
    buffer.copyToChannel(samples, 0);
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.loop = true;
    const output = context.createMediaStreamDestination();
    source.connect(output);
    source.start();
    const microphone = sender.track;
    // The panel never sends the agent's microphone to their own phone: the prompt, then silence.
    if (microphone) microphone.enabled = false;
    const replaced = sender.replaceTrack(output.stream.getAudioTracks()[0] ?? null);
    replaced.catch((error: unknown) => this.options.onError?.(error));
    return () => {
      source.stop();
      source.disconnect();
      void replaced.then(() => sender.replaceTrack(null)).catch(() => undefined);
    };
  }
}
