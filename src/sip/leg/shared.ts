// Small helpers every part of a call leg uses.
import { UserAgent, type URI } from 'sip.js';
import { IncompatibleMediaError, InvalidStateError, MicrophoneUnavailableError, SipError } from '../errors';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Remote text, cut to `max` characters without control or format characters. */
export function printable(text: string, max: number): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, max);
}

export function parseUri(value: string): URI {
  const uri = UserAgent.makeURI(value);
  if (!uri) throw new InvalidStateError(`"${printable(value, 80)}" is not a SIP address.`);
  return uri;
}

/** The typed error for a failure to make or take an offer (getUserMedia, the peer connection). */
export function mediaError(cause: unknown): SipError {
  if (cause instanceof SipError) return cause;
  const name = cause instanceof Error ? cause.name : '';
  if (name === 'NotAllowedError' || name === 'NotFoundError' || name === 'NotReadableError') {
    return new MicrophoneUnavailableError();
  }
  return new IncompatibleMediaError(
    `The audio of the call could not be set up (${cause instanceof Error ? printable(cause.message, 80) : 'unknown error'}).`,
  );
}
