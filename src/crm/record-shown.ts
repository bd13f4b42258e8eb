// bridge → utility: the agent landed on a record page (Open CTI onNavigationChange with a record), e.g.
// the record they just created from the softphone's "New contact" form.

export interface RecordShown {
  /** 15 or 18 character id. */
  recordId: string;
  /** API name of the record's object, e.g. "Contact". */
  objectType: string;
  /** The record's name, plain text (never rendered as HTML). */
  recordName?: string;
}
