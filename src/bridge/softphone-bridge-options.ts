import type { BridgeStatus, CrmLogger } from '../protocol';
import type { OpenCti } from './open-cti';

export interface SoftphoneBridgeOptions {
  openCti: OpenCti;
  logger: CrmLogger;
  /** API name of the message channel; a namespaced package would pass "ns__Softphone__c". */
  channelName?: string;
  /** Ids of events and deferred screen pops; random by default. */
  createRequestId?: () => string;
  /** Called on every status change (the page shows it in <softphone-bridge-status>). */
  onStatus?: (status: BridgeStatus) => void;
  /**
   * The admin's click-to-dial switch (Softphone_Settings__c.Click_To_Dial_Enabled__c): off, the bridge turns
   * Open CTI's click-to-dial off and relays no click. Default true.
   */
  clickToDial?: boolean;
  /** Deferred screen pops kept for `screenPopDeferred`; the oldest is dropped beyond this. Default 20. */
  maxDeferredPops?: number;
}
