// A SIP or SIPS URI read strictly as user@host[:port]: no parameters, headers, escapes, quotes or spaces.
import { dialingLimits } from './dialing-limits';
import { parseHostPort } from './parse-host-port';

/**
 * The user characters accepted: RFC 3261 `unreserved` without the quote and parentheses, plus "+".
 * Everything else the RFC allows in a user part (";", ",", "?", "&", "=", "$", "/", "%" escapes) is
 * refused: none is needed to reach a person, and each one has been used to smuggle parameters.
 */
const SIP_USER = /^[A-Za-z0-9\-_.!~*+]+$/;

export interface SipUri {
  scheme: 'sip' | 'sips';
  /** The user part, exactly as given. */
  user: string;
  /** host[:port], lower-cased. */
  hostPort: string;
  /** The URI rebuilt from its validated parts: `scheme:user@hostPort`. */
  uri: string;
}

export function parseSipUri(text: string): SipUri | undefined {
  const match = /^(sips?):([^@]*)@([^@]*)$/i.exec(text);
  if (!match) return undefined;
  const [, rawScheme = '', user = '', rest = ''] = match;
  if (user.length > dialingLimits.maxSipUserLength || !SIP_USER.test(user)) return undefined;
  const hostPort = parseHostPort(rest);
  if (hostPort === undefined) return undefined;
  const scheme = rawScheme.toLowerCase() === 'sips' ? 'sips' : 'sip';
  return { scheme, user, hostPort, uri: `${scheme}:${user}@${hostPort}` };
}
