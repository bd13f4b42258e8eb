// Builds the Request-URI for a DialTarget; the target is re-checked, since it may have crossed a message channel.
import type { DialTarget } from './dial-types';
import { DialingError } from './dialing-error';
import { dialingLimits } from './dialing-limits';
import { escapeSipUser } from './escape-sip-user';
import { parseHostPort } from './parse-host-port';
import { parseSipUri } from './parse-sip-uri';

const DIAL_STRING = /^\+?[0-9*#]+$/;

/**
 * Returns `sip:<escaped dialString>@<domain>` for pstn and extension targets, and the target's own
 * validated URI for sip targets. `domain` is the SIP server's host[:port] (e.g. "pbx.example.com:5061").
 * Throws DialingError (code `invalid-domain` or `invalid-target`) instead of building anything doubtful.
 */
export function toSipUri(target: DialTarget, domain: string): string {
  const hostPort = typeof domain === 'string' ? parseHostPort(domain.trim()) : undefined;
  if (hostPort === undefined) {
    throw new DialingError(
      'invalid-domain',
      'The SIP domain is not a plain host name or address with an optional port (for example pbx.example.com:5061). Fix the softphone settings.',
    );
  }
  const kind: unknown = typeof target === 'object' && target !== null ? target.kind : undefined;
  if (kind === 'sip') {
    const uri = typeof target.sipUri === 'string' ? parseSipUri(target.sipUri) : undefined;
    if (uri === undefined) {
      throw new DialingError(
        'invalid-target',
        'This SIP target has no valid sipUri. Build targets with prepareDial().',
      );
    }
    return uri.uri;
  }
  if (kind === 'pstn' || kind === 'extension') {
    const { dialString } = target;
    if (
      typeof dialString !== 'string' ||
      dialString.length > dialingLimits.maxDigits + 16 ||
      !DIAL_STRING.test(dialString)
    ) {
      throw new DialingError(
        'invalid-target',
        "This target's dialString is not digits, *, # and a leading +. Build targets with prepareDial().",
      );
    }
    return `sip:${escapeSipUser(dialString)}@${hostPort}`;
  }
  throw new DialingError(
    'invalid-target',
    'This target has no known kind (pstn, extension or sip). Build targets with prepareDial().',
  );
}
