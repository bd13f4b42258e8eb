// The statechart's SIP actors implemented on SipPhone: `sipUserAgent` for the phone machine and
// `sipSession` for each call machine. They translate commands into SipPhone calls and SipPhone's events
// into the machines' `sip.*` events; every decision stays in the machines.
import { fromCallback } from 'xstate';
import type {
  CallFailureReason,
  CallSipEvent,
  PhoneSipEvent,
  RegistrationFailureReason,
  SipCallCommand,
  SipSessionInput,
  SipUserAgentInput,
  UserAgentCommand,
} from '../call';
import { callFailureReasonFromSipStatus } from '../call';
import type { ConferenceHook } from './conference-hook';
import type { DialogSnapshot } from './dialog-snapshot';
import { NotStartedError, type SipError } from './errors';
import type { DeviceHook } from './device-hook';
import { DeviceLeg } from './device-leg';
import type { SipEvent } from './sip-event';
import type { SipPhone } from './sip-phone';

type Clock = () => number;

function registrationReason(error: SipError): RegistrationFailureReason {
  if (error.code === 'authentication-failed') return 'bad-credentials';
  if (error.code === 'forbidden') return 'forbidden';
  return 'server-unreachable';
}

function failureReason(error: SipError): CallFailureReason {
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
      // Glare is already retried inside SipPhone: what reaches the machine is final.
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

function callIdOf(event: SipEvent): string | undefined {
  return 'callId' in event ? event.callId : undefined;
}

/** Failures of fire-and-forget commands reach the machine as events; the promise itself is not needed. */
function ignore(promise: Promise<unknown>): void {
  promise.catch(() => undefined);
}

/**
 * `conference`: the host's mix; without one (Node, no media) conference commands change nothing.
 * `savedDialog`: the dialog a call had on the page before a reload (its `call.recover` takes it back).
 * `device`: the agent's own phone for deskphone mode; without one, deskphone calls fail as not set.
 */
export function createSipActors(
  phone: SipPhone,
  now: Clock = Date.now,
  conference?: ConferenceHook,
  savedDialog: (callId: string) => DialogSnapshot | undefined = () => undefined,
  device?: DeviceHook,
) {
  const sipUserAgent = fromCallback<UserAgentCommand, SipUserAgentInput>(({ sendBack, receive }) => {
    const unsubscribe = phone.subscribe((event) => {
      const mapped = toPhoneEvent(event, now);
      if (mapped) sendBack(mapped);
    });
    receive((command) => {
      switch (command.type) {
        case 'phone.register':
        case 'phone.reconnect':
          // SipPhone reconnects its transport by itself; registering again also proves it is back.
          phone
            .start()
            .then(() => phone.register())
            .catch((error: SipError) =>
              sendBack({ type: 'sip.registration.failed', reason: registrationReason(error) }),
            );
          break;
        case 'phone.reregister':
          phone
            .register({ renewCredentials: true })
            .catch((error: SipError) =>
              sendBack({ type: 'sip.registration.failed', reason: registrationReason(error) }),
            );
          break;
        case 'phone.unregister':
          phone
            .unregister()
            .catch(() => undefined)
            .then(() => sendBack({ type: 'sip.registration.ended' }));
          break;
        case 'phone.declineIncoming':
          ignore(phone.reject(command.callId, command.statusCode === 486 ? 'busy' : 'decline'));
          break;
      }
    });
    return unsubscribe;
  });

  const sipSession = fromCallback<SipCallCommand, SipSessionInput>(({ input, sendBack, receive }) => {
    const { callId } = input;
    // An outgoing deskphone call is a leg to the agent's device handed over to the customer by REFER.
    const deviceLeg =
      input.mode === 'deskphone' && input.direction === 'outgoing'
        ? new DeviceLeg(phone, callId, device ?? { device: () => undefined }, sendBack, now)
        : undefined;
    const unsubscribe = phone.subscribe((event) => {
      if (callIdOf(event) !== callId || deviceLeg) return;
      const mapped = toCallEvent(event, now);
      if (mapped) sendBack(mapped);
    });
    const fail = (error: unknown) =>
      sendBack({
        type: 'sip.session.failed',
        message: error instanceof Error ? error.message : String(error),
        at: now(),
      });
    receive((command) => {
      switch (command.type) {
        case 'call.answer':
          ignore(phone.answer(callId));
          break;
        case 'call.reject':
          ignore(phone.reject(callId, command.statusCode === 486 ? 'busy' : 'decline'));
          break;
        case 'call.rejectWithMessage':
          ignore(phone.rejectWithMessage(callId, command.text));
          break;
        case 'call.redirect':
          phone.redirect(callId, command.target).catch(fail);
          break;
        case 'call.dial':
          // Outcomes (progress, answer, typed failure) arrive as events keyed by this Call-ID.
          phone
            .dial(command.target, { callId, ...(command.about ? { context: command.about } : {}) })
            .catch((error: SipError) => {
              if (!phone.callIds().includes(callId)) {
                sendBack({ type: 'sip.call.failed', reason: failureReason(error), at: now() });
              }
            });
          break;
        case 'call.recover': {
          const dialog = savedDialog(callId);
          // Outcomes arrive as events keyed by this call id, as for a dial.
          const recovering = dialog
            ? phone.recover(dialog, { held: command.held })
            : Promise.reject(new NotStartedError('This call has no saved dialog to take back.'));
          recovering.catch((error: SipError) => {
            if (!phone.callIds().includes(callId)) {
              sendBack({
                type: 'sip.call.failed',
                reason: failureReason(error),
                ...(error.statusCode !== undefined ? { statusCode: error.statusCode } : {}),
                at: now(),
              });
            }
          });
          break;
        }
        case 'call.cancel':
        case 'call.hangup':
          if (deviceLeg) deviceLeg.hangUp();
          else ignore(phone.hangUp(callId));
          break;
        case 'call.hold':
          ignore(phone.hold(callId));
          break;
        case 'call.resume':
          ignore(phone.resume(callId));
          break;
        case 'call.mute':
        case 'call.unmute':
          phone.mute(callId, command.type === 'call.mute').catch(fail);
          break;
        case 'call.dtmf':
          ignore(phone.sendDtmf(callId, command.digits));
          break;
        case 'call.transfer.blind':
          ignore(phone.transfer(callId, command.target, command.about ? { context: command.about } : {}));
          break;
        case 'call.transfer.attended':
          ignore(
            phone.attendedTransfer(
              callId,
              command.consultCallId,
              command.about ? { context: command.about } : {},
            ),
          );
          break;
        case 'call.dialViaDevice':
          deviceLeg?.dialDevice(command.target);
          break;
        case 'call.connectCustomer':
          deviceLeg?.connectCustomer();
          break;
        // The mix is media only (the agent's browser bridges the parties): no signalling.
        case 'call.conference.join':
          if (conference) ignore(conference.join(callId));
          break;
        case 'call.conference.leave':
          if (conference) ignore(conference.leave(callId));
          break;
      }
    });
    return () => {
      unsubscribe();
      deviceLeg?.dispose();
      // A call that ends leaves the mix; the others keep hearing each other.
      if (conference) ignore(conference.leave(callId));
      // A call machine that stops while its session lives (host shutdown) must not leave a call behind.
      if (phone.callIds().includes(callId)) ignore(phone.hangUp(callId));
    };
  });

  return { sipUserAgent, sipSession };
}
