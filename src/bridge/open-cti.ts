// The typed face of Open CTI the bridge programs against: promises, OpenCtiError on failure.
import type { OpenCtiClickPayload } from './open-cti-click-payload';

export interface OpenCti {
  enableClickToDial(): Promise<void>;
  disableClickToDial(): Promise<void>;
  /** Raw payloads: the bridge checks them before relaying. */
  onClickToDial(listener: (payload: OpenCtiClickPayload) => void): void;
  /** The flat "/section/item" → value map of the agent's call center. */
  getCallCenterSettings(): Promise<Readonly<Record<string, string>>>;
  notifyInitializationComplete(): Promise<void>;
}
