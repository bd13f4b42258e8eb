// The tones the statechart's conferenceTone region asks for, as North American call-progress tones
// (ANSI T1.401 / ATIS precise tone plan): what a caller expects to hear while a phone rings or is busy.
import type { ConferenceTone } from '../call';
import type { Cadence } from './cadence';

export const CONFERENCE_TONES: Readonly<Record<ConferenceTone, Cadence>> = {
  /** Audible ringing: 440 + 480 Hz, two seconds on, four off. */
  ringback: { frequencies: [440, 480], onSeconds: 2, periodSeconds: 6, volume: 0.1 },
  /** Busy: 480 + 620 Hz, half a second on, half off. */
  busy: { frequencies: [480, 620], onSeconds: 0.5, periodSeconds: 1, volume: 0.1 },
};
