// EMULATION of lightning/pageReferenceUtils, shared by the LWC Jest tests and the workbench: the documented
// encoding of default field values for standard__objectPage "new" page references ("Field=value,Field2=value",
// values URI-encoded). Jest spies, so tests can also pin what a component passes.
import { spy } from './host.js';

export const encodeDefaultFieldValues = spy((values) =>
  Object.entries(values ?? {})
    .map(([field, value]) => `${field}=${encodeURIComponent(String(value ?? ''))}`)
    .join(','),
);
export const decodeDefaultFieldValues = spy((encoded) => {
  const result = {};
  for (const pair of String(encoded ?? '').split(',')) {
    if (!pair) continue;
    const i = pair.indexOf('=');
    const field = i < 0 ? pair : pair.slice(0, i);
    result[field] = i < 0 ? '' : decodeURIComponent(pair.slice(i + 1));
  }
  return result;
});
