import { LightningElement, api } from 'lwc';
import { FIRST_RUN_LABELS } from './labels';
import { probeRows } from './probe-words';
import { testConnection } from './test-connection';

const reduceError = (error) => error?.body?.message ?? error?.message ?? String(error);

/**
 * Softphone Setup's first-run page, shown until the org has a shared secret (what an install leaves out): the mode
 * with what agents get, the SIP server, the secret, and a Test connection from this browser with what was typed,
 * before anything is saved. The parent owns the draft and saves; this page only tests.
 */
export default class SoftphoneSetupFirstRun extends LightningElement {
  labels = FIRST_RUN_LABELS;
  /** The parent's draft: mode, sipWebSocketUrl and sipDomain are edited here. */
  @api draft = {};
  /** What agents will get, in sentences (the parent's summary of the draft). */
  @api summary = [];
  @api saving = false;
  @api saveError;
  secret = '';
  testing = false;
  results = [];
  testError;

  get modeOptions() {
    return [
      { label: this.labels.modeEnabled, value: 'Softphone' },
      { label: this.labels.modeDisabled, value: 'Deskphone' },
    ];
  }

  get rows() {
    return probeRows(this.results);
  }

  get hasResults() {
    return this.results.length > 0;
  }

  get busy() {
    return this.testing || this.saving;
  }

  handleField(event) {
    const { field } = event.target.dataset;
    this.dispatchEvent(new CustomEvent('fieldchange', { detail: { field, value: event.detail.value } }));
  }

  handleSecret(event) {
    this.secret = event.detail.value;
  }

  async handleTest() {
    this.results = [];
    this.testError = undefined;
    const webSocketUrl = String(this.draft.sipWebSocketUrl ?? '').trim();
    if (webSocketUrl === '') {
      this.testError = this.labels.probeNeedUrl;
      return;
    }
    this.testing = true;
    try {
      this.results = await testConnection(this, {
        webSocketUrl,
        domain: String(this.draft.sipDomain ?? '').trim(),
        secret: this.secret.trim(),
      });
    } catch (error) {
      this.testError = `${this.labels.probeTestError} ${reduceError(error)}`;
    } finally {
      this.testing = false;
    }
  }

  handleSave() {
    this.dispatchEvent(new CustomEvent('save', { detail: { secret: this.secret } }));
  }
}
