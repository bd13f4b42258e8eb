import { SipError } from './sip-error';

export class ForbiddenError extends SipError {
  readonly code = 'forbidden' as const;

  constructor(
    message = 'The phone system does not allow this call. Ask your administrator about your calling permissions.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}
