// Deskphone mode, outgoing: the panel calls the agent's own device, plays it a prompt, listens for a key
// (SIP INFO, or in-band tones through the host's key listener), then REFERs the device to the customer
// and follows the REFER's NOTIFYs. The statechart decides (timeouts, what to show); this adapter only
// turns its commands into SIP and SIP into its events.
import type { CallFailureReason, CallSipEvent, DeviceFailureReason } from '../call';
// From its own file, not the folder's index: the deskphone resource would carry the statecharts with it.
import { callFailureReasonFromSipStatus } from '../call/call-failure';
import type { DialTarget } from '../dialing';
import type { DeviceHook } from './device-hook';
import type { SipError } from './errors';
import type { CallLeg, LegDelegate, LegEvent } from './leg/call-leg';
import type { SipPhone } from './phone';

type Clock = () => number;

/** Why the device leg did not answer, in the statechart's words. */
export function deviceFailureReason(error: SipError): DeviceFailureReason {
  switch (error.code) {
    case 'busy':
      return 'device-busy';
    case 'declined':
    case 'rejected':
    case 'forbidden':
      return 'device-declined';
    case 'no-answer':
    case 'cancelled':
      return 'device-no-answer';
    case 'invalid-argument':
    case 'address-incomplete':
      return 'device-not-set';
    default:
      return 'device-unreachable';
  }
}

/** The customer's outcome from the REFER's final NOTIFY (a sipfrag status) or its refusal. */
function customerFailureReason(error: SipError): CallFailureReason {
  return error.statusCode !== undefined ? callFailureReasonFromSipStatus(error.statusCode) : 'network';
}

/** The leg to the agent's device: it owns that leg, whose events come to it as its delegate. */
export class DeviceLeg implements LegDelegate {
  /** From `call.dialViaDevice`: `call.connectCustomer` carries no target of its own. */
  private customer: DialTarget | undefined;
  /** Set by the machine's cancel or hang-up: the leg's end is then the call's end, not a device failure. */
  private hangingUp = false;
  private stopMedia: (() => void)[] = [];
  /** Set while keys are listened for: SIP INFO keys arrive as events of this leg. */
  private onInfoKey: ((key: string) => void) | undefined;
  private leg: CallLeg | undefined;

  constructor(
    private readonly phone: SipPhone,
    private readonly callId: string,
    private readonly hook: DeviceHook,
    private readonly sendBack: (event: CallSipEvent) => void,
    private readonly now: Clock,
  ) {}

  /** `call.dialViaDevice`: ring the agent's device; the customer is remembered, not called. */
  dialDevice(customer: DialTarget): void {
    this.customer = customer;
    const device = this.hook.device();
    if (device === undefined || (typeof device === 'string' && device.trim() === '')) {
      this.sendBack({ type: 'sip.device.failed', reason: 'device-not-set' });
      return;
    }
    this.dial(device).then(
      () => this.onDeviceAnswered(),
      (error: SipError) => {
        if (this.hangingUp) this.sendBack({ type: 'sip.call.ended', at: this.now() });
        else this.sendBack({ type: 'sip.device.failed', reason: deviceFailureReason(error) });
      },
    );
  }

  /**
   * `call.connectCustomer`: the key was pressed; the device calls the customer (REFER). The REFER has no
   * timer of its own: the statechart decides how long the customer may take, and its hang-up ends the
   * REFER's subscription with the dialog.
   */
  connectCustomer(): void {
    const customer = this.customer;
    if (!customer) return;
    this.stopListening();
    this.phone.transfer(this.callId, customer, { timeoutMs: false }).then(
      () => undefined,
      (error: SipError) => {
        const deviceGone = !this.phone.callIds().includes(this.callId);
        this.sendBack({
          type: 'sip.call.failed',
          reason: deviceGone ? 'device-hung-up' : customerFailureReason(error),
          ...(error.statusCode !== undefined ? { statusCode: error.statusCode } : {}),
          at: this.now(),
        });
      },
    );
  }

  /** `call.cancel` / `call.hangup`: whatever is left of the leg to the device ends. */
  hangUp(): void {
    if (!this.phone.callIds().includes(this.callId)) {
      this.sendBack({ type: 'sip.call.ended', at: this.now() });
      return;
    }
    this.hangingUp = true;
    this.stopListening();
    this.phone.hangUp(this.callId).catch(() => undefined);
  }

  dispose(): void {
    if (this.leg?.delegate === this) this.leg.delegate = undefined;
    this.stopListening();
  }

  /** Rings the device on a leg with this call's Call-ID; settles when it answers or has failed. */
  private async dial(device: string | DialTarget): Promise<void> {
    const leg = this.phone.outgoingLeg(device, { callId: this.callId });
    this.leg = leg;
    leg.delegate = this;
    await leg.dial();
  }

  private onDeviceAnswered(): void {
    // The device answered as the machine's cancel crossed it: the leg is being hung up.
    if (this.hangingUp) return;
    this.sendBack({ type: 'sip.device.answered' });
    const onKey = (key: string) => this.sendBack({ type: 'sip.device.keyPressed', key });
    if (this.hook.playPrompt) this.stopMedia.push(this.hook.playPrompt(this.callId));
    if (this.hook.listenForKeys) this.stopMedia.push(this.hook.listenForKeys(this.callId, onKey));
    this.onInfoKey = onKey;
  }

  private stopListening(): void {
    this.onInfoKey = undefined;
    for (const stop of this.stopMedia.splice(0)) stop();
  }

  onEvent(event: LegEvent): void {
    switch (event.type) {
      case 'sip.dtmf.received':
        this.onInfoKey?.(event.tone);
        break;
      case 'sip.transfer.progress':
        // 180/183 of the device's call to the customer: the customer is ringing.
        this.sendBack({ type: 'sip.call.progress', earlyMedia: false });
        break;
      case 'sip.transfer.succeeded':
        // The customer answered the device: the panel only follows the call from here.
        this.sendBack({ type: 'sip.call.answered', at: this.now() });
        break;
      case 'sip.call.ended': {
        // Our own BYE after the hand-over is not the end of the agent's call with the customer.
        if (event.reason === 'transferred') break;
        const keyAwaited = this.onInfoKey !== undefined;
        this.stopListening();
        if (this.hangingUp) this.sendBack({ type: 'sip.call.ended', at: this.now() });
        // While ringing, the dial's failure says why; after the key, the REFER's.
        else if (keyAwaited) this.sendBack({ type: 'sip.device.failed', reason: 'device-hung-up' });
        break;
      }
    }
  }
}
