// Types of the workbench's Apex runtime (apex.js), for the contract tests that call it from Node.
export type ApexCall = ((params?: Record<string, unknown>) => Promise<unknown>) & { adapter: unknown };
/** `path`: the API path of the method, its class under the org's namespace (workbench/namespace.ts apexPath). */
export declare function apexMethod(path: string, cacheable: boolean): ApexCall;
