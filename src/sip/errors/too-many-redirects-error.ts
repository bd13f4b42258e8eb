import { SipError } from './sip-error';

export class TooManyRedirectsError extends SipError {
  readonly code = 'too-many-redirects' as const;

  constructor(
    message = 'The call was forwarded too many times and was stopped. Check the forwarding settings of the number you called.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}
