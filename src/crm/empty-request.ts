/** Payload of requests that need no argument (getCallCenterSettings, getBridgeStatus): exactly `{}`. */
export type EmptyRequest = Record<string, never>;
