// One call as its `sipSession` actor holds it: the leg it owns (the ringing one it was spawned for, or the
// one its dial or take-back creates) or, for an outgoing deskphone call, the leg to the agent's device; the
// call's dialog as the server reports it; and the way back to its machine. It owns the events of its call:
// they come to it through the leg's delegate and the dialog watch, never through the phone's stream.
import type { CallSipEvent, SipSessionInput } from '../../call';
import type { ConferenceHook } from '../conference-hook';
import type { DialTarget } from '../../dialing';
import type { DeviceHook } from '../device-hook';
import type { DeviceLeg } from '../device-leg';
import type { DialogSnapshot } from '../dialog-snapshot';
import type { DialogOwner } from '../dialog-watch';
import type { SipError } from '../errors';
import type { CallLeg, LegDelegate, LegEvent } from '../leg/call-leg';
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

export class OwnedCall implements LegDelegate, DialogOwner {
  readonly callId: string;
  /** An outgoing deskphone call is a leg to the agent's device handed over to the customer by REFER. */
  readonly deviceLeg: DeviceLeg | undefined;
  private leg: CallLeg | undefined;
  private readonly releaseDialog: () => void;

  constructor(
    readonly phone: SipPhone,
    input: SipSessionInput,
    private readonly sendBack: (event: CallSipEvent) => void,
    readonly options: CallActorOptions,
  ) {
    const { callId } = input;
    const { now, device } = options;
    this.callId = callId;
    const viaDevice = input.mode === 'deskphone' && input.direction === 'outgoing';
    const Leg = device?.deviceLeg?.();
    this.deviceLeg = viaDevice && device && Leg ? new Leg(phone, callId, device, sendBack, now) : undefined;
    // An incoming call's leg rang before its machine existed.
    if (!viaDevice && phone.callIds().includes(callId)) this.own(phone.leg(callId));
    // The server's dialog package speaks of the agent's AOR, not of a leg: a call answered on another
    // device of the agent has no leg here, and still ends when that dialog does. The device leg's own
    // dialog ends with the hand-over to the customer, which is not the end of the call.
    this.releaseDialog = viaDevice ? () => undefined : phone.ownDialog(callId, this);
  }

  /** `call.dialViaDevice`; without the agent's device or deskphone mode's code, the call fails as not set. */
  dialDevice(target: DialTarget): void {
    if (this.deviceLeg) this.deviceLeg.dialDevice(target);
    else this.sendBack({ type: 'sip.device.failed', reason: 'device-not-set' });
  }

  /** Takes `next` as this call's leg: its events come to this call's machine from now on. */
  own(next: CallLeg): CallLeg {
    this.leg = next;
    next.delegate = this;
    return next;
  }

  /** Runs `command` on the leg (a missing one rejects as not found, as SipPhone's by-id methods do). */
  onLeg<T>(command: (owned: CallLeg) => Promise<T>): Promise<T> {
    return Promise.resolve().then(() => command(this.leg ?? this.phone.leg(this.callId)));
  }

  onEvent(event: LegEvent): void {
    const mapped = toCallEvent(event, this.options.now);
    if (mapped) this.sendBack(mapped);
  }

  onDialogTerminated(): void {
    this.onEvent({ type: 'sip.dialog.terminated', callId: this.callId });
  }

  /** A command's failure the machine must hear of (redirect, mute). */
  fail(error: unknown): void {
    this.sendBack({
      type: 'sip.session.failed',
      message: error instanceof Error ? error.message : String(error),
      at: this.options.now(),
    });
  }

  /** A dial or take-back that could not even start: no leg will report it. */
  notStarted(error: SipError): void {
    this.sendBack({
      type: 'sip.call.failed',
      reason: failureReason(error),
      ...(error.statusCode !== undefined ? { statusCode: error.statusCode } : {}),
      at: this.options.now(),
    });
  }

  /** The machine stopped: the call lets go of its leg, its dialog, its device leg and the mix. */
  dispose(): void {
    const { phone, callId, options } = this;
    this.releaseDialog();
    if (this.leg?.delegate === this) this.leg.delegate = undefined;
    this.deviceLeg?.dispose();
    // A call that ends leaves the mix; the others keep hearing each other.
    if (options.conference) ignore(options.conference.leave(callId));
    // A call machine that stops while its session lives (host shutdown) must not leave a call behind.
    if (phone.callIds().includes(callId)) ignore(phone.hangUp(callId));
  }
}
