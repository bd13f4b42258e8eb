// EMULATION of the User Interface API behind lightning/uiObjectInfoApi getObjectInfo and lightning/
// uiRecordApi getRecord, for the sample objects: the describe lists the fields the user can read, and a
// record carries only the requested fields it has (optional fields that are missing are left out, as
// Lightning Data Service does). Every sample user can read every sample field.
import { PHONE_FIELDS, type UiObjectName } from './phone-fields';
import { fullName, type SampleData } from './sample-data';

interface FieldInfo {
  apiName: string;
  label: string;
  dataType: 'String' | 'Phone' | 'Email' | 'Reference' | 'Boolean';
}

const OTHER_FIELDS: Record<UiObjectName, FieldInfo[]> = {
  Contact: [
    { apiName: 'Name', label: 'Full Name', dataType: 'String' },
    { apiName: 'Title', label: 'Title', dataType: 'String' },
    { apiName: 'Email', label: 'Email', dataType: 'Email' },
  ],
  Lead: [
    { apiName: 'Name', label: 'Full Name', dataType: 'String' },
    { apiName: 'Company', label: 'Company', dataType: 'String' },
  ],
  Account: [{ apiName: 'Name', label: 'Account Name', dataType: 'String' }],
};

export class UiApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const isUiObject = (name: unknown): name is UiObjectName =>
  name === 'Contact' || name === 'Lead' || name === 'Account';

/** getObjectInfo's data: apiName, nameFields and the readable fields by API name. */
export function objectInfo(objectApiName: unknown) {
  if (!isUiObject(objectApiName)) {
    throw new UiApiError(404, `The workbench emulates no object ${String(objectApiName)}`);
  }
  const phones = PHONE_FIELDS[objectApiName].map(([apiName, label]): FieldInfo => ({
    apiName,
    label,
    dataType: 'Phone',
  }));
  const fields = [...OTHER_FIELDS[objectApiName], ...phones];
  return {
    apiName: objectApiName,
    nameFields: ['Name'],
    fields: Object.fromEntries(fields.map((field) => [field.apiName, field])),
  };
}

function sampleRecord(sample: SampleData, recordId: string): [UiObjectName, Record<string, unknown>] {
  const same = (id: string) => id.slice(0, 15) === recordId.slice(0, 15);
  const contact = sample.contacts.find((c) => same(c.Id));
  if (contact) return ['Contact', { ...contact, Name: fullName(contact) }];
  const lead = sample.leads.find((l) => same(l.Id));
  if (lead) return ['Lead', { ...lead, Name: fullName(lead) }];
  const account = sample.accounts.find((a) => same(a.Id));
  if (account) return ['Account', { ...account }];
  throw new UiApiError(404, `The requested resource does not exist: ${recordId}`);
}

const names = (value: unknown): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).map(String);

/** getRecord's data for { recordId, fields?, optionalFields? } (qualified names, "Contact.Phone"). */
export function record(sample: SampleData, config: Record<string, unknown>) {
  const [objectApiName, values] = sampleRecord(sample, String(config.recordId ?? ''));
  const readable = objectInfo(objectApiName).fields;
  const wanted = [...names(config.fields), ...names(config.optionalFields)]
    .filter((name) => name.startsWith(`${objectApiName}.`))
    .map((name) => name.slice(objectApiName.length + 1));
  const fields = Object.fromEntries(
    wanted
      .filter((name) => name in readable)
      .map((name) => [name, { value: values[name] ?? null, displayValue: null }]),
  );
  return { apiName: objectApiName, id: values.Id, fields };
}
