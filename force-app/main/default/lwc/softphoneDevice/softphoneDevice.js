import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/softphoneLabels';

/**
 * Deskphone mode: the agent's own phone, which rings first on every call. The agent types it and saves;
 * the parent validates it with the dialing rules and stores it (`devicesave` with `{ number }`).
 */
export default class SoftphoneDevice extends LightningElement {
  /** The saved number ('' when none). */
  @api number = '';
  /** Why the last save was refused, in the agent's words. */
  @api error = '';
  @api saving = false;
  labels = LABELS;
  draft;

  get missing() {
    return !this.number;
  }

  handleChange(event) {
    this.draft = event.detail.value;
  }

  handleSubmit(event) {
    event.preventDefault();
    const number = (this.draft ?? this.number ?? '').trim();
    this.dispatchEvent(new CustomEvent('devicesave', { detail: { number } }));
  }
}
