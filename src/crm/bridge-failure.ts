import type { BridgeErrorCode } from './bridge-error-code';

/** Why a request failed: a stable code and a message written for the agent. */
export interface BridgeFailure {
  code: BridgeErrorCode;
  message: string;
}
