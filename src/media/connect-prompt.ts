// The prompt the agent's own phone hears in deskphone mode before the customer is called: a rising
// three-note chime (no sound file to ship, nothing to translate), repeated until a key is pressed. Its
// notes avoid the DTMF frequencies, so the prompt echoed back by the phone is never taken for a key.

/** Notes of the chime, Hz: C6, E6, G6 (above the DTMF row group, away from its column tones). */
const NOTES = [1046.5, 1318.5, 1568];
const NOTE_SECONDS = 0.18;
const GAP_SECONDS = 0.04;
/** One chime, then silence, per repetition. */
export const CONNECT_PROMPT_PERIOD_SECONDS = 2;
const AMPLITUDE = 0.3;
/** Fade in/out of each note so that it does not click. */
const RAMP_SECONDS = 0.01;

/** One period of the prompt (a chime then silence) as samples in -1..1 at `sampleRate`. */
export function connectPromptSamples(sampleRate: number): Float32Array<ArrayBuffer> {
  const out = new Float32Array(Math.round(CONNECT_PROMPT_PERIOD_SECONDS * sampleRate));
  const noteLength = Math.round(NOTE_SECONDS * sampleRate);
  const ramp = Math.round(RAMP_SECONDS * sampleRate);
  NOTES.forEach((frequency, index) => {
    const start = Math.round(index * (NOTE_SECONDS + GAP_SECONDS) * sampleRate);
    for (let i = 0; i < noteLength && start + i < out.length; i++) {
      const envelope = Math.min(1, i / ramp, (noteLength - i) / ramp);
      out[start + i] = AMPLITUDE * envelope * Math.sin((2 * Math.PI * frequency * i) / sampleRate);
    }
  });
  return out;
}
