// First step for any text read as a number or URI: fold look-alike characters, refuse controls, drop invisibles.
import type { DialRefusal } from './dial-types';
import { dialingLimits } from './dialing-limits';
import { refuse } from './refuse';

// C0/C1 controls (CR, LF, TAB, NUL, DEL...) and the Unicode line/paragraph separators: header-splitting material.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// Format characters (bidi marks and overrides, zero-width spaces, BOM, soft hyphen): invisible, and common
// in numbers copied from web pages, e-mail signatures and chat apps, so they are dropped, not refused.
const INVISIBLE = /\p{Cf}/gu;
const EDGE_SPACES = /^\p{Zs}+|\p{Zs}+$/gu;

export type CleanDialInput = { ok: true; text: string } | DialRefusal;

/**
 * Returns the input trimmed, NFKC-folded (full-width digits and "＋" become ASCII) and without
 * invisible characters, or refuses it as empty, too long or containing control characters.
 */
export function cleanDialInput(raw: unknown): CleanDialInput {
  if (typeof raw !== 'string' || raw.replace(EDGE_SPACES, '') === '') {
    return refuse('empty', 'Type a number to call.');
  }
  if (raw.length > dialingLimits.maxInputLength) {
    return refuse(
      'too-long',
      `That number is too long to dial (more than ${dialingLimits.maxInputLength} characters).`,
    );
  }
  // Checked again after folding: NFKC must never be the way a control character gets in.
  const folded = raw.normalize('NFKC');
  if (CONTROL.test(raw) || CONTROL.test(folded)) {
    return refuse(
      'invalid-characters',
      'That number contains hidden characters, such as a line break or a tab. Type it again.',
    );
  }
  const text = folded.replace(INVISIBLE, '').replace(EDGE_SPACES, '');
  if (text === '') {
    return refuse('empty', 'Type a number to call.');
  }
  if (text.length > dialingLimits.maxInputLength) {
    return refuse(
      'too-long',
      `That number is too long to dial (more than ${dialingLimits.maxInputLength} characters).`,
    );
  }
  return { ok: true, text };
}
