// Deskphone mode in the browser: the leg to the agent's own phone carries no conversation, only the
// connect prompt (sent in place of the microphone) and the key the agent presses, decoded from the
// phone's audio with the Goertzel detector (WebRTC does not expose received RFC 4733 events).
import { connectPromptSamples } from './connect-prompt';
import { DtmfDetector } from './dtmf-detector';
import type { MixableCallMedia } from './mixable-call-media';

export interface DeviceMediaOptions {
  /** Created on first use (an AudioContext needs the page to be allowed to play audio). */
  audioContext: () => AudioContext;
  media: (callId: string) => MixableCallMedia | undefined;
  onError?: (error: unknown) => void;
}

/** Samples per ScriptProcessor callback: 1024 at 48 kHz is 21 ms, fine for 40 ms DTMF keys. */
const PROCESSOR_FRAMES = 1024;

export class DeviceMedia {
  constructor(private readonly options: DeviceMediaOptions) {}

  /** Listens for in-band keys in what the device sends; returns what stops listening. */
  listenForKeys(callId: string, onKey: (key: string) => void): () => void {
    const stream = this.options.media(callId)?.remoteStream;
    if (!stream) return () => undefined;
    const context = this.options.audioContext();
    void context.resume().catch((error: unknown) => this.options.onError?.(error));
    // Chromium feeds a remote WebRTC stream to WebAudio only while a media element plays it too.
    const keepAlive = typeof Audio === 'function' ? new Audio() : undefined;
    if (keepAlive) {
      keepAlive.muted = true;
      keepAlive.srcObject = stream;
      void keepAlive.play().catch(() => undefined);
    }
    const source = context.createMediaStreamSource(stream);
    const detector = new DtmfDetector({ sampleRate: context.sampleRate });
    // A ScriptProcessor needs no separate module file (an AudioWorklet would, which a static resource
    // cannot easily serve); the detector's work per callback is a few microseconds.
    const processor = context.createScriptProcessor(PROCESSOR_FRAMES, 1, 1);
    const silence = context.createGain();
    silence.gain.value = 0;
    processor.onaudioprocess = (event) => {
      for (const key of detector.push(event.inputBuffer.getChannelData(0))) onKey(key);
    };
    source.connect(processor);
    processor.connect(silence);
    silence.connect(context.destination);
    return () => {
      processor.onaudioprocess = null;
      source.disconnect();
      processor.disconnect();
      silence.disconnect();
      if (keepAlive) keepAlive.srcObject = null;
    };
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
