import { SipError } from './sip-error';

export class CallBusyError extends SipError {
  readonly code = 'busy' as const;

  constructor(message = 'The line is busy. Try again later.', statusCode?: number) {
    super(message, statusCode);
  }
}
