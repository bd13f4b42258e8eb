import type { BridgeStatus, CrmLogger, SoftphoneMessage } from '../protocol';
import type { OpenCti } from './open-cti';

export interface SoftphoneBridgeOptions {
  openCti: OpenCti;
  logger: CrmLogger;
  /**
   * Sends one checked message to the utility (the page: `window.parent.postMessage(message, lightningOrigin)`).
   * May throw; the bridge logs it and carries on.
   */
  post: (message: SoftphoneMessage) => void;
  /** Ids of the messages; random by default. */
  createRequestId?: () => string;
  /** Called on every status change (the page shows it in <softphone-bridge-status>). */
  onStatus?: (status: BridgeStatus) => void;
  /**
   * The admin's click-to-dial switch (Softphone_Settings__c.Click_To_Dial_Enabled__c): off, the bridge turns
   * Open CTI's click-to-dial off and relays no click. Default true.
   */
  clickToDial?: boolean;
  /** How often the status is repeated, ms. Default ANNOUNCE_EVERY_MS. */
  announceEveryMs?: number;
}
