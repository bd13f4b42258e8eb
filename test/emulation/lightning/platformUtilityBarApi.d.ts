// Types of the emulated lightning/platformUtilityBarApi, for the contract tests.
import type { WireAdapterClass } from './host.js';
export declare const EnclosingUtilityId: WireAdapterClass<string>;
export declare function open(utilityId: string, options?: Record<string, unknown>): Promise<boolean>;
export declare function minimize(utilityId: string): Promise<boolean>;
export declare function updateUtility(utilityId: string, options: Record<string, unknown>): Promise<boolean>;
export declare function updatePanel(utilityId: string, options: Record<string, unknown>): Promise<boolean>;
export declare function enableModal(utilityId: string, enabled: boolean): Promise<boolean>;
export declare function enablePopout(utilityId: string, enabled: boolean): Promise<boolean>;
export declare function getAllUtilityInfo(): Promise<Record<string, unknown>[]>;
export declare function onUtilityClick(utilityId: string, handler: () => void): Promise<boolean>;
export declare function getInfo(utilityId: string): Promise<Record<string, unknown>>;
