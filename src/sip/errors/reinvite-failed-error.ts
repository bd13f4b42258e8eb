import { SipError } from './sip-error';

export class ReinviteFailedError extends SipError {
  readonly code = 'reinvite-failed' as const;

  constructor(
    message = 'The call could not be put on hold or taken off hold. Try again.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}
