// How a failed bridge request reaches the utility: a stable code and a message for the agent.
import type { BridgeErrorCode } from './bridge-error-code';

export class BridgeRequestError extends Error {
  override readonly name = 'BridgeRequestError';
  readonly code: BridgeErrorCode;

  constructor(code: BridgeErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
