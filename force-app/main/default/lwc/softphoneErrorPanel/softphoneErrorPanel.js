import { LightningElement, api } from 'lwc';
import { errorMessage } from 'c/softphoneErrors';
import { LABELS } from 'c/softphoneLabels';

/**
 * The one place the softphone shows problems: each entry `{ key, error, dismissible }` carries whatever was
 * thrown (Apex, core, JavaScript) and is shown as the agent-readable message inside it, never a stack.
 * @fires dismiss detail `{ key }`
 */
export default class SoftphoneErrorPanel extends LightningElement {
  @api errors = [];
  labels = LABELS;

  get messages() {
    return (this.errors || []).map((entry) => ({
      key: entry.key,
      text: errorMessage(entry.error, LABELS.errorUnknown),
      dismissible: entry.dismissible === true,
    }));
  }

  get hasMessages() {
    return this.messages.length > 0;
  }

  handleDismiss(event) {
    this.dispatchEvent(new CustomEvent('dismiss', { detail: { key: event.currentTarget.dataset.key } }));
  }
}
