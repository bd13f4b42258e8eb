import { LightningElement, api } from 'lwc';
import { redirectCall } from 'c/softphoneEvents';
import { LABELS } from 'c/softphoneLabels';

/**
 * Sends a ringing call on to someone else without answering it: a typed number or a search result.
 * The caller keeps hearing ringing; a redirected call is never logged.
 * @fires cancel
 */
export default class SoftphoneRedirect extends LightningElement {
  @api callId;
  labels = LABELS;

  @api
  focus() {
    this.template.querySelector('c-softphone-search')?.focus();
  }

  handleSelect(event) {
    redirectCall(this, this.callId, event.detail.number);
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }
}
