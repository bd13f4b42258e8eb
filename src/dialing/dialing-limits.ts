// Bounds shared by every reader of dial input, so a hostile string costs little and cannot grow.
export const dialingLimits = Object.freeze({
  /** Characters an agent may type or click, before any normalisation. */
  maxInputLength: 64,
  /** Digits (plus * and #) once separators are gone and vanity letters are keypad digits. */
  maxDigits: 32,
  /** Digits after an "ext" / ";ext=" marker, sent as DTMF once connected. */
  maxPostDialDigits: 10,
  /** Characters in the user part of a SIP URI. */
  maxSipUserLength: 64,
  /** How long a dial placed before the numbering plans arrived waits for them before it is refused. */
  numberingPlansWaitMs: 10_000,
});
