import { LightningElement, api } from 'lwc';
import { sendToPhone } from 'c/softphoneEvents';
import { LABELS } from 'c/softphoneLabels';

/** A call that never connected, with the reason, until the agent dismisses it. */
export default class SoftphoneCallResult extends LightningElement {
  /** A CallView of the core with status 'ended'. */
  @api call;
  labels = LABELS;

  @api
  focus() {
    this.template.querySelector('[data-id="dismiss"]')?.focus();
  }

  get resultText() {
    return this.call.failure?.message || LABELS.callNotConnected;
  }

  handleDismiss() {
    sendToPhone(this, { type: 'ui.dismiss', callId: this.call.callId });
  }
}
