// A call machine's `sipSession` actor: it owns the call's leg (the ringing one it was spawned for, or the
// one its dial or take-back creates), carries the machine's commands out on it and hands the leg's events
// back through the leg's delegate. Every decision stays in the machine.
import { fromCallback } from 'xstate';
import type { SipCallCommand, SipSessionInput } from '../../call';
import type { ConferenceHook } from '../conference-hook';
import type { DeviceHook } from '../device-hook';
import { DeviceLeg } from '../device-leg';
import type { DialogSnapshot } from '../dialog-snapshot';
import { NotStartedError, type SipError } from '../errors';
import type { CallLeg, LegDelegate } from '../leg/call-leg';
import type { SipPhone } from '../phone';
import { failureReason, toCallEvent, type Clock } from './map-events';

/** Failures of fire-and-forget commands reach the machine as events; the promise itself is not needed. */
export function ignore(promise: Promise<unknown>): void {
  promise.catch(() => undefined);
}

export interface CallActorOptions {
  now: Clock;
  /** The host's mix; without one (Node, no media) conference commands change nothing. */
  conference?: ConferenceHook;
  /** The dialog a call had on the page before a reload (its `call.recover` takes it back). */
  savedDialog: (callId: string) => DialogSnapshot | undefined;
  /** The agent's own phone for deskphone mode; without one, deskphone calls fail as not set. */
  device?: DeviceHook;
}

export function callActor(phone: SipPhone, { now, conference, savedDialog, device }: CallActorOptions) {
  return fromCallback<SipCallCommand, SipSessionInput>(({ input, sendBack, receive }) => {
    const { callId } = input;
    // An outgoing deskphone call is a leg to the agent's device handed over to the customer by REFER.
    const deviceLeg =
      input.mode === 'deskphone' && input.direction === 'outgoing'
        ? new DeviceLeg(phone, callId, device ?? { device: () => undefined }, sendBack, now)
        : undefined;
    const delegate: LegDelegate = {
      onEvent: (event) => {
        const mapped = toCallEvent(event, now);
        if (mapped) sendBack(mapped);
      },
    };
    let leg: CallLeg | undefined;
    const own = (next: CallLeg): CallLeg => {
      leg = next;
      next.delegate = delegate;
      return next;
    };
    // An incoming call's leg rang before its machine existed.
    if (!deviceLeg && phone.callIds().includes(callId)) own(phone.leg(callId));
    // The server's dialog package speaks of the agent's AOR, not of a leg: a call answered on another
    // device of the agent has no leg here, and still ends when that dialog does.
    const stopWatching = phone.on('sip.dialog.terminated', (event) => {
      if (event.callId === callId && !deviceLeg) sendBack({ type: 'sip.dialog.terminated', at: now() });
    });
    /** Runs `command` on the leg (a missing one rejects as not found, as SipPhone's by-id methods do). */
    const onLeg = <T>(command: (owned: CallLeg) => Promise<T>): Promise<T> =>
      Promise.resolve().then(() => command(leg ?? phone.leg(callId)));
    const fail = (error: unknown) =>
      sendBack({
        type: 'sip.session.failed',
        message: error instanceof Error ? error.message : String(error),
        at: now(),
      });
    /** A dial or take-back that could not even start: no leg will report it. */
    const notStarted = (error: SipError) =>
      sendBack({
        type: 'sip.call.failed',
        reason: failureReason(error),
        ...(error.statusCode !== undefined ? { statusCode: error.statusCode } : {}),
        at: now(),
      });
    receive((command) => {
      switch (command.type) {
        case 'call.answer':
          ignore(onLeg((owned) => phone.answerLeg(owned)));
          break;
        case 'call.reject':
          ignore(onLeg((owned) => owned.reject(command.statusCode === 486 ? 'busy' : 'decline')));
          break;
        case 'call.rejectWithMessage':
          ignore(phone.rejectWithMessage(callId, command.text));
          break;
        case 'call.redirect':
          phone.redirect(callId, command.target).catch(fail);
          break;
        case 'call.dial': {
          let next: CallLeg;
          try {
            next = phone.outgoingLeg(command.target, {
              callId,
              ...(command.about ? { context: command.about } : {}),
            });
          } catch (error) {
            notStarted(error as SipError);
            break;
          }
          // Progress, answer and the typed failure arrive through the leg's delegate.
          ignore(own(next).dial());
          break;
        }
        case 'call.recover': {
          const dialog = savedDialog(callId);
          let next: CallLeg;
          try {
            if (!dialog) throw new NotStartedError('This call has no saved dialog to take back.');
            next = phone.recoveringLeg(dialog, { held: command.held });
          } catch (error) {
            notStarted(error as SipError);
            break;
          }
          ignore(own(next).dial());
          break;
        }
        case 'call.cancel':
        case 'call.hangup':
          if (deviceLeg) deviceLeg.hangUp();
          else ignore(onLeg((owned) => owned.hangUp()));
          break;
        case 'call.hold':
          ignore(onLeg((owned) => owned.hold()));
          break;
        case 'call.resume':
          ignore(onLeg((owned) => owned.resume()));
          break;
        case 'call.mute':
        case 'call.unmute':
          onLeg((owned) => owned.mute(command.type === 'call.mute')).catch(fail);
          break;
        case 'call.dtmf':
          ignore(onLeg((owned) => owned.sendDtmf(command.digits)));
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
      stopWatching();
      if (leg?.delegate === delegate) leg.delegate = undefined;
      deviceLeg?.dispose();
      // A call that ends leaves the mix; the others keep hearing each other.
      if (conference) ignore(conference.leave(callId));
      // A call machine that stops while its session lives (host shutdown) must not leave a call behind.
      if (phone.callIds().includes(callId)) ignore(phone.hangUp(callId));
    };
  });
}
