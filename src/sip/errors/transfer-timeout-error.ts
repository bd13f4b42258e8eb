import { SipError } from './sip-error';

export class TransferTimeoutError extends SipError {
  readonly code = 'transfer-timeout' as const;

  constructor(
    message = 'The transfer was not confirmed in time. The caller is still on the line with you.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}
