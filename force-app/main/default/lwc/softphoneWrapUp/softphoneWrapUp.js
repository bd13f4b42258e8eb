import { LightningElement, api } from 'lwc';
import { formatDuration } from 'c/softphoneCallTimer';
import { sendToPhone } from 'c/softphoneEvents';
import { LABELS, format } from 'c/softphoneLabels';

/** Task.CallDisposition values: stable text in the log, translated labels on screen. */
const DISPOSITIONS = [
  { value: 'Resolved', label: LABELS.dispositionResolved },
  { value: 'Call back', label: LABELS.dispositionCallBack },
  { value: 'Left voicemail', label: LABELS.dispositionVoicemail },
  { value: 'Wrong number', label: LABELS.dispositionWrongNumber },
  { value: 'Other', label: LABELS.dispositionOther },
];

/**
 * After-call work: the work timer with its clear action (the product documents' red X), the call result, the notes, and Save, which
 * logs the call and ends the wrap-up. A failed save keeps the notes; the phone retries it by itself. A save
 * Salesforce refuses for good (CallView.wrapUp.refusal) is not retried: the agent reads why and saves without
 * the related record, or copies the notes and closes the call without a log.
 */
export default class SoftphoneWrapUp extends LightningElement {
  /** A CallView of the core with status 'wrapUp'. */
  @api call;
  /** settings.wrapUpRequired: a call result is needed and the timer cannot be cleared without saving. */
  @api wrapUpRequired = false;
  labels = LABELS;
  dispositionOptions = DISPOSITIONS;
  /** The clipboard refused the notes: the agent copies them from the Notes field and closes by hand. */
  copyFailed = false;

  @api
  focus() {
    this.template.querySelector('[data-id="save"], lightning-combobox')?.focus();
  }

  get heading() {
    return format(LABELS.wrapUpTitle, this.call.title);
  }

  get hasTimer() {
    return typeof this.call.wrapUp.timerEndsAt === 'number';
  }

  get canClear() {
    return this.call.actions.closeWrapUp && !this.wrapUpRequired;
  }

  get talkTime() {
    const { answeredAt, endedAt } = this.call;
    return answeredAt && endedAt ? format(LABELS.talkTime, formatDuration(endedAt - answeredAt)) : '';
  }

  get refused() {
    return !!this.call.wrapUp.refusal;
  }

  get refusalHelp() {
    return this.call.actions.saveWithoutRecord ? LABELS.logRefusedRecord : LABELS.logRefusedCopy;
  }

  get saveErrors() {
    const template = this.refused ? LABELS.logRefused : LABELS.saveError;
    return [{ key: 'save', error: format(template, this.call.wrapUp.saveError) }];
  }

  get saveLabel() {
    return this.call.wrapUp.saveError ? LABELS.retrySave : LABELS.save;
  }

  handleClear() {
    this.template.querySelector('c-softphone-notes').flush();
    sendToPhone(this, { type: 'ui.wrapUp.close', callId: this.call.callId });
  }

  handleDisposition(event) {
    sendToPhone(this, {
      type: 'ui.disposition.changed',
      callId: this.call.callId,
      disposition: event.detail.value || null,
    });
  }

  handleSaveWithoutRecord() {
    this.template.querySelector('c-softphone-notes').flush();
    sendToPhone(this, { type: 'ui.wrapUp.saveWithoutRecord', callId: this.call.callId });
  }

  /** The call closes without a log only once its notes are on the clipboard (or the agent copied them). */
  async handleCopyAndClose() {
    const notes = this.template.querySelector('c-softphone-notes');
    notes.flush();
    try {
      await navigator.clipboard.writeText(notes.value);
    } catch {
      this.copyFailed = true;
      return;
    }
    this.handleCloseWithoutLog();
  }

  handleCloseWithoutLog() {
    sendToPhone(this, { type: 'ui.wrapUp.closeWithoutLog', callId: this.call.callId });
  }

  handleSave() {
    if (this.wrapUpRequired && !this.call.disposition) {
      this.template.querySelector('lightning-combobox').reportValidity();
      return;
    }
    this.template.querySelector('c-softphone-notes').flush();
    sendToPhone(this, { type: 'ui.wrapUp.saveAndClose', callId: this.call.callId });
  }
}
