import { SipError } from './sip-error';

export class NotStartedError extends SipError {
  readonly code = 'not-started' as const;

  constructor(
    message = 'The softphone is not connected to the phone system yet. Sign in first.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}
