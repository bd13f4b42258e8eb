// Which of a record's fields are phone numbers the agent can call: the object's fields of type Phone
// (getObjectInfo lists only fields the user can read) whose value the record returned, blanks left out.

/** API names of the object's Phone fields, qualified for getRecord ("Contact.MobilePhone"), in describe order. */
export function phoneFieldNames(objectInfo) {
  if (!objectInfo?.fields) return [];
  return Object.values(objectInfo.fields)
    .filter((field) => field.dataType === 'Phone')
    .map((field) => `${objectInfo.apiName}.${field.apiName}`);
}

/** The record's name field, qualified; Case has no Name (its name field is CaseNumber). */
export function nameFieldName(objectInfo) {
  const name = objectInfo?.nameFields?.[0] ?? (objectInfo?.fields?.Name ? 'Name' : undefined);
  return name ? `${objectInfo.apiName}.${name}` : undefined;
}

const valueOf = (record, apiName) => record?.fields?.[apiName]?.value;

/**
 * The numbers to show: one entry per readable, non-blank Phone field. A field the user cannot read is
 * missing from the record even when asked for as an optional field, so it is never shown.
 */
export function phoneNumbersOf(objectInfo, record) {
  if (!objectInfo?.fields || !record) return [];
  return Object.values(objectInfo.fields)
    .filter((field) => field.dataType === 'Phone')
    .map((field) => ({ apiName: field.apiName, label: field.label, value: valueOf(record, field.apiName) }))
    .filter((entry) => typeof entry.value === 'string' && entry.value.trim() !== '');
}

/** The record's display name, for the call's contact and the agent's card. */
export function recordNameOf(objectInfo, record) {
  const name = nameFieldName(objectInfo);
  const value = name ? valueOf(record, name.slice(objectInfo.apiName.length + 1)) : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
