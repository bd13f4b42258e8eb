// Types of the emulated lightning/navigation, for the contract tests.
import type { WireAdapterClass } from './host.js';
export interface PageReference {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, unknown>;
}
type Constructor = new (...args: never[]) => object;
export declare const NavigationMixin: {
  <T extends Constructor>(Base: T): T;
  readonly Navigate: unique symbol;
  readonly GenerateUrl: unique symbol;
};
export declare const CurrentPageReference: WireAdapterClass<PageReference>;
export declare function getNavigateCalledWith(): { pageReference: unknown; replace: unknown };
export declare function getGenerateUrlCalledWith(): { pageReference: unknown };
export declare function resetNavigation(): void;
