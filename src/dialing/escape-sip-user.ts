// Percent-escapes a SIP URI user part (RFC 3261 "escaped"), keeping only characters no parser can misread.

const SAFE = /^[A-Za-z0-9\-_.!~*+]$/;
const encoder = new TextEncoder();

/** Escapes every character outside [A-Za-z0-9-_.!~*+] as UTF-8 %XX ("#" becomes "%23"). */
export function escapeSipUser(user: string): string {
  let out = '';
  for (const char of user) {
    if (SAFE.test(char)) {
      out += char;
    } else {
      for (const byte of encoder.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}
