/** connecting: Open CTI is starting. ready: requests are served. error: the bridge cannot serve requests. */
export type BridgeState = 'connecting' | 'ready' | 'error';
