import { SipError } from './sip-error';

export class NetworkError extends SipError {
  readonly code = 'network' as const;

  constructor(
    message = 'The connection to the phone system was lost. Check your network; the softphone reconnects by itself.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}
