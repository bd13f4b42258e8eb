// EMULATION of lightning/uiRecordApi's getRecord (the wire the softphone's call button uses), shared by
// the LWC Jest tests and the workbench, whose page answers from its UI API emulation
// (workbench/emulation/ui-api.ts). getFieldValue reads a field of such a record.
import { ldsAdapter } from './lds-adapter.js';

export const getRecord = ldsAdapter('getRecord');

/** The value of a qualified field ("Contact.Phone") of a getRecord record; undefined when absent. */
export function getFieldValue(record, field) {
  const name = typeof field === 'string' ? field.split('.').slice(1).join('.') : field?.fieldApiName;
  return record?.fields?.[name]?.value;
}
