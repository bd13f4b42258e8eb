// The receiving end of the channel: every message from the other host passes here before anything acts on it.
import { SchemaViolation, fail, plainObject, printable, token, type ValidationResult } from './kit';
import { MESSAGE_TYPES, SCHEMA_VERSION, type MessageType, type SoftphoneMessage } from './messages';
import { PAYLOAD_CHECKS } from './payload-checks';

const ENVELOPE = ['version', 'type', 'requestId', 'payload'];

function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && (MESSAGE_TYPES as readonly string[]).includes(value);
}

function describe(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return printable(value);
  return value === null ? 'null' : typeof value;
}

/**
 * Checks a message received on Softphone__c and returns a checked copy (nothing of the original is kept):
 * the envelope has exactly its four fields, the version is SCHEMA_VERSION, the type is known, the
 * requestId is a token and the payload matches its type's schema. Text stays text: markup is allowed
 * in names and is never interpreted, but length and control characters are bounded.
 */
export function validateMessage(raw: unknown): ValidationResult<SoftphoneMessage> {
  try {
    const envelope = plainObject(raw, 'message', 'malformed');
    for (const key of Object.keys(envelope)) {
      if (!ENVELOPE.includes(key)) fail('message', `has an unexpected member ${printable(key)}`, 'malformed');
    }
    for (const key of ENVELOPE) {
      if (!(key in envelope)) fail('message', `has no ${key}`, 'malformed');
    }
    if (envelope.version !== SCHEMA_VERSION) {
      fail('version', `${describe(envelope.version)} is not ${SCHEMA_VERSION}`, 'unsupported-version');
    }
    const type = envelope.type;
    if (!isMessageType(type)) fail('type', `${describe(type)} is not a known message type`, 'unknown-type');
    const requestId = token(envelope.requestId, 'requestId', 'invalid-request-id');
    const payload: unknown = PAYLOAD_CHECKS[type](envelope.payload, 'payload');
    return { ok: true, value: { version: SCHEMA_VERSION, type, requestId, payload } as SoftphoneMessage };
  } catch (error) {
    if (error instanceof SchemaViolation) return { ok: false, reason: error.reason, detail: error.message };
    throw error;
  }
}
