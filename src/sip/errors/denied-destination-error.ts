import { SipError } from './sip-error';

/** The network sent an outgoing call (3xx) to a destination the organisation's dial plan denies. */
export class DeniedDestinationError extends SipError {
  readonly code = 'denied-destination' as const;

  constructor(reason: string, statusCode?: number) {
    super(`The call was forwarded to a number you may not call, so it was stopped. ${reason}`, statusCode);
  }
}
