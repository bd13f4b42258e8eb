// The one validation kit: everything that checks data from another host (the bridge↔utility channel, the
// tab mirror) is built from these checks, so a refusal always reads the same way and never echoes the input.
import { SCHEMA_LIMITS } from './messages';
import { isSalesforceId } from './salesforce-id';

/** Why a message was refused; the detail string says which field. */
export type RejectReason =
  /** Not an envelope at all (other channel data, missing or extra envelope fields). */
  | 'malformed'
  | 'unsupported-version'
  | 'unknown-type'
  | 'invalid-request-id'
  /** The envelope is fine but the payload breaks its type's schema. */
  | 'invalid-payload';

/** Outcome of checking data from the other host: the checked copy, or why it was refused. */
export type ValidationResult<T> =
  { ok: true; value: T } | { ok: false; reason: RejectReason; detail: string };

/** Thrown inside the checks and turned into a ValidationResult at their boundary; never escapes a validator. */
export class SchemaViolation extends Error {
  override readonly name = 'SchemaViolation';
  readonly reason: RejectReason;

  constructor(reason: RejectReason, detail: string) {
    super(detail);
    this.reason = reason;
  }
}

// Building blocks of the schema: each check returns a checked copy of the value or throws SchemaViolation.
// Details name the field and the rule, never the offending text (it may be hostile and ends up in logs).

export function fail(path: string, problem: string, reason: RejectReason = 'invalid-payload'): never {
  throw new SchemaViolation(reason, `${path} ${problem}`);
}

/** A key name that is safe to show in a log line. */
export function printable(key: string): string {
  return /^[A-Za-z0-9_$-]{1,40}$/.test(key) ? `"${key}"` : '(unprintable name)';
}

/** A JSON-like object: own prototype is null or some realm's Object.prototype (LMS may hand over other realms' objects). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function plainObject(
  value: unknown,
  path: string,
  reason: RejectReason = 'invalid-payload',
): Record<string, unknown> {
  if (!isPlainObject(value)) fail(path, 'must be an object', reason);
  return value;
}

/**
 * An object with exactly these members: every required one, any optional one, nothing else.
 * An undefined member counts as absent (TypeScript callers leave optional members undefined).
 * `nameMembers: false` leaves an unexpected member's name out of the detail.
 */
export function fields(
  value: unknown,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
  { reason = 'invalid-payload', nameMembers = true }: { reason?: RejectReason; nameMembers?: boolean } = {},
): Record<string, unknown> {
  const object = plainObject(value, path, reason);
  for (const key of Object.keys(object)) {
    if (object[key] === undefined) continue;
    if (!required.includes(key) && !optional.includes(key)) {
      fail(path, `has an unexpected member${nameMembers ? ` ${printable(key)}` : ''}`, reason);
    }
  }
  for (const key of required) {
    if (object[key] === undefined) fail(path, `has no ${key}`, reason);
  }
  return object;
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F]/;

/**
 * Plain text: kept as text whatever it contains (markup included), but bounded and free of control
 * characters unless `controls` allows them. `problem`, when given, is the detail of every refusal.
 */
export function text(
  value: unknown,
  path: string,
  {
    max,
    min = 1,
    multiline = false,
    controls = false,
    problem,
  }: { max: number; min?: number; multiline?: boolean; controls?: boolean; problem?: string },
): string {
  if (typeof value !== 'string') fail(path, problem ?? 'must be a string');
  if (value.length < min)
    fail(path, problem ?? (min === 1 ? 'must not be empty' : `must have at least ${min} characters`));
  if (value.length > max) fail(path, problem ?? `must have at most ${max} characters`);
  if (!controls && (multiline ? CONTROL : CONTROL_OR_BREAK).test(value))
    fail(path, problem ?? 'must not contain control characters');
  return value;
}

export function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

export function oneOf<T extends string>(
  value: unknown,
  path: string,
  options: readonly T[],
  { reason = 'invalid-payload', problem }: { reason?: RejectReason; problem?: string } = {},
): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    fail(path, problem ?? `must be one of ${options.join(', ')}`, reason);
  }
  return value as T;
}

/** A string that matches `pattern`; `problem` says what it must be. */
export function matching(
  value: unknown,
  path: string,
  pattern: RegExp,
  problem: string,
  reason: RejectReason = 'invalid-payload',
): string {
  if (typeof value !== 'string' || !pattern.test(value)) fail(path, problem, reason);
  return value;
}

/** A record id: 15 characters, or 18 with a valid checksum (salesforce-id.ts). */
export function salesforceId(value: unknown, path: string): string {
  if (!isSalesforceId(value)) {
    fail(path, 'must be a Salesforce id (15 letters and digits, or 18 with a valid checksum)');
  }
  return value;
}

const API_NAME = new RegExp(`^[A-Za-z][A-Za-z0-9_]{0,${SCHEMA_LIMITS.apiNameLength - 1}}$`);

/** An API name of an object, e.g. "Account", "ns__Call_Log__c". */
export function apiName(value: unknown, path: string): string {
  if (typeof value !== 'string' || !API_NAME.test(value)) {
    fail(
      path,
      `must be an API name (a letter, then letters, digits or _; at most ${SCHEMA_LIMITS.apiNameLength})`,
    );
  }
  return value;
}

const TOKEN = new RegExp(`^[A-Za-z0-9_-]{1,${SCHEMA_LIMITS.idLength}}$`);

/** A message id. */
export function token(value: unknown, path: string, reason: RejectReason = 'invalid-payload'): string {
  return matching(
    value,
    path,
    TOKEN,
    `must be 1 to ${SCHEMA_LIMITS.idLength} letters, digits, _ or -`,
    reason,
  );
}

const PHONE = new RegExp(`^[0-9A-Za-z+*#().,;/ -]{1,${SCHEMA_LIMITS.phoneNumberLength}}$`);

/** A phone number as a Salesforce Phone field shows it: digits with the usual punctuation, letters for extensions. */
export function phoneNumber(value: unknown, path: string): string {
  if (typeof value !== 'string' || !PHONE.test(value) || !/[0-9]/.test(value)) {
    fail(
      path,
      `must be a phone number (digits, + * # ( ) . , ; / - space or letters; at most ${SCHEMA_LIMITS.phoneNumberLength})`,
    );
  }
  return value;
}

export function array(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be a list');
  if (value.length > max) fail(path, `must have at most ${max} entries`);
  return value;
}
