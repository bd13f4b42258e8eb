// EMULATION of lightning/pageReferenceUtils for the workbench: the documented encoding of default field
// values for standard__objectPage "new" page references ("Field=value,Field2=value", values URI-encoded).
export function encodeDefaultFieldValues(values) {
  return Object.entries(values ?? {})
    .map(([field, value]) => `${field}=${encodeURIComponent(String(value ?? ''))}`)
    .join(',');
}

export function decodeDefaultFieldValues(encoded) {
  const result = {};
  for (const pair of String(encoded ?? '').split(',')) {
    if (!pair) continue;
    const i = pair.indexOf('=');
    const field = i < 0 ? pair : pair.slice(0, i);
    result[field] = i < 0 ? '' : decodeURIComponent(pair.slice(i + 1));
  }
  return result;
}
