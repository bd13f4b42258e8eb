// Types of the workbench's lightning/navigation emulation, for the contract tests.
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
export declare class CurrentPageReference {
  constructor(dataCallback: (value: PageReference) => void);
  connect(): void;
  update(): void;
  disconnect(): void;
}
