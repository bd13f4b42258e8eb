// The `X-Softphone-Context` header (docs/sip-headers.md): written by this softphone, read strictly, since
// anyone on the path can send it.
import type { CallContext } from './call-context';
import { InvalidArgumentError } from './errors';
import { isCaseSafeId } from '../protocol';

export const CONTEXT_HEADER = 'X-Softphone-Context';
/**
 * Set by the SIP edge (sip-edge/edge.cfg) on requests of agents it authenticated, and removed from
 * everyone else's: the only sign that a call, and the context it carries, comes from another agent.
 */
export const AGENT_HEADER = 'X-Softphone-Agent';
const AGENT = /^[\w.+-]{1,64}$/;
const NUMBER = /^\+?[0-9*#]{1,32}$/;
const MAX_LENGTH = 128;

/** The header value, `number=<number>;record=<id>`; throws InvalidArgumentError for anything invalid. */
export function formatContextHeader(context: CallContext): string {
  if (!NUMBER.test(context.number) || !isCaseSafeId(context.recordId)) {
    throw new InvalidArgumentError(
      'The transfer context needs the customer number (digits, *, #, optional +) and an 18-character Salesforce record id.',
    );
  }
  return `number=${context.number};record=${context.recordId}`;
}

/**
 * Reads a received header value. Returns undefined unless it is exactly one `number` and one `record`
 * parameter, both valid, nothing else, within 128 characters.
 */
export function parseContextHeader(value: string | undefined): CallContext | undefined {
  if (value === undefined || value.length > MAX_LENGTH) return undefined;
  const fields = new Map<string, string>();
  for (const part of value.trim().split(';')) {
    const match = /^\s*(number|record)=([^\s;=]+)\s*$/.exec(part);
    if (!match?.[1] || match[2] === undefined || fields.has(match[1])) return undefined;
    fields.set(match[1], match[2]);
  }
  const number = fields.get('number');
  const recordId = fields.get('record');
  if (fields.size !== 2 || number === undefined || recordId === undefined) return undefined;
  if (!NUMBER.test(number) || !isCaseSafeId(recordId)) return undefined;
  return { number, recordId };
}

/**
 * The context of an incoming call, believed only when the server says the caller is an agent it
 * authenticated (`X-Softphone-Agent`): a customer could otherwise pop, and have calls logged against,
 * any record they name.
 */
export function contextFromAgent(
  context: string | undefined,
  agent: string | undefined,
): CallContext | undefined {
  if (agent === undefined || !AGENT.test(agent.trim())) return undefined;
  return parseContextHeader(context);
}
