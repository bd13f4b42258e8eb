import { LightningElement, api } from 'lwc';
import { sendToPhone } from 'c/softphoneEvents';
import { LABELS } from 'c/softphoneLabels';

/** The phone hears about notes once typing pauses, not at every key. */
export const NOTES_DELAY_MS = 500;

/**
 * The call's notes. What the agent types stays on screen while the phone catches up (the view's notes lag
 * behind by the debounce), and is sent at once when the field loses focus or before a save.
 */
export default class SoftphoneNotes extends LightningElement {
  @api callId;
  /** CallView.actions.saveNotes */
  @api canSave = false;
  /** CallView.notesEnabled: false when the admin's Call Notes option is off for this call (no field at all). */
  @api enabled;
  /** The field's label when "Notes" alone would not say whose notes they are (the conference's). */
  @api label;
  labels = LABELS;
  draft = '';
  saved = '';
  timer;

  /** CallView.notes: shown unless the agent is typing. */
  @api
  get notes() {
    return this.saved;
  }
  set notes(value) {
    this.saved = value || '';
    if (!this.timer) this.draft = this.saved;
  }

  get fieldLabel() {
    return this.label || LABELS.notes;
  }

  get shown() {
    return this.enabled !== false;
  }

  /** The notes as the agent sees them, typed words included (what "copy the notes" copies). */
  @api
  get value() {
    return this.draft;
  }

  /** Sends notes typed but not sent yet. */
  @api
  flush() {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    sendToPhone(this, { type: 'ui.notes.changed', callId: this.callId, text: this.draft });
  }

  /** A reload or a closed tab must not lose the last words typed: the phone gets them before the page goes. */
  pageHidden = () => this.flush();

  connectedCallback() {
    window.addEventListener('pagehide', this.pageHidden);
  }

  disconnectedCallback() {
    window.removeEventListener('pagehide', this.pageHidden);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  handleChange(event) {
    this.draft = event.detail.value || '';
    clearTimeout(this.timer);
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- debounce: tell the phone once typing pauses
    this.timer = setTimeout(() => this.flush(), NOTES_DELAY_MS);
  }

  handleBlur() {
    this.flush();
  }

  handleSave() {
    this.flush();
    sendToPhone(this, { type: 'ui.notes.save', callId: this.callId });
  }
}
