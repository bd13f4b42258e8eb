// The typed errors of src/sip: a stable code, the SIP status that caused it (when one did) and a message
// written for the agent; and the mappings from SIP answers to them.
import type { Core } from 'sip.js';

/** Stable codes of every error src/sip reports; the UI and the statechart switch on these, never on messages. */
export type SipErrorCode =
  | 'busy'
  | 'no-answer'
  | 'not-found'
  | 'declined'
  | 'forbidden'
  | 'authentication-failed'
  | 'address-incomplete'
  | 'incompatible-media'
  | 'server-error'
  | 'rejected'
  | 'cancelled'
  | 'too-many-redirects'
  | 'denied-destination'
  | 'network'
  | 'microphone-unavailable'
  | 'call-not-found'
  | 'invalid-argument'
  | 'invalid-state'
  | 'reinvite-failed'
  | 'transfer-failed'
  | 'transfer-timeout'
  | 'not-started';

export abstract class SipError extends Error {
  abstract readonly code: SipErrorCode;
  /** The SIP status code behind the error, when a response caused it. */
  readonly statusCode: number | undefined;

  constructor(message: string, statusCode?: number) {
    super(message);
    this.name = new.target.name;
    this.statusCode = statusCode;
  }
}

export class AddressIncompleteError extends SipError {
  readonly code = 'address-incomplete' as const;

  constructor(message = 'The number is incomplete. Check it and dial again.', statusCode?: number) {
    super(message, statusCode);
  }
}

export class AuthenticationFailedError extends SipError {
  readonly code = 'authentication-failed' as const;

  constructor(
    message = 'The phone system refused the SIP credentials. Check the user name and password in the softphone settings, or ask your administrator for new ones.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}

export class CallBusyError extends SipError {
  readonly code = 'busy' as const;

  constructor(message = 'The line is busy. Try again later.', statusCode?: number) {
    super(message, statusCode);
  }
}

export class CallCancelledError extends SipError {
  readonly code = 'cancelled' as const;

  constructor(message = 'The call was cancelled before it was answered.', statusCode?: number) {
    super(message, statusCode);
  }
}

export class CallDeclinedError extends SipError {
  readonly code = 'declined' as const;

  constructor(message = 'The call was declined.', statusCode?: number) {
    super(message, statusCode);
  }
}

export class CallNotFoundError extends SipError {
  readonly code = 'call-not-found' as const;

  constructor(message = 'This call no longer exists. It may have ended already.', statusCode?: number) {
    super(message, statusCode);
  }
}

export class CallRejectedError extends SipError {
  readonly code = 'rejected' as const;

  constructor(message = 'The call was rejected.', statusCode?: number) {
    super(message, statusCode);
  }
}

/** The network sent an outgoing call (3xx) to a destination the organisation's dial plan denies. */
export class DeniedDestinationError extends SipError {
  readonly code = 'denied-destination' as const;

  constructor(reason: string, statusCode?: number) {
    super(`The call was forwarded to a number you may not call, so it was stopped. ${reason}`, statusCode);
  }
}

export class ForbiddenError extends SipError {
  readonly code = 'forbidden' as const;

  constructor(
    message = 'The phone system does not allow this call. Ask your administrator about your calling permissions.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}

export class IncompatibleMediaError extends SipError {
  readonly code = 'incompatible-media' as const;

  constructor(
    message = 'The other side cannot use the same audio settings. The call could not be connected.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}

export class InvalidArgumentError extends SipError {
  readonly code = 'invalid-argument' as const;

  constructor(message = 'The softphone was given an invalid value.', statusCode?: number) {
    super(message, statusCode);
  }
}

export class InvalidStateError extends SipError {
  readonly code = 'invalid-state' as const;

  constructor(
    message = 'This action is not possible in the current state of the call.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}

export class MicrophoneUnavailableError extends SipError {
  readonly code = 'microphone-unavailable' as const;

  constructor(
    message = 'The microphone is blocked or missing. Allow microphone access for this site in the browser (or plug one in), then answer again.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}

export class NetworkError extends SipError {
  readonly code = 'network' as const;

  constructor(
    message = 'The connection to the phone system was lost. Check your network; the softphone reconnects by itself.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}

export class NoAnswerError extends SipError {
  readonly code = 'no-answer' as const;

  constructor(message = 'Nobody answered the call.', statusCode?: number) {
    super(message, statusCode);
  }
}

export class NotFoundError extends SipError {
  readonly code = 'not-found' as const;

  constructor(
    message = 'This number or address does not exist. Check it and dial again.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}

export class NotStartedError extends SipError {
  readonly code = 'not-started' as const;

  constructor(
    message = 'The softphone is not connected to the phone system yet. Sign in first.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}

export class ReinviteFailedError extends SipError {
  readonly code = 'reinvite-failed' as const;

  constructor(
    message = 'The call could not be put on hold or taken off hold. Try again.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}

export class ServerError extends SipError {
  readonly code = 'server-error' as const;

  constructor(
    message = 'The phone system could not handle the call right now. Try again in a moment.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}

export class TooManyRedirectsError extends SipError {
  readonly code = 'too-many-redirects' as const;

  constructor(
    message = 'The call was forwarded too many times and was stopped. Check the forwarding settings of the number you called.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}

export class TransferFailedError extends SipError {
  readonly code = 'transfer-failed' as const;

  constructor(
    message = 'The transfer failed. The caller is still on the line with you.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}

export class TransferTimeoutError extends SipError {
  readonly code = 'transfer-timeout' as const;

  constructor(
    message = 'The transfer was not confirmed in time. The caller is still on the line with you.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}

/** A reason phrase is remote text: keep it short and printable before it reaches a message. */
function printable(reasonPhrase: string | undefined): string {
  return (reasonPhrase ?? '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>]/g, '')
    .trim()
    .slice(0, 60);
}

/** Maps a final SIP status to the typed error the agent sees. */
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

/**
 * The typed error for a final response; a response SIP.js made up itself (transport error, timer expiry)
 * carries no Via and means the network, not the far end.
 */

export function responseError(message: Core.IncomingResponseMessage): SipError {
  if (message.getHeader('via') === undefined) return new NetworkError(undefined, message.statusCode);
  return errorForStatus(message.statusCode ?? 500, message.reasonPhrase);
}

/**
 * 401/407 (a challenge SIP.js already answered with the credentials it had) or 403: the server does not take
 * the phone's credentials (any more). Such a request is sent once more after the credentials are renewed.
 */
export function refusesCredentials(statusCode: number | undefined): boolean {
  return statusCode === 401 || statusCode === 403 || statusCode === 407;
}
