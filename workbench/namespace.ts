// EMULATION of a namespaced org: the workbench serves the package as an org that installed it under
// SOFTPHONE_NAMESPACE would (scripts/namespace.ts, the one input), or unpackaged without it. Here are the
// names that change with it; docs/adr/0009-namespace-at-build-and-run-time.md says which and why.
import { namespaced } from '../scripts/namespace';

/** LWC's module namespace and Lightning Web Security's sandbox key: `c` when unpackaged. */
export const lwcNamespace = (namespace: string): string => namespace || 'c';

/** A custom object, field, static resource or message channel of the package, as the org names it. */
export const orgName = namespaced;

/** The API path of an @AuraEnabled method: the class under its namespace (`/api/apex/<ns>/<Class>/<method>`). */
export const apexPath = (namespace: string, className: string, method: string): string =>
  `/api/apex/${namespace ? `${namespace}/` : ''}${className}/${method}`;
