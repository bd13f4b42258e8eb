import { SipError } from './sip-error';

export class TransferFailedError extends SipError {
  readonly code = 'transfer-failed' as const;

  constructor(
    message = 'The transfer failed. The caller is still on the line with you.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}
