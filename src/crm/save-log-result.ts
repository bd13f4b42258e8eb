/** Result of `saveLog`: the id of the record created or updated, when Salesforce returned it. */
export interface SaveLogResult {
  recordId?: string;
}
