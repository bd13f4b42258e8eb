// Deskphone mode, outgoing: the panel calls the agent's own device, plays it a prompt, listens for a key
// (SIP INFO, or in-band tones through the host's key listener), then REFERs the device to the customer
// and follows the REFER's NOTIFYs. The statechart decides (timeouts, what to show); this adapter only
// turns its commands into SIP and SIP into its events.
import type { CallFailureReason, CallSipEvent, DeviceFailureReason } from '../call';
import { callFailureReasonFromSipStatus } from '../call';
import type { DialTarget } from '../dialing';
import type { DeviceHook } from './device-hook';
import type { SipError } from './errors';
import type { SipEvent } from './sip-event';
import type { SipPhone } from './phone';

type Clock = () => number;

/**
 * How long the agent's phone may take to reach the customer after the key, their ringing included: an
 * INVITE's Timer C (RFC 3261 §16.6), not the 30 s an agent's unsupervised transfer waits before the call
 * comes back. The customer may answer after 40 s; the panel must still follow the call then.
 */
const CUSTOMER_ANSWER_WAIT_MS = 180_000;

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
  if (error.statusCode !== undefined) return callFailureReasonFromSipStatus(error.statusCode);
  return error.code === 'transfer-timeout' ? 'no-answer' : 'network';
}

/** Where the device leg is; only used to tell what a SIP event means for the call. */
type Step = 'idle' | 'ringingDevice' | 'awaitingKey' | 'connecting' | 'handedOver' | 'ending';

export class DeviceLeg {
  private step: Step = 'idle';
  private customer: DialTarget | undefined;
  private stopMedia: (() => void)[] = [];
  /** Set while a key is awaited: SIP INFO keys arrive as events of this leg. */
  private onInfoKey: ((key: string) => void) | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly phone: SipPhone,
    private readonly callId: string,
    private readonly hook: DeviceHook,
    private readonly sendBack: (event: CallSipEvent) => void,
    private readonly now: Clock,
  ) {
    this.unsubscribe = phone.subscribe((event) => {
      if ('callId' in event && event.callId === callId) this.onSipEvent(event);
    });
  }

  /** `call.dialViaDevice`: ring the agent's device; the customer is remembered, not called. */
  dialDevice(customer: DialTarget): void {
    this.customer = customer;
    const device = this.hook.device();
    if (device === undefined || (typeof device === 'string' && device.trim() === '')) {
      this.sendBack({ type: 'sip.device.failed', reason: 'device-not-set' });
      return;
    }
    this.step = 'ringingDevice';
    this.phone.dial(device, { callId: this.callId }).then(
      () => this.onDeviceAnswered(),
      (error: SipError) => {
        if (this.step === 'ending') this.sendBack({ type: 'sip.call.ended', at: this.now() });
        else this.sendBack({ type: 'sip.device.failed', reason: deviceFailureReason(error) });
      },
    );
  }

  /** `call.connectCustomer`: the key was pressed; the device calls the customer (REFER). */
  connectCustomer(): void {
    const customer = this.customer;
    if (!customer || this.step !== 'awaitingKey') return;
    this.step = 'connecting';
    this.stopListening();
    this.phone.transfer(this.callId, customer, { timeoutMs: CUSTOMER_ANSWER_WAIT_MS }).then(
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
    if (this.step === 'handedOver' || !this.phone.callIds().includes(this.callId)) {
      this.sendBack({ type: 'sip.call.ended', at: this.now() });
      return;
    }
    this.step = 'ending';
    this.stopListening();
    this.phone.hangUp(this.callId).catch(() => undefined);
  }

  dispose(): void {
    this.unsubscribe();
    this.stopListening();
  }

  private onDeviceAnswered(): void {
    if (this.step !== 'ringingDevice') return;
    this.step = 'awaitingKey';
    this.sendBack({ type: 'sip.device.answered' });
    const onKey = (key: string) => {
      if (this.step !== 'awaitingKey') return;
      this.sendBack({ type: 'sip.device.keyPressed', key });
    };
    if (this.hook.playPrompt) this.stopMedia.push(this.hook.playPrompt(this.callId));
    if (this.hook.listenForKeys) this.stopMedia.push(this.hook.listenForKeys(this.callId, onKey));
    this.onInfoKey = onKey;
  }

  private stopListening(): void {
    this.onInfoKey = undefined;
    for (const stop of this.stopMedia.splice(0)) stop();
  }

  private onSipEvent(event: SipEvent): void {
    switch (event.type) {
      case 'sip.dtmf.received':
        this.onInfoKey?.(event.tone);
        break;
      case 'sip.transfer.progress':
        // 180/183 of the device's call to the customer: the customer is ringing.
        if (this.step === 'connecting') this.sendBack({ type: 'sip.call.progress', earlyMedia: false });
        break;
      case 'sip.transfer.succeeded':
        // The customer answered the device: the panel only follows the call from here.
        this.step = 'handedOver';
        this.sendBack({ type: 'sip.call.answered', at: this.now() });
        break;
      case 'sip.call.ended':
        // Our own BYE after the hand-over is not the end of the agent's call with the customer.
        if (this.step === 'handedOver') break;
        this.stopListening();
        if (this.step === 'awaitingKey') {
          this.sendBack({ type: 'sip.device.failed', reason: 'device-hung-up' });
        } else if (this.step === 'ending') {
          this.sendBack({ type: 'sip.call.ended', at: this.now() });
        }
        break;
    }
  }
}
