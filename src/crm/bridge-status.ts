// bridge → utility (event and getBridgeStatus result): what the bridge can do right now.
import type { BridgeFailure } from './bridge-failure';
import type { BridgeState } from './bridge-state';
import type { CallCenterSettings } from './call-center-settings';

export interface BridgeStatus {
  state: BridgeState;
  /** True once Open CTI enabled click-to-dial and the bridge relays clicks. */
  clickToDial: boolean;
  /** Absent until the call center settings were read. */
  settings?: CallCenterSettings;
  /** The latest problem, for the agent (also set while ready, e.g. click-to-dial refused). */
  error?: BridgeFailure;
}
