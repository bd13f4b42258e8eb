// What the emulated sforce.opencti needs from around it — in Lightning, the utility bar container and the
// org. In the workbench it is the agent page (over postMessage) and the workbench server; in the contract
// tests, an in-memory stand-in.
import type { OpenCtiErrorEntry, OpenCtiResponse } from '../../src/bridge';

/** A screen pop as the container receives it (type is an SCREENPOP_TYPE value). */
export interface ContainerScreenPop {
  type: string;
  params: Record<string, unknown>;
  defaultFieldValues?: Record<string, unknown>;
}

export interface ContainerSearchResult {
  /** record id → {Id, Name, RecordType, ...display fields}. */
  records: Record<string, Record<string, string>>;
  /** What the softphone layout pops for this search, or null. */
  pop: { type: string; params: Record<string, unknown> } | null;
}

export interface OpenCtiContainer {
  callCenterSettings(): Promise<Record<string, string>>;
  search(request: {
    searchParams: string;
    queryParams?: string;
    callType: string;
  }): Promise<ContainerSearchResult>;
  /** Resolves with the record id; rejects with an OpenCtiErrorEntry. */
  saveLog(value: Record<string, unknown>): Promise<{ recordId: string }>;
  screenPop(pop: ContainerScreenPop): void;
  setPanelVisibility(visible: boolean): void;
  isPanelVisible(): boolean;
  clickToDialChanged(enabled: boolean): void;
  initializationComplete(): void;
  /** Lightning Message Service as seen from the Open CTI frame. */
  lms: {
    subscribe(channelName: string, listener: (message: unknown) => void): () => void;
    publish(channelName: string, message: unknown): void;
  };
  /** Every call and its answer, for the workbench's emulation log. */
  log?(entry: { method: string; args: Record<string, unknown>; response?: OpenCtiResponse }): void;
}

export function isErrorEntry(value: unknown): value is OpenCtiErrorEntry {
  return (
    typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string'
  );
}
