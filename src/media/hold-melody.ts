// The hold music played when the admin set no recording of their own: a short melody synthesised here, so
// there is no sound file to ship or license. A music-box arpeggio over C, A minor, F and G, looped; pure
// tones (no overtones), so the melody's spectrum is exactly its notes.

/** The notes of the melody, in order (Hz): each sounds for NOTE_SECONDS. */
export const HOLD_MELODY_NOTES: readonly number[] = [
  523.25, 659.26, 783.99, 659.26, 523.25, 659.26, 880.0, 659.26, 523.25, 698.46, 880.0, 698.46, 392.0, 493.88,
  783.99, 493.88,
];
export const NOTE_SECONDS = 0.3;
/** Loud enough to hear over a phone line, well short of clipping. */
const VOLUME = 0.25;
const ATTACK_SECONDS = 0.01;
const RELEASE_SECONDS = 0.03;

/** One note's loudness over its length: a quick attack, a slow decay, a short release (no clicks). */
function envelope(t: number): number {
  if (t < ATTACK_SECONDS) return t / ATTACK_SECONDS;
  const decay = Math.exp(-2.5 * (t - ATTACK_SECONDS));
  const tail = NOTE_SECONDS - t;
  return tail < RELEASE_SECONDS ? (decay * tail) / RELEASE_SECONDS : decay;
}

/** The whole melody as one buffer, to loop with an AudioBufferSourceNode. */
export function holdMelody(context: BaseAudioContext): AudioBuffer {
  const rate = context.sampleRate;
  const perNote = Math.round(NOTE_SECONDS * rate);
  const buffer = context.createBuffer(1, perNote * HOLD_MELODY_NOTES.length, rate);
  const samples = buffer.getChannelData(0);
  HOLD_MELODY_NOTES.forEach((frequency, n) => {
    for (let i = 0; i < perNote; i++) {
      const t = i / rate;
      samples[n * perNote + i] = VOLUME * envelope(t) * Math.sin(2 * Math.PI * frequency * t);
    }
  });
  return buffer;
}
