import { LightningElement, api } from 'lwc';
import { LABELS } from './labels';
import { probeBridge } from './bridgeProbe';

/**
 * Softphone Setup's click-to-dial and screen pop section: which path is live in this app (the Open CTI
 * bridge announces itself ready or not, as the utility decides with Auto) and the admin's choice (Crm_Path__c), handed to
 * the setup form with a `change` event ({ value }).
 */
export default class SoftphoneSetupCrmPath extends LightningElement {
  @api value;
  @api readOnly = false;
  labels = LABELS;
  bridgeReady;

  connectedCallback() {
    probeBridge().then((ready) => {
      this.bridgeReady = ready;
    });
  }

  get options() {
    return [
      { label: LABELS.auto, value: 'Auto' },
      { label: LABELS.openCti, value: 'OpenCTI' },
      { label: LABELS.lightning, value: 'Lightning' },
    ];
  }

  get choice() {
    return this.value || 'Auto';
  }

  get liveText() {
    if (this.bridgeReady === undefined) return LABELS.checking;
    return this.bridgeReady ? LABELS.liveOpenCti : LABELS.liveLightning;
  }

  get livePath() {
    if (this.bridgeReady === undefined) return '';
    return this.bridgeReady ? 'OpenCTI' : 'Lightning';
  }

  handleChange(event) {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('change', { detail: { value: event.detail.value } }));
  }
}
