// Thrown only for programming and configuration mistakes (a bad SIP domain, a hand-built target), never for agent input.

export type DialingErrorCode = 'invalid-domain' | 'invalid-target';

export class DialingError extends Error {
  override readonly name = 'DialingError';
  readonly code: DialingErrorCode;

  constructor(code: DialingErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
