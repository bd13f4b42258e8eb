// Why a call log was not saved, as a stable code: SoftphoneCallLog.logCall starts the message of its
// AuraHandledException with one ("RELATED_RECORD: This call can't be logged: ..."), so the phone can tell a
// save that a retry may fix from one that can never succeed as it is.

/** Each code and whether it is permanent (retrying the same save cannot help). */
export const CALL_LOG_ERROR_CODES = {
  /** The call details themselves are wrong (a missing call id, notes too long...). */
  INVALID_INPUT: { permanent: true, relatedRecord: false },
  /** A validation rule, a required field or a field's integrity rule of the org refused the Task. */
  VALIDATION_RULE: { permanent: true, relatedRecord: false },
  /** The agent may not create or edit Tasks, or one of the fields logged (object or field permission). */
  NO_ACCESS: { permanent: true, relatedRecord: false },
  /** The contact, lead or record the call is related to is deleted, unknown or not shared with the agent. */
  RELATED_RECORD: { permanent: true, relatedRecord: true },
  /** Salesforce was busy (a locked row): the same save may succeed later. */
  TRY_AGAIN: { permanent: false, relatedRecord: false },
  /** No answer from Apex (network, timeout, an error without a code): the same save may succeed later. */
  UNAVAILABLE: { permanent: false, relatedRecord: false },
} as const;

export type CallLogErrorCode = keyof typeof CALL_LOG_ERROR_CODES;

const CODED_MESSAGE = /^([A-Z_]+): ([\s\S]*)$/;

function isCode(value: unknown): value is CallLogErrorCode {
  return typeof value === 'string' && Object.hasOwn(CALL_LOG_ERROR_CODES, value);
}

/** A failed call-log save: its code, and the reason in the words the agent reads. */
export class CallLogError extends Error {
  override readonly name = 'CallLogError';

  constructor(
    readonly code: CallLogErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** Saving the same log again can never succeed: the agent has to choose what to do with it. */
  get permanent(): boolean {
    return CALL_LOG_ERROR_CODES[this.code].permanent;
  }

  /** The related contact, lead or record is what failed: the log may still be saved without it. */
  get relatedRecord(): boolean {
    return CALL_LOG_ERROR_CODES[this.code].relatedRecord;
  }

  /**
   * The typed error of whatever a CrmPort's logCall rejected with: a CallLogError as it is, a message
   * that starts with a code as that code, anything else as UNAVAILABLE with its message untouched.
   */
  static from(error: unknown): CallLogError {
    if (error instanceof CallLogError) return error;
    const message = error instanceof Error ? error.message : String(error);
    const coded = CODED_MESSAGE.exec(message);
    if (coded && isCode(coded[1])) return new CallLogError(coded[1], coded[2] ?? '');
    return new CallLogError('UNAVAILABLE', message);
  }
}
