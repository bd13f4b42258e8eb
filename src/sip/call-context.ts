/**
 * The customer a transferred or consult call is about, carried between agents in the
 * `X-Softphone-Context` header (docs/sip-headers.md), so the receiving agent pops the customer's record.
 */
export interface CallContext {
  /** The customer's number: digits, `*`, `#`, an optional leading `+` (at most 32). */
  number: string;
  /** The customer's Salesforce record id, 18 characters with a valid checksum. */
  recordId: string;
}
