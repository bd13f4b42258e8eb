import { SipError } from './sip-error';

export class CallDeclinedError extends SipError {
  readonly code = 'declined' as const;

  constructor(message = 'The call was declined.', statusCode?: number) {
    super(message, statusCode);
  }
}
