// Keys pressed at the far end, heard in a remote WebRTC stream: in-band tones, and RFC 4733
// telephone-events too, which Chromium's NetEq plays out as their two tones (WebRTC exposes no event).
// Decoded with the Goertzel detector; returns what stops listening.
import { DtmfDetector } from './dtmf-detector';

/** Samples per ScriptProcessor callback: 1024 at 48 kHz is 21 ms, fine for 40 ms DTMF keys. */
const PROCESSOR_FRAMES = 1024;

export function listenForKeys(
  context: AudioContext,
  stream: MediaStream,
  onKey: (key: string) => void,
): () => void {
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
