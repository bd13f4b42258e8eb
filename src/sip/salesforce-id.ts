// Salesforce record ids: 15 case-sensitive characters plus a 3-character case checksum.
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

function checksum(id15: string): string {
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

/** True for an 18-character Salesforce id whose last three characters match its case checksum. */
export function isSalesforceId(value: string): boolean {
  if (!/^[a-zA-Z0-9]{15}[A-Z0-5]{3}$/.test(value)) return false;
  return checksum(value.slice(0, 15)) === value.slice(15);
}
