import { SipError } from './sip-error';

export class CallNotFoundError extends SipError {
  readonly code = 'call-not-found' as const;

  constructor(message = 'This call no longer exists. It may have ended already.', statusCode?: number) {
    super(message, statusCode);
  }
}
