import { SipError } from './sip-error';

export class ServerError extends SipError {
  readonly code = 'server-error' as const;

  constructor(
    message = 'The phone system could not handle the call right now. Try again in a moment.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}
