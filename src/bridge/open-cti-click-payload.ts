/** The object Open CTI hands to the onClickToDial listener (documented fields; `number` is typed number there). */
export interface OpenCtiClickPayload {
  number: string | number;
  recordId?: string;
  recordName?: string;
  objectType?: string;
  accountId?: string;
  contactId?: string;
  personAccount?: boolean;
  params?: string;
}
