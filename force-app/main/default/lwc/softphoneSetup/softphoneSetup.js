import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getOrgSettings from '@salesforce/apex/SoftphoneSetupController.getOrgSettings';
import saveOrgSettings from '@salesforce/apex/SoftphoneSetupController.saveOrgSettings';
import saveSipSecret from '@salesforce/apex/SoftphoneSetupController.saveSipSecret';
import { LABELS } from './labels';
import { CALL_OPTION_LABELS } from './call-option-labels';
import { secretProblem, validateSettings, OPTIONAL_RANGES, RANGES } from './validation';
import { summaryOf } from './summary';
import { reduceErrors } from './errors';

// The members of SoftphoneSetupController.OrgSettings the admin edits, in the order of the form.
const EDITABLE_FIELDS = [
  'mode',
  'sipWebSocketUrl',
  'sipDomain',
  'iceServers',
  'credentialTtlSeconds',
  'maxLines',
  'maxHoldSeconds',
  'workTimerSeconds',
  'wrapUpRequired',
  'whenAway',
  'whenInWrapUp',
  'screenPop',
  'textReplies',
  'defaultCountry',
  'outsidePrefix',
  'longDistancePrefix',
  'internationalPrefix',
  'extensionLengths',
  'dialPlanAllow',
  'dialPlanDeny',
  'searchUserExtensions',
  'crmPath',
  'holdMusic',
  'holdMusicResource',
  'clickToDialEnabled',
  'callNotesEnabled',
  'callNotesOnTransfers',
  'workTimerInboundSeconds',
  'workTimerOutboundSeconds',
  'workTimerContactSeconds',
  'workTimerLeadSeconds',
  'workTimerAccountSeconds',
  'workTimerUnknownSeconds',
];
const INTEGER_FIELDS = new Set(Object.keys(RANGES));
const BOOLEAN_FIELDS = new Set([
  'wrapUpRequired',
  'searchUserExtensions',
  'holdMusic',
  'clickToDialEnabled',
  'callNotesEnabled',
  'callNotesOnTransfers',
]);

/**
 * Softphone Setup tab: the admin chooses softphone enabled or disabled, edits the org-wide settings with the same
 * validation as the server, sees what agents will get, and stores the SIP shared secret (never shown back).
 */
export default class SoftphoneSetup extends LightningElement {
  labels = { ...LABELS, ...CALL_OPTION_LABELS };
  ranges = { ...RANGES, ...OPTIONAL_RANGES };
  loading = true;
  loadError;
  draft = {};
  canEdit = false;
  sipSecretSet = false;
  problems = [];
  saveError;
  saving = false;
  secretDraft = '';
  secretError;
  savingSecret = false;
  firstRunError;

  connectedCallback() {
    this.load();
  }

  async load() {
    try {
      this.applySaved(await getOrgSettings());
    } catch (error) {
      this.loadError = reduceErrors(error).join(' ');
    } finally {
      this.loading = false;
    }
  }

  applySaved(settings) {
    this.draft = Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, settings[field]]));
    this.canEdit = settings.canEdit === true;
    this.sipSecretSet = settings.sipSecretSet === true;
  }

  /**
   * Not set up yet: no shared secret is stored. An install cannot store one (only the admin knows it), and no
   * agent can sign in without it, so the first thing an admin who may edit sees is the first-run page.
   */
  get firstRun() {
    return this.canEdit && !this.sipSecretSet;
  }

  get showFooter() {
    return this.canEdit && !this.firstRun;
  }

  get readOnly() {
    return !this.canEdit;
  }

  get saveDisabled() {
    return this.readOnly || this.saving;
  }

  get secretDisabled() {
    return this.readOnly || this.savingSecret;
  }

  get summary() {
    return summaryOf(this.draft, this.sipSecretSet);
  }

  get hasProblems() {
    return this.problems.length > 0;
  }

  get secretStatus() {
    return this.sipSecretSet ? LABELS.secretSet : LABELS.secretNotSet;
  }

  get modeOptions() {
    return [
      { label: LABELS.modeEnabled, value: 'Softphone' },
      { label: LABELS.modeDisabled, value: 'Deskphone' },
    ];
  }

  get policyOptions() {
    return [
      { label: LABELS.policyRing, value: 'Ring' },
      { label: LABELS.policyDecline, value: 'Decline' },
    ];
  }

  get screenPopOptions() {
    return [
      { label: LABELS.screenPopRecord, value: 'Record' },
      { label: LABELS.screenPopNewRecord, value: 'NewRecord' },
      { label: LABELS.screenPopSearch, value: 'Search' },
      { label: LABELS.screenPopNone, value: 'None' },
    ];
  }

  handleChange(event) {
    const field = event.target.dataset.field;
    const value = BOOLEAN_FIELDS.has(field) ? event.detail.checked : event.detail.value;
    this.draft = { ...this.draft, [field]: value };
  }

  handleCrmPathChange(event) {
    this.draft = { ...this.draft, crmPath: event.detail.value };
  }

  async handleSave() {
    this.saveError = undefined;
    this.problems = validateSettings(this.draft);
    this.showFieldProblems();
    if (this.hasProblems) {
      return;
    }
    this.saving = true;
    try {
      this.applySaved(await saveOrgSettings({ settings: this.toApex() }));
      this.dispatchEvent(new ShowToastEvent({ title: LABELS.saved, variant: 'success' }));
    } catch (error) {
      this.saveError = reduceErrors(error).join(' ') || LABELS.saveError;
    } finally {
      this.saving = false;
    }
  }

  handleSecretChange(event) {
    this.secretDraft = event.detail.value;
  }

  async handleSaveSecret() {
    this.secretError = secretProblem(this.secretDraft);
    if (this.secretError) {
      return;
    }
    this.savingSecret = true;
    try {
      await saveSipSecret({ secret: this.secretDraft.trim() });
      this.secretDraft = '';
      this.sipSecretSet = true;
      this.dispatchEvent(new ShowToastEvent({ title: LABELS.secretSaved, variant: 'success' }));
    } catch (error) {
      this.secretError = reduceErrors(error).join(' ') || LABELS.saveError;
    } finally {
      this.savingSecret = false;
    }
  }

  handleFirstRunField(event) {
    const { field, value } = event.detail;
    this.draft = { ...this.draft, [field]: value };
  }

  /** Saves the first-run page's choices with the rest of the draft, then the secret; either refusal is shown. */
  async handleFirstRunSave(event) {
    const { secret } = event.detail;
    const problems = validateSettings(this.draft).map(({ message }) => message);
    const secretError = secretProblem(secret);
    if (secretError) problems.push(secretError);
    this.firstRunError = problems.length > 0 ? problems.join(' ') : undefined;
    if (this.firstRunError) return;
    this.saving = true;
    try {
      this.applySaved(await saveOrgSettings({ settings: this.toApex() }));
      await saveSipSecret({ secret: secret.trim() });
      this.sipSecretSet = true;
      this.dispatchEvent(new ShowToastEvent({ title: LABELS.firstRunSaved, variant: 'success' }));
    } catch (error) {
      this.firstRunError = reduceErrors(error).join(' ') || LABELS.saveError;
    } finally {
      this.saving = false;
    }
  }

  // Apex expects whole numbers as numbers and the flags as booleans; the inputs give strings.
  toApex() {
    return Object.fromEntries(
      EDITABLE_FIELDS.map((field) => {
        const value = this.draft[field];
        if (INTEGER_FIELDS.has(field)) return [field, Number(value)];
        // Empty means "not set": the next rule applies (see the wrap-up times' help).
        if (field in OPTIONAL_RANGES)
          return [field, String(value ?? '').trim() === '' ? null : Number(value)];
        if (BOOLEAN_FIELDS.has(field)) return [field, value === true];
        return [field, value ?? null];
      }),
    );
  }

  showFieldProblems() {
    const messages = new Map(this.problems.map(({ field, message }) => [field, message]));
    this.template.querySelectorAll('[data-field]').forEach((input) => {
      input.setCustomValidity(messages.get(input.dataset.field) ?? '');
      input.reportValidity();
    });
  }

  /** The SIP users section (its own component and Apex) once this admin's settings have loaded. */
  get showSipUsers() {
    return !this.loading && !this.loadError;
  }
}
