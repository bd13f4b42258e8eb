// True once any test or hook in the current file has failed (see node-environment.ts).
export function currentFileHasFailed(): boolean {
  return (globalThis as { __softphoneTestFailed?: boolean }).__softphoneTestFailed === true;
}
