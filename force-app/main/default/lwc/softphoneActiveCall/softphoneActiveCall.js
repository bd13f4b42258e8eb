import { LightningElement, api } from 'lwc';
import { sendToPhone } from 'c/softphoneEvents';
import { LABELS, format } from 'c/softphoneLabels';

const STATUS_TEXT = {
  connecting: LABELS.statusConnecting,
  dialing: LABELS.statusDialing,
  live: LABELS.statusLive,
  holding: LABELS.statusHolding,
  held: LABELS.statusHeld,
  recalling: LABELS.statusRecalling,
  transferring: LABELS.statusTransferring,
  conference: LABELS.statusConference,
  monitored: LABELS.statusMonitored,
  ending: LABELS.statusEnding,
};

/** When the agent's own phone carries the call (deskphone mode, or answered elsewhere): each step's text. */
const DEVICE_STEP_TEXT = {
  callingDevice: LABELS.deviceCalling,
  awaitingKey: LABELS.deviceAwaitingKey,
  callingCustomer: LABELS.deviceCallingCustomer,
  customerRinging: LABELS.deviceCustomerRinging,
  answeredOnDevice: LABELS.deviceAnswered,
};

/**
 * The call controls in display order: data-id, the CallView action that offers it, and the UI event it sends.
 * A control exists only while the phone would accept its event, so the agent never meets a dead button (for
 * example, when the held party hung up during a consultation only Hang up is left).
 */
const CONTROLS = [
  {
    id: 'answer',
    action: 'answer',
    event: 'ui.answer',
    label: LABELS.answer,
    icon: 'utility:call',
    variant: 'success',
  },
  { id: 'mute', action: 'mute', event: 'ui.mute', label: LABELS.mute, icon: 'utility:muted' },
  { id: 'unmute', action: 'unmute', event: 'ui.unmute', label: LABELS.unmute, icon: 'utility:unmuted' },
  { id: 'hold', action: 'hold', event: 'ui.hold', label: LABELS.hold, icon: 'utility:pause' },
  { id: 'resume', action: 'resume', event: 'ui.resume', label: LABELS.resume, icon: 'utility:play' },
  {
    id: 'keypad',
    action: 'keypad',
    event: 'ui.keypad.toggle',
    label: LABELS.keypad,
    icon: 'utility:dialing',
  },
  {
    id: 'transfer',
    action: 'transfer',
    event: 'ui.transfer.start',
    label: LABELS.transfer,
    icon: 'utility:forward',
  },
  {
    id: 'conference',
    action: 'conference',
    event: 'ui.conference.start',
    label: LABELS.conference,
    icon: 'utility:groups',
  },
  {
    id: 'hangup',
    action: 'hangup',
    event: 'ui.hangup',
    label: LABELS.hangup,
    icon: 'utility:end_call',
    variant: 'destructive',
  },
  { id: 'dismiss', action: 'dismiss', event: 'ui.dismiss', label: LABELS.dismiss, icon: 'utility:close' },
];

/**
 * A call on the phone: who, its state and talk time, the hold-recall alert, and the controls its CallView
 * allows (mute, hold / retrieve, keypad with DTMF, transfer, conference, hang up), with the notes.
 */
export default class SoftphoneActiveCall extends LightningElement {
  /** A CallView of the core. */
  @api call;
  labels = LABELS;
  /** Keys the agent pressed on the keypad of this call, echoed back to them. */
  dtmfSent = '';

  @api
  focus() {
    this.template
      .querySelector('[data-id="answer"], [data-id="resume"], [data-id="hangup"], lightning-button')
      ?.focus();
  }

  get showNumber() {
    return this.call.remote.number !== this.call.title;
  }

  /** The line status, unless the call is on the agent's own phone (deviceText says more). */
  get statusText() {
    return this.deviceText ? null : STATUS_TEXT[this.call.status] || '';
  }

  /** Where a call through the agent's own phone stands, or null for a call in the browser. */
  get deviceText() {
    const text = DEVICE_STEP_TEXT[this.call.deviceStep];
    return text ? format(text, this.call.title) : null;
  }

  /** Mute, hold and keypad are on the agent's phone: said once instead of showing dead buttons. */
  get onDevice() {
    return this.call.deviceStep === 'answeredOnDevice';
  }

  /** The network's estimate of how the call sounds (good / fair / poor); hidden until measured. */
  get qualityText() {
    const rating = {
      good: LABELS.callQualityGood,
      fair: LABELS.callQualityFair,
      poor: LABELS.callQualityPoor,
    }[this.call.quality];
    return rating ? format(LABELS.callQuality, rating) : null;
  }

  get qualityClass() {
    return this.call.quality === 'poor'
      ? 'slds-theme_error'
      : this.call.quality === 'fair'
        ? 'slds-theme_warning'
        : 'slds-theme_success';
  }

  get isRecalling() {
    return this.call.status === 'recalling';
  }

  /** A failed unsupervised transfer rings back too; its error says why, so the recall text is not repeated. */
  get recallText() {
    return this.call.error?.code === 'transfer-failed' ? this.call.error.message : LABELS.holdRecall;
  }

  /** The recall alert already says why a failed transfer rings back. */
  get showError() {
    return !!this.call.error && !(this.isRecalling && this.call.error.code === 'transfer-failed');
  }

  get callErrors() {
    return [{ key: this.call.error.code, error: this.call.error }];
  }

  get buttons() {
    return CONTROLS.filter((control) => this.call.actions[control.action]).map((control) => ({
      ...control,
      // On the agent's phone, "Dismiss" is how the agent says the call is over (no SIP tells the panel).
      label: control.id === 'dismiss' && this.onDevice ? LABELS.callEnded : control.label,
      variant: control.variant || 'neutral',
      expanded: control.id === 'keypad' ? String(this.call.keypadOpen) : undefined,
    }));
  }

  get showKeypad() {
    return this.call.keypadOpen && this.call.actions.dtmf;
  }

  get dtmfText() {
    return format(LABELS.dtmfSent, this.dtmfSent);
  }

  handleAction(event) {
    const control = CONTROLS.find((candidate) => candidate.id === event.currentTarget.dataset.id);
    sendToPhone(this, { type: control.event, callId: this.call.callId });
  }

  handleDigit(event) {
    this.dtmfSent += event.detail.digit;
    sendToPhone(this, { type: 'ui.dtmf', callId: this.call.callId, digits: event.detail.digit });
  }
}
