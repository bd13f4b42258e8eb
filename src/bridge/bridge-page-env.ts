import type { CrmLogger } from '../protocol';
import type { SforceOpenCti } from './sforce-open-cti';

/** Where the bridge's messages go: the Lightning window the adapter iframe sits in. */
export interface LightningWindow {
  postMessage(message: unknown, targetOrigin: string): void;
}

/** What the SoftphoneBridge page gives the bundle: its window (for sforce.opencti), its document, a logger. */
export interface BridgePageEnv {
  window: { sforce?: { opencti?: SforceOpenCti }; parent?: LightningWindow };
  document: Document;
  logger: CrmLogger;
  /**
   * The admin's click-to-dial switch as the page rendered it; absent: read from the page's
   * <meta name="softphone-click-to-dial"> ($Setup merge field), where anything but "true" means off.
   */
  clickToDial?: boolean;
  /** Open CTI call timeout, ms. */
  timeoutMs?: number;
}
