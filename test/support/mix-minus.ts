// What a five-party conference test plays and how it judges what each participant hears: everyone's
// microphone is a tone of its own, and the spectrum each one receives must hold every other tone and not
// its own (mix-minus).

/** The agent's tone. */
export const AGENT_HZ = 440;
/**
 * The four other parties' tones, chosen so that no second- or third-order intermodulation product of the
 * others (a ± b, 2a − b, a + b − c) falls within 60 Hz of anyone's tone: the codec's distortion of a mix
 * would otherwise land on the listener's own frequency (measured: with 570, 770, 1010 and 1230 Hz,
 * 1230 − 440 = 2·1010 − 1230 = 790 Hz put −67 dB into the 770 Hz listener's own-voice reading).
 */
export const PARTY_HZ = [820, 1070, 1390, 1580] as const;

/** Audible: well above the noise of a coded stream. Not heard: at least 30 dB below the weakest heard. */
export const AUDIBLE_DB = -60;
export const MARGIN_DB = 30;

/** For each listener, its level in dB at each participant's tone. */
export type HeardLevels = Record<string, Record<string, number>>;

export function expectMixMinus(heard: HeardLevels): void {
  for (const [listener, levels] of Object.entries(heard)) {
    const others = Object.entries(levels).filter(([speaker]) => speaker !== listener);
    for (const [speaker, level] of others) {
      expect({ listener, speaker, audible: level > AUDIBLE_DB }).toEqual({
        listener,
        speaker,
        audible: true,
      });
    }
    const weakest = Math.min(...others.map(([, level]) => level));
    expect({ listener, ownVoiceSuppressed: levels[listener]! < weakest - MARGIN_DB }).toEqual({
      listener,
      ownVoiceSuppressed: true,
    });
  }
}
