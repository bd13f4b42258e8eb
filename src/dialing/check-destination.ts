// The dial plan for destinations the agent did not type: where a 3xx sends an outgoing call, or where a
// REFER asks us to call. SIP asks this; the rules stay here, the same as for a typed or clicked number.
import type { DialRefusal, DialingSettings } from './dial-types';
import { prepareDial } from './prepare-dial';

/**
 * Null when the dial plan lets `uri` (sip:user@host, no parameters) be called; the refusal otherwise.
 * Only the dial plan refuses here: the SIP layer has already checked that the URI is well formed, and
 * a user part that is a name (a queue, a colleague) is no number for the plan to judge.
 */
export function checkDestination(uri: string, settings: DialingSettings): DialRefusal | null {
  const verdict = prepareDial(uri, settings);
  return !verdict.ok && verdict.code === 'denied-by-dial-plan' ? verdict : null;
}
