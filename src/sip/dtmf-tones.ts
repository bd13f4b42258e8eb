// DTMF input as the keypad produces it: 0-9, *, #, A-D, and "," for a 2 s pause.
import { InvalidArgumentError } from './errors';

const TONES = /^[0-9A-D*#,]{1,64}$/;

/** The tones upper-cased; throws InvalidArgumentError unless they are 1 to 64 keypad characters. */
export function dtmfTones(tones: string): string {
  const upper = tones.toUpperCase();
  if (!TONES.test(upper)) {
    throw new InvalidArgumentError('DTMF tones are 1 to 64 of 0-9, *, #, A-D and "," (pause).');
  }
  return upper;
}
