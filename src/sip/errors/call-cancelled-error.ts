import { SipError } from './sip-error';

export class CallCancelledError extends SipError {
  readonly code = 'cancelled' as const;

  constructor(message = 'The call was cancelled before it was answered.', statusCode?: number) {
    super(message, statusCode);
  }
}
