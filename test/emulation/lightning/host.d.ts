// Types of host.js, for the workbench's TypeScript and the contract tests.
export interface PageHost {
  notify?(type: string, detail: unknown): void;
  load?(kind: 'script' | 'style', url: string): Promise<void>;
  utilityVisible?(utilityId: string): boolean;
  uiApi?(adapter: string, config: unknown): Promise<unknown>;
}
export declare function setHost(pageHost: PageHost): void;
export declare function notifyHost(type: string, detail: unknown): void;
export declare function loadInHost(kind: 'script' | 'style', url: string): Promise<void>;
export declare function utilityVisibleInHost(utilityId: string): boolean;
export declare function askHost(adapter: string, config: unknown): Promise<unknown>;
export declare function spy<F extends (...args: never[]) => unknown>(fn: F): F;
export interface WireAdapterClass<T> {
  new (dataCallback: (value: T) => void): { connect(): void; update(): void; disconnect(): void };
  emit(value: T): void;
  provide(value: T): void;
}
export declare function wireAdapter<T = unknown>(): WireAdapterClass<T>;
