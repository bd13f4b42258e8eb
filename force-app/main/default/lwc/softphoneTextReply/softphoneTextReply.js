import { LightningElement, api } from 'lwc';
import { sendToPhone } from 'c/softphoneEvents';
import { LABELS } from 'c/softphoneLabels';

/**
 * Rejects a ringing call with a text message to the caller: one of the admin's preset replies, or the agent's own.
 * @fires cancel
 */
export default class SoftphoneTextReply extends LightningElement {
  @api callId;
  /** settings.textReplies */
  @api replies = [];
  labels = LABELS;
  text = '';

  @api
  focus() {
    this.template.querySelector('lightning-button, lightning-textarea')?.focus();
  }

  get hasReplies() {
    return (this.replies || []).length > 0;
  }

  get isEmpty() {
    return this.text.trim() === '';
  }

  handlePreset(event) {
    this.reply(event.currentTarget.dataset.text);
  }

  handleChange(event) {
    this.text = event.detail.value || '';
  }

  handleSend() {
    if (!this.isEmpty) this.reply(this.text.trim());
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  reply(text) {
    sendToPhone(this, { type: 'ui.rejectWithText', callId: this.callId, text });
  }
}
