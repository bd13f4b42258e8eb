// Salesforce record ids, one rule for the whole core: 15 case-sensitive characters, or the 18-character
// case-safe form whose last 3 characters encode the case of the first 15. Salesforce never makes an
// 18-character id whose suffix does not match, so one that arrives with a wrong suffix is refused.
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character suffix that turns a 15-character id into its case-safe 18-character form. */
export function checksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** True for an 18-character id whose last three characters match its case checksum. */
export function isCaseSafeId(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[a-zA-Z0-9]{15}[A-Z0-5]{3}$/.test(value)) return false;
  return checksum(value.slice(0, 15)) === value.slice(15);
}

/** True for a 15-character id, or an 18-character one with a valid checksum. */
export function isSalesforceId(value: unknown): value is string {
  return (typeof value === 'string' && /^[a-zA-Z0-9]{15}$/.test(value)) || isCaseSafeId(value);
}
