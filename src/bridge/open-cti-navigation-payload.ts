/** The object Open CTI hands to the onNavigationChange listener (Lightning; record fields empty off records). */
export interface OpenCtiNavigationPayload {
  url?: string;
  recordId?: string;
  recordName?: string;
  objectType?: string;
  /** Person accounts only. */
  accountId?: string;
  contactId?: string;
  personAccount?: boolean;
}
