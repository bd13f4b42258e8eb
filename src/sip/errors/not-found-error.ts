import { SipError } from './sip-error';

export class NotFoundError extends SipError {
  readonly code = 'not-found' as const;

  constructor(
    message = 'This number or address does not exist. Check it and dial again.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}
