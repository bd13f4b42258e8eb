// Reads the caller of an incoming INVITE: P-Asserted-Identity (set by the trusted SIP server) first, else From.
import type { NameAddrHeader } from 'sip.js';
import type { CallerIdentity } from './caller-identity';
import { sanitiseDisplayName } from '../dialing';

const MAX_URI = 256;
const MAX_USER = 64;

function printable(text: string, max: number): string {
  return text.replace(/[\p{Cc}\p{Cf}\s<>"]/gu, '').slice(0, max);
}

export function identifyCaller(
  assertedIdentity: NameAddrHeader | undefined,
  from: NameAddrHeader,
): CallerIdentity {
  const header = assertedIdentity ?? from;
  let user = '';
  try {
    user = decodeURIComponent(header.uri.user ?? '');
  } catch {
    user = header.uri.user ?? '';
  }
  return {
    uri: printable(header.uri.toString(), MAX_URI),
    user: printable(user, MAX_USER),
    displayName: sanitiseDisplayName(header.displayName),
    source: assertedIdentity ? 'p-asserted-identity' : 'from',
  };
}
