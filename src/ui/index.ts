// Public surface of src/ui: lit elements for the surfaces that are not LWC.
export { BRIDGE_STATUS_TAG, BridgeStatusElement, defineBridgeStatus } from './bridge-status/bridge-status';
export type { BridgeStatusView } from './bridge-status/bridge-status-view';
