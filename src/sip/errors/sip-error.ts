// Base of the errors src/sip reports: a stable code, the SIP status that caused it (when one did) and a
// message written for the agent.
import type { SipErrorCode } from './sip-error-code';

export abstract class SipError extends Error {
  abstract readonly code: SipErrorCode;
  /** The SIP status code behind the error, when a response caused it. */
  readonly statusCode: number | undefined;

  constructor(message: string, statusCode?: number) {
    super(message);
    this.name = new.target.name;
    this.statusCode = statusCode;
  }
}
