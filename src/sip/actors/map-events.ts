// SipPhone's events in the statecharts' words: the phone machine's and a call machine's `sip.*` events,
// and SIP errors as their failure reasons.
import type { CallFailureReason, CallSipEvent, PhoneSipEvent, RegistrationFailureReason } from '../../call';
import { callFailureReasonFromSipStatus } from '../../call';
import type { SipError } from '../errors';
import type { SipEvent } from '../sip-event';

export type Clock = () => number;

export function registrationReason(error: SipError): RegistrationFailureReason {
  if (error.code === 'authentication-failed') return 'bad-credentials';
  if (error.code === 'forbidden') return 'forbidden';
  return 'server-unreachable';
}

export function failureReason(error: SipError): CallFailureReason {
  switch (error.code) {
    case 'busy':
    case 'no-answer':
    case 'not-found':
    case 'declined':
    case 'network':
    case 'microphone-unavailable':
      return error.code;
    case 'address-incomplete':
      return 'not-found';
    case 'forbidden':
    case 'rejected':
      return 'declined';
    case 'cancelled':
      return 'no-answer';
    case 'denied-destination':
      return 'forwarded-to-denied-number';
    default:
      return error.statusCode !== undefined ? callFailureReasonFromSipStatus(error.statusCode) : 'network';
  }
}

/** The phone-level events, or null for events that belong to a call or to nobody. */
export function toPhoneEvent(event: SipEvent, now: Clock): PhoneSipEvent | null {
  switch (event.type) {
    case 'sip.registration.registered':
      return { type: 'sip.registration.succeeded' };
    case 'sip.registration.failed':
      return { type: 'sip.registration.failed', reason: registrationReason(event.error) };
    case 'sip.registration.unregistered':
      return { type: 'sip.registration.ended' };
    case 'sip.transport.disconnected':
      return { type: 'sip.transport.disconnected' };
    case 'sip.invite.received':
      return {
        type: 'sip.invite.received',
        callId: event.callId,
        remote: {
          number: event.caller.user || event.caller.uri,
          ...(event.caller.displayName ? { displayName: event.caller.displayName } : {}),
        },
        at: now(),
        ...(event.context ? { about: event.context } : {}),
        ...(event.replacesCallId ? { replacesCallId: event.replacesCallId } : {}),
      };
    default:
      return null;
  }
}

/** The events of one call, or null for those the call machine does not model. */
export function toCallEvent(event: SipEvent, now: Clock): CallSipEvent | null {
  switch (event.type) {
    case 'sip.call.progress':
      return { type: 'sip.call.progress', earlyMedia: event.earlyMedia };
    case 'sip.call.answered':
      return { type: 'sip.call.answered', at: now() };
    case 'sip.call.failed':
      return {
        type: 'sip.call.failed',
        reason: failureReason(event.error),
        ...(event.error.statusCode !== undefined ? { statusCode: event.error.statusCode } : {}),
        at: now(),
      };
    case 'sip.call.ended':
      return event.reason === 'replaced'
        ? { type: 'sip.call.replaced', at: now() }
        : { type: 'sip.call.ended', at: now() };
    case 'sip.invite.rejected':
      return { type: 'sip.call.ended', at: now() };
    case 'sip.invite.cancelled':
    case 'sip.invite.timedOut':
      return { type: 'sip.invite.canceled', at: now() };
    case 'sip.invite.answeredElsewhere':
      return { type: 'sip.invite.answeredElsewhere', at: now() };
    case 'sip.dialog.terminated':
      return { type: 'sip.dialog.terminated', at: now() };
    case 'sip.answer.failed':
      return { type: 'sip.call.failed', reason: failureReason(event.error), at: now() };
    case 'sip.call.held':
    case 'sip.call.resumed':
      return { type: 'sip.reinvite.succeeded' };
    case 'sip.reinvite.failed':
      // Glare is already retried by the leg (leg/reinvite.ts): what reaches the machine is final.
      return event.operation === 'refresh'
        ? null
        : { type: 'sip.reinvite.failed', statusCode: event.error.statusCode ?? 500 };
    case 'sip.transfer.accepted':
      return { type: 'sip.transfer.accepted' };
    case 'sip.transfer.succeeded':
      return { type: 'sip.transfer.succeeded', at: now() };
    case 'sip.transfer.failed':
      return { type: 'sip.transfer.failed', statusCode: event.error.statusCode ?? 500 };
    default:
      return null;
  }
}
