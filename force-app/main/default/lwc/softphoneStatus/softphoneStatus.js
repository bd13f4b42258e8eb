import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/softphoneLabels';
import { sendToPhone } from 'c/softphoneEvents';

const REGISTRATION_TEXT = {
  registered: LABELS.registrationRegistered,
  registering: LABELS.registrationRegistering,
  reconnecting: LABELS.registrationReconnecting,
  lost: LABELS.registrationLost,
  failed: LABELS.registrationFailed,
  unregistered: LABELS.registrationUnregistered,
  unregistering: LABELS.registrationUnregistering,
};
const AVAILABILITY_TEXT = {
  available: LABELS.available,
  away: LABELS.away,
  onCall: LABELS.onCall,
  wrapUp: LABELS.inWrapUp,
};

/** Header: whether the phone is connected (and why not), its mode, and the agent's availability. */
export default class SoftphoneStatus extends LightningElement {
  /** SoftphoneView.registration */
  @api registration;
  @api registrationMessage;
  /** SoftphoneView.availability */
  @api availability;
  /** SoftphoneView.mode */
  @api mode;
  labels = LABELS;

  get registrationText() {
    return REGISTRATION_TEXT[this.registration] || LABELS.registrationUnregistered;
  }

  get badgeClass() {
    const theme = this.registration === 'registered' ? 'slds-theme_success' : 'slds-theme_warning';
    return `slds-badge ${theme}`;
  }

  get modeText() {
    return this.mode === 'deskphone' ? LABELS.modeDeskphone : LABELS.modeSoftphone;
  }

  /** The agent chooses between available and away; on a call or in wrap-up the phone decides. */
  get canChooseAvailability() {
    return this.availability === 'available' || this.availability === 'away';
  }

  get isAvailable() {
    return this.availability === 'available';
  }

  get availabilityText() {
    return AVAILABILITY_TEXT[this.availability] || '';
  }

  get canRegister() {
    return this.registration === 'failed' || this.registration === 'unregistered';
  }

  handleAvailability(event) {
    sendToPhone(this, { type: event.detail.checked ? 'ui.availability.available' : 'ui.availability.away' });
  }

  handleRegister() {
    sendToPhone(this, { type: 'ui.register' });
  }
}
