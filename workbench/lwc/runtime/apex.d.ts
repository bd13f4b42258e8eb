// Types of the workbench's Apex runtime (apex.js), for the contract tests that call it from Node.
export type ApexCall = ((params?: Record<string, unknown>) => Promise<unknown>) & { adapter: unknown };
export declare function apexMethod(className: string, methodName: string, cacheable: boolean): ApexCall;
