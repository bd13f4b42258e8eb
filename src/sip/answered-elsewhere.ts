/**
 * True when a CANCEL's Reason header says another device took the call (RFC 3326:
 * `Reason: SIP;cause=200;text="Call completed elsewhere"`), so the call is not a missed one.
 */
export function answeredElsewhere(reasonHeaders: string[]): boolean {
  return reasonHeaders
    .flatMap((value) => value.split(','))
    .some((reason) => /^\s*SIP\s*;(?:.*;)?\s*cause\s*=\s*200\s*(?:;|$)/i.test(reason));
}
