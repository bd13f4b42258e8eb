// EMULATION of lightning/pageReferenceUtils for the workbench: the default field values of a new-record
// page reference as one "Field=value,Field=value" string, each part URI-encoded (the platform's format).
export function encodeDefaultFieldValues(fieldValues) {
  return Object.entries(fieldValues ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([field, value]) => `${encodeURIComponent(field)}=${encodeURIComponent(String(value))}`)
    .join(',');
}

export function decodeDefaultFieldValues(text) {
  const values = {};
  for (const pair of String(text ?? '').split(',')) {
    if (!pair) continue;
    const [field, ...rest] = pair.split('=');
    values[decodeURIComponent(field)] = decodeURIComponent(rest.join('='));
  }
  return values;
}
