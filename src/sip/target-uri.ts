// Turns what the statechart asks to call (a SIP URI, or a DialTarget from src/dialing) into a SIP.js URI,
// refusing anything that could smuggle headers or parameters onto the wire.
import { UserAgent, type URI } from 'sip.js';
import { toSipUri, type DialTarget } from '../dialing';
import { InvalidArgumentError } from './errors';

const MAX_URI = 256;

export function parseSipUri(value: string): URI {
  const uri =
    value.length <= MAX_URI && /^sips?:[^\s?<>"]+$/i.test(value) ? UserAgent.makeURI(value) : undefined;
  if (!uri?.host || (uri.scheme !== 'sip' && uri.scheme !== 'sips')) {
    throw new InvalidArgumentError(
      `"${value.slice(0, 80)}" is not a SIP address like sip:user@example.com. Check the number or address.`,
    );
  }
  return uri;
}

/** A string is read as a SIP URI; a DialTarget goes through src/dialing's toSipUri for `domain`. */
export function targetUri(target: string | DialTarget, domain: string): URI {
  if (typeof target === 'string') return parseSipUri(target);
  let uri: string;
  try {
    uri = toSipUri(target, domain);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : 'This number cannot be dialled.');
  }
  return parseSipUri(uri);
}
