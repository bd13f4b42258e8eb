// Maps a final SIP status to the typed error the agent sees.
import { AddressIncompleteError } from './address-incomplete-error';
import { AuthenticationFailedError } from './authentication-failed-error';
import { CallBusyError } from './call-busy-error';
import { CallCancelledError } from './call-cancelled-error';
import { CallDeclinedError } from './call-declined-error';
import { CallRejectedError } from './call-rejected-error';
import { ForbiddenError } from './forbidden-error';
import { IncompatibleMediaError } from './incompatible-media-error';
import { NoAnswerError } from './no-answer-error';
import { NotFoundError } from './not-found-error';
import { ServerError } from './server-error';
import type { SipError } from './sip-error';

/** A reason phrase is remote text: keep it short and printable before it reaches a message. */
function printable(reasonPhrase: string | undefined): string {
  return (reasonPhrase ?? '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>]/g, '')
    .trim()
    .slice(0, 60);
}

export function errorForStatus(statusCode: number, reasonPhrase?: string): SipError {
  switch (statusCode) {
    case 486:
    case 600:
      return new CallBusyError(undefined, statusCode);
    case 408:
    case 480:
      return new NoAnswerError(undefined, statusCode);
    case 404:
    case 410:
    case 604:
      return new NotFoundError(undefined, statusCode);
    case 603:
      return new CallDeclinedError(undefined, statusCode);
    case 403:
      return new ForbiddenError(undefined, statusCode);
    case 401:
    case 407:
      return new AuthenticationFailedError(undefined, statusCode);
    case 484:
    case 485:
      return new AddressIncompleteError(undefined, statusCode);
    case 415:
    case 488:
    case 606:
      return new IncompatibleMediaError(undefined, statusCode);
    case 487:
      return new CallCancelledError(undefined, statusCode);
  }
  if (statusCode >= 500 && statusCode < 600) return new ServerError(undefined, statusCode);
  const reason = printable(reasonPhrase);
  return new CallRejectedError(
    `The call was rejected (SIP ${statusCode}${reason ? ` ${reason}` : ''}). If this keeps happening, tell your administrator.`,
    statusCode,
  );
}
