// The package's namespace: ONE build input, `SOFTPHONE_NAMESPACE` (none by default, as an unpackaged
// deploy). The namespaced build (scripts/package-build.ts), the static resources' source-map comment and the
// workbench's emulated org (workbench/namespace.ts) all read it here; no file names a namespace itself
// (verify:metadata's `namespace` step, docs/adr/0009-namespace-at-build-and-run-time.md).
export const NAMESPACE_VARIABLE = 'SOFTPHONE_NAMESPACE';

/** A namespace prefix as Salesforce registers them: a letter, then letters or digits, at most 15. */
const VALID = /^[a-z][a-z0-9]{0,14}$/i;

/** The namespace of this build, '' for none; a malformed value is an error, never silently ignored. */
export function packageNamespace(env: NodeJS.ProcessEnv = process.env): string {
  const value = (env[NAMESPACE_VARIABLE] ?? '').trim();
  if (value !== '' && (!VALID.test(value) || value.includes('__'))) {
    throw new Error(
      `${NAMESPACE_VARIABLE}="${value}" is not a namespace prefix (a letter, then up to 14 letters or digits)`,
    );
  }
  return value;
}

/** How an org names one of the package's custom components (object, field, resource, channel, page, tab). */
export const namespaced = (namespace: string, name: string): string =>
  namespace ? `${namespace}__${name}` : name;
