// Who a call is with, in the one vocabulary the statecharts, the adapters and the view share.

export type ContactObjectType = 'Contact' | 'Lead' | 'Account' | 'User';

/** A CRM record that matches a caller's number, as the contact search returns it. */
export interface ContactMatch {
  /** Salesforce record id. */
  id: string;
  name: string;
  objectType: ContactObjectType;
  /** The phone number that matched, as stored on the record. */
  phone: string;
  accountName?: string;
  title?: string;
}

/**
 * The customer a consult or transferred call is about: carried between agents in the
 * `X-Softphone-Context` header (docs/sip-headers.md), so the receiving agent sees, pops and logs to the
 * customer, not the agent calling.
 */
export interface Customer {
  /** The customer's number: digits, `*`, `#`, an optional leading `+` (at most 32). */
  number: string;
  /** The customer's Salesforce record id, 18 characters with a valid checksum. */
  recordId: string;
}
