import { LightningElement, api } from 'lwc';
import { sendToPhone } from 'c/softphoneEvents';
import { LABELS, format } from 'c/softphoneLabels';

/**
 * The card a click-to-dial shows when the phone asks before dialling (the agent is busy, or the number is
 * an emergency number): any component of the org can publish a click, so only the agent's "Call" dials.
 * `request` is the view model's `clickToDial`; the buttons name it, so a newer click is never the one dialled.
 */
export default class SoftphoneClickToDial extends LightningElement {
  @api request;
  labels = LABELS;

  get question() {
    return format(LABELS.clickToDialQuestion, this.request.number);
  }

  get fromRecord() {
    return format(LABELS.clickToDialFrom, this.request.recordName);
  }

  @api
  focus() {
    this.template.querySelector('[data-id="click-to-dial-call"]')?.focus();
  }

  handleCall() {
    sendToPhone(this, { type: 'ui.clickToDial.confirm', callId: this.request.callId });
  }

  handleCancel() {
    sendToPhone(this, { type: 'ui.clickToDial.cancel', callId: this.request.callId });
  }
}
