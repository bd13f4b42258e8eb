import type { CrmLogger } from '../protocol';
import type { SforceOpenCti } from './sforce-open-cti';

/** What the SoftphoneBridge page gives the bundle: its window (for sforce.opencti), its document, a logger. */
export interface BridgePageEnv {
  window: { sforce?: { opencti?: SforceOpenCti } };
  document: Document;
  logger: CrmLogger;
  channelName?: string;
  /**
   * The admin's click-to-dial switch as the page rendered it; absent: read from the page's
   * <meta name="softphone-click-to-dial"> ($Setup merge field), where anything but "true" means off.
   */
  clickToDial?: boolean;
  /** Open CTI call timeout, ms. */
  timeoutMs?: number;
}
