import { SipError } from './sip-error';

export class CallRejectedError extends SipError {
  readonly code = 'rejected' as const;

  constructor(message = 'The call was rejected.', statusCode?: number) {
    super(message, statusCode);
  }
}
