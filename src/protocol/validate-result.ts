// The client's second check of a successful response: its result must fit the request that asked for it.
import { RESULT_CHECKS } from './payload-checks';
import type { RequestResults, RequestType } from './messages';
import { SchemaViolation, type ValidationResult } from './kit';

export function validateResult<T extends RequestType>(
  type: T,
  raw: unknown,
): ValidationResult<RequestResults[T]> {
  try {
    const check = RESULT_CHECKS[type] as (value: unknown, path: string) => RequestResults[T];
    return { ok: true, value: check(raw, 'result') };
  } catch (error) {
    if (error instanceof SchemaViolation)
      return { ok: false, reason: 'invalid-payload', detail: error.message };
    throw error;
  }
}
