import { SipError } from './sip-error';

export class IncompatibleMediaError extends SipError {
  readonly code = 'incompatible-media' as const;

  constructor(
    message = 'The other side cannot use the same audio settings. The call could not be connected.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}
