import { SipError } from './sip-error';

export class InvalidArgumentError extends SipError {
  readonly code = 'invalid-argument' as const;

  constructor(message = 'The softphone was given an invalid value.', statusCode?: number) {
    super(message, statusCode);
  }
}
