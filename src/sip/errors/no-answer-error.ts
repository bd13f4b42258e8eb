import { SipError } from './sip-error';

export class NoAnswerError extends SipError {
  readonly code = 'no-answer' as const;

  constructor(message = 'Nobody answered the call.', statusCode?: number) {
    super(message, statusCode);
  }
}
