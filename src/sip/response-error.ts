// The typed error for a final response; a response SIP.js made up itself (transport error, timer expiry)
// carries no Via and means the network, not the far end.
import type { Core } from 'sip.js';
import { errorForStatus } from './errors/error-for-status';
import { NetworkError } from './errors/network-error';
import type { SipError } from './errors/sip-error';

export function responseError(message: Core.IncomingResponseMessage): SipError {
  if (message.getHeader('via') === undefined) return new NetworkError(undefined, message.statusCode);
  return errorForStatus(message.statusCode ?? 500, message.reasonPhrase);
}
