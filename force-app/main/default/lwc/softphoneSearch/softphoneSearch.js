import { LightningElement, api } from 'lwc';
import searchByName from '@salesforce/apex/SoftphoneContactSearch.searchByName';
import { toContactMatch } from 'c/softphoneCrm';
import { reportError } from 'c/softphoneEvents';
import { LABELS } from 'c/softphoneLabels';

/** Apex is asked once the agent pauses typing. */
export const SEARCH_DELAY_MS = 300;
/** SoftphoneContactSearch.searchByName ignores shorter terms. */
const MIN_TERM_LENGTH = 2;

/**
 * A name or number: live results from Apex (Contacts, Leads, Accounts, colleagues' extensions) with a call
 * button per number, and the typed number itself. What "call" means is the container's choice (dial,
 * redirect, transfer to), so it only raises `select`.
 * @fires select detail `{ number, record? }`
 * @fires favorite detail `{ name, number, record }`
 */
export default class SoftphoneSearch extends LightningElement {
  @api label = LABELS.searchLabel;
  /** Label of the button that uses the typed number. */
  @api actionLabel;
  @api canDial = false;
  @api canFavorite = false;
  labels = LABELS;
  term = '';
  matches = [];
  searching = false;
  searchedTerm = '';
  timer;
  sequence = 0;

  /** Adds digits from a dial pad to what is typed. */
  @api
  append(digits) {
    this.term += digits;
    this.scheduleSearch();
  }

  @api
  focus() {
    this.template.querySelector('[data-id="dial-input"]')?.focus();
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
    this.sequence += 1;
  }

  get buttonLabel() {
    return this.actionLabel || LABELS.call;
  }

  get isEmpty() {
    return this.term.trim() === '';
  }

  get showResults() {
    return this.searchedTerm !== '' && this.searchedTerm === this.term.trim() && !this.searching;
  }

  /** One entry per number of each record, so the agent calls the right one. */
  get entries() {
    return this.matches.flatMap((match) => {
      const numbers = match.phones?.length
        ? match.phones
        : [{ label: '', field: 'Phone', value: match.phone }];
      return numbers
        .filter((number) => !!number.value)
        .map((number) => ({
          key: `${match.id}-${number.field}`,
          name: match.name,
          number: number.value,
          detail: [number.label, match.title, match.accountName].filter((part) => !!part).join(' · '),
          record: toContactMatch(match, number.value),
        }));
    });
  }

  handleChange(event) {
    this.term = event.detail.value || '';
    this.scheduleSearch();
  }

  handleKeyUp(event) {
    if (event.key === 'Enter') this.handleDial();
  }

  handleDial() {
    if (!this.canDial || this.isEmpty) return;
    this.dispatchEvent(new CustomEvent('select', { detail: { number: this.term.trim() } }));
  }

  handleCall(event) {
    this.dispatchEvent(new CustomEvent('select', { detail: event.detail }));
  }

  handleFavorite(event) {
    this.dispatchEvent(new CustomEvent('favorite', { detail: event.detail }));
  }

  scheduleSearch() {
    clearTimeout(this.timer);
    const term = this.term.trim();
    if (term.length < MIN_TERM_LENGTH) {
      this.sequence += 1;
      this.matches = [];
      this.searchedTerm = '';
      this.searching = false;
      return;
    }
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- debounce: ask Apex once typing pauses
    this.timer = setTimeout(() => this.search(term), SEARCH_DELAY_MS);
  }

  async search(term) {
    const sequence = ++this.sequence;
    this.searching = true;
    try {
      const matches = await searchByName({ term });
      if (sequence !== this.sequence) return;
      this.matches = matches || [];
      this.searchedTerm = term;
    } catch (error) {
      if (sequence !== this.sequence) return;
      this.matches = [];
      this.searchedTerm = '';
      reportError(this, error);
    } finally {
      if (sequence === this.sequence) this.searching = false;
    }
  }
}
