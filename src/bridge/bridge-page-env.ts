import type { CrmLogger } from '../protocol';
import type { SforceOpenCti } from './sforce-open-cti';

/** What the SoftphoneBridge page gives the bundle: its window (for sforce.opencti), its document, a logger. */
export interface BridgePageEnv {
  window: { sforce?: { opencti?: SforceOpenCti } };
  document: Document;
  logger: CrmLogger;
  channelName?: string;
  /** Open CTI call timeout, ms. */
  timeoutMs?: number;
}
