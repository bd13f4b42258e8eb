// Types of the workbench's lightning/platformUtilityBarApi emulation, for the contract tests.
export declare function open(utilityId: string, options?: Record<string, unknown>): Promise<boolean>;
export declare function minimize(utilityId: string): Promise<boolean>;
export declare function updateUtility(utilityId: string, options: Record<string, unknown>): Promise<boolean>;
export declare function getInfo(utilityId: string): Promise<Record<string, unknown>>;
