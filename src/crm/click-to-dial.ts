// bridge → utility: the agent clicked a phone number in Salesforce (Open CTI onClickToDial payload).

export interface ClickToDial {
  /** The number as shown on the record; the utility normalises it with the dialing rules. */
  number: string;
  /** The record the number belongs to (15 or 18 character id). */
  recordId?: string;
  /** That record's name, plain text (never rendered as HTML). */
  recordName?: string;
  /** API name of the record's object, e.g. "Contact". */
  objectType?: string;
  /** Person accounts: the account behind the clicked number. */
  accountId?: string;
  /** Person accounts: the contact behind the clicked number. */
  contactId?: string;
  /** Present only in orgs with person accounts. */
  personAccount?: boolean;
  /** Comma-separated parameters set on lightning-click-to-dial. */
  params?: string;
}
