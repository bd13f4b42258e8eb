// Types of across-frames.js, for the workbench's TypeScript and the contract tests.
import type { PageReference } from './navigation.js';
export declare const WORKBENCH_UTILITY_ID: string;
export declare const WORKBENCH_PAGE: PageReference;
export declare function enableAcrossFrames(): void;
export declare function showPage(pageReference: PageReference): void;
