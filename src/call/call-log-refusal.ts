// A call-log save the CRM refused for good: the same save can never succeed, so the agent decides what
// becomes of the log instead of the phone retrying it (and declining calls in wrap-up) for ever.

export interface CallLogRefusal {
  /** The CRM's stable code for the kind of refusal (src/crm CALL_LOG_ERROR_CODES). */
  code: string;
  /** The related contact, lead or record is what failed: the log may be saved without it. */
  relatedRecord: boolean;
}

/**
 * The refusal a failed save's error carries, or null when a retry may succeed. Read from the error's
 * members (`permanent`, `relatedRecord`, `code`, as src/crm's CallLogError has them): the statechart knows
 * no CRM classes.
 */
export function refusalOf(error: unknown): CallLogRefusal | null {
  if (typeof error !== 'object' || error === null) return null;
  const { permanent, relatedRecord, code } = error as Record<string, unknown>;
  if (permanent !== true) return null;
  return { code: typeof code === 'string' ? code : 'UNKNOWN', relatedRecord: relatedRecord === true };
}
