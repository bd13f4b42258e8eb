/** What <softphone-bridge-status> shows, derived from the bridge's state and whether click-to-dial is on. */
export type BridgeStatusView = 'connecting' | 'ready' | 'click-to-dial' | 'error';
