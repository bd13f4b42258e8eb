import { LightningElement, api } from 'lwc';
import listRecents from '@salesforce/apex/SoftphoneRecents.listRecents';
import { dialNumber, reportError } from 'c/softphoneEvents';
import { LABELS } from 'c/softphoneLabels';

export const RECENTS_LIMIT = 50;
const KINDS = [
  { kind: 'Missed', label: LABELS.missed, tabId: 'missed' },
  { kind: 'Received', label: LABELS.received, tabId: 'received' },
  { kind: 'Dialed', label: LABELS.dialed, tabId: 'dialed' },
];
const PEOPLE = ['Contact', 'Lead'];

/**
 * The agent's recent calls (SoftphoneRecents), split into Missed, Received and Dialed, each with a call back
 * button and a star to keep the number as a favorite.
 * @fires favorite detail `{ name, number, record }`
 */
export default class SoftphoneRecents extends LightningElement {
  @api canDial = false;
  labels = LABELS;
  recents = [];
  loading = true;
  shownRevision;

  /** Changes whenever the agent's recent calls changed: the lists reload then (not on the first value). */
  @api
  get revision() {
    return this.shownRevision;
  }

  set revision(value) {
    const changed = this.shownRevision !== undefined && value !== this.shownRevision;
    this.shownRevision = value;
    if (changed) this.refresh();
  }

  connectedCallback() {
    this.refresh();
  }

  async refresh() {
    try {
      this.recents = (await listRecents({ limitCount: RECENTS_LIMIT })) || [];
    } catch (error) {
      reportError(this, error);
    } finally {
      this.loading = false;
    }
  }

  get lists() {
    return KINDS.map(({ kind, label, tabId }) => {
      const entries = this.recents
        .filter((recent) => recent.kind === kind)
        .map((recent) => this.entryOf(recent));
      return { kind, label, tabId, entries, tabLabel: label };
    });
  }

  entryOf(recent) {
    const name = recent.name || recent.phoneNumber;
    return {
      key: recent.taskId,
      name,
      number: recent.phoneNumber,
      time: recent.callTime,
      record:
        recent.whoId && PEOPLE.includes(recent.whoType)
          ? { id: recent.whoId, name, objectType: recent.whoType, phone: recent.phoneNumber }
          : undefined,
    };
  }

  handleCall(event) {
    dialNumber(this, event.detail);
  }

  handleFavorite(event) {
    this.dispatchEvent(new CustomEvent('favorite', { detail: event.detail }));
  }
}
