// Stable codes of a failed request: Open CTI's own four, then the bridge's and the client's.

export const BRIDGE_ERROR_CODES = [
  'INVALID_PARAM',
  'GENERIC_ERROR',
  'SERVER_ERROR',
  'SOFTPHONE_CONTAINER_ERROR',
  /** Open CTI (or the bridge) did not answer in time. */
  'TIMEOUT',
  /** No bridge to talk to: Open CTI did not load, or the message could not be sent. */
  'BRIDGE_UNAVAILABLE',
  /** A deferred screen pop whose token the bridge no longer holds. */
  'EXPIRED',
  /** The utility tried to send a request that breaks the schema; it never left the utility. */
  'INVALID_REQUEST',
] as const;

export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];
