import { SipError } from './sip-error';

export class InvalidStateError extends SipError {
  readonly code = 'invalid-state' as const;

  constructor(
    message = 'This action is not possible in the current state of the call.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}
