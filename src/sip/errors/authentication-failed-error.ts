import { SipError } from './sip-error';

export class AuthenticationFailedError extends SipError {
  readonly code = 'authentication-failed' as const;

  constructor(
    message = 'The phone system refused the SIP credentials. Check the user name and password in the softphone settings, or ask your administrator for new ones.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}
