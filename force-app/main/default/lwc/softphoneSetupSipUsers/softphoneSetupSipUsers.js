import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import searchAgents from '@salesforce/apex/SoftphoneSipUsers.searchAgents';
import assignSipUsers from '@salesforce/apex/SoftphoneSipUsers.assignSipUsers';
import { errorMessage } from 'c/softphoneErrors';
import { format } from 'c/softphoneLabels';
import { LABELS } from './labels';
import { assignmentProblems, numbering } from './assignments';

/** Searching waits for a pause in typing, so a name typed letter by letter asks Apex once. */
export const SEARCH_DELAY_MS = 300;

/**
 * Softphone Setup's SIP users section: the admin finds agents (name or user name), selects many, types a SIP user
 * per row or numbers the selected from a starting SIP user, reviews, and assigns them in one all-or-nothing save
 * (SoftphoneSipUsers.assignSipUsers). Typing in a row selects it.
 */
export default class SoftphoneSetupSipUsers extends LightningElement {
  labels = LABELS;
  query = '';
  loading = true;
  loadError;
  agents = [];
  more = false;
  pageSize = 0;
  selection = {};
  drafts = {};
  start = '';
  problems = [];
  saveError;
  saving = false;
  assigned;
  searchTimer;
  searchSequence = 0;

  connectedCallback() {
    this.search();
  }

  disconnectedCallback() {
    clearTimeout(this.searchTimer);
  }

  async search() {
    const sequence = ++this.searchSequence;
    this.loading = true;
    try {
      const page = (await searchAgents({ query: this.query })) ?? {};
      if (sequence !== this.searchSequence) return;
      this.agents = page.agents ?? [];
      this.more = page.more === true;
      this.pageSize = page.pageSize ?? this.agents.length;
      this.loadError = undefined;
      const shown = new Set(this.agents.map((agent) => agent.userId));
      this.selection = Object.fromEntries(Object.entries(this.selection).filter(([id]) => shown.has(id)));
    } catch (error) {
      if (sequence === this.searchSequence) this.loadError = errorMessage(error, LABELS.loadError);
    } finally {
      if (sequence === this.searchSequence) this.loading = false;
    }
  }

  get rows() {
    return this.agents.map((agent) => ({
      ...agent,
      selected: this.selection[agent.userId] === true,
      draft: this.drafts[agent.userId] ?? '',
      current: agent.sipUser || LABELS.noSipUser,
      selectLabel: format(LABELS.selectAgent, agent.name),
      newLabel: format(LABELS.newFor, agent.name),
    }));
  }

  get selectedRows() {
    return this.rows.filter((row) => row.selected);
  }

  get hasRows() {
    return this.agents.length > 0;
  }

  get found() {
    if (this.loading) return LABELS.searching;
    return this.hasRows ? format(LABELS.found, this.agents.length) : LABELS.noneFound;
  }

  get moreText() {
    return format(LABELS.more, this.pageSize);
  }

  get allSelected() {
    return this.hasRows && this.selectedRows.length === this.agents.length;
  }

  get selectedText() {
    return format(LABELS.selected, this.selectedRows.length);
  }

  get hasProblems() {
    return this.problems.length > 0;
  }

  get assignDisabled() {
    return this.saving || this.selectedRows.length === 0;
  }

  handleSearch(event) {
    this.query = event.detail.value ?? '';
    clearTimeout(this.searchTimer);
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- waits for a pause in typing (SEARCH_DELAY_MS)
    this.searchTimer = setTimeout(() => this.search(), SEARCH_DELAY_MS);
  }

  handleSelect(event) {
    this.selection = { ...this.selection, [event.target.dataset.userId]: event.detail.checked };
  }

  handleSelectAll(event) {
    this.selection = Object.fromEntries(this.agents.map((agent) => [agent.userId, event.detail.checked]));
  }

  handleDraft(event) {
    const userId = event.target.dataset.userId;
    const value = event.detail.value ?? '';
    this.drafts = { ...this.drafts, [userId]: value };
    if (value.trim() !== '') this.selection = { ...this.selection, [userId]: true };
  }

  handleStart(event) {
    this.start = event.detail.value ?? '';
  }

  handleNumber() {
    const selected = this.selectedRows;
    const sipUsers = numbering(this.start, selected.length);
    if (selected.length === 0 || !sipUsers) {
      this.problems = [
        {
          key: 'numbering',
          userIds: [],
          message: selected.length === 0 ? LABELS.selectFirst : LABELS.startInvalid,
        },
      ];
      return;
    }
    const numbered = Object.fromEntries(selected.map((row, i) => [row.userId, sipUsers[i]]));
    this.drafts = { ...this.drafts, ...numbered };
    this.problems = [];
  }

  async handleAssign() {
    this.saveError = undefined;
    this.assigned = undefined;
    const selected = this.selectedRows;
    this.problems = assignmentProblems(selected);
    this.showRowProblems();
    if (this.hasProblems) return;
    this.saving = true;
    try {
      const saved = await assignSipUsers({
        assignments: selected.map((row) => ({ userId: row.userId, sipUser: row.draft.trim() })),
      });
      this.applySaved(saved ?? []);
    } catch (error) {
      this.saveError = errorMessage(error, LABELS.saveError);
    } finally {
      this.saving = false;
    }
  }

  /** Marks each row's SIP user box with its own problem, so a screen reader reads it on that box. */
  showRowProblems() {
    const messages = new Map();
    for (const problem of this.problems) {
      for (const userId of problem.userIds) messages.set(userId, problem.message);
    }
    this.template.querySelectorAll('[data-id="sip-users-new"]').forEach((input) => {
      input.setCustomValidity(messages.get(input.dataset.userId) ?? '');
      input.reportValidity();
    });
  }

  applySaved(saved) {
    const byId = new Map(saved.map((agent) => [agent.userId, agent]));
    this.agents = this.agents.map((agent) => byId.get(agent.userId) ?? agent);
    const rest = ([id]) => !byId.has(id);
    this.drafts = Object.fromEntries(Object.entries(this.drafts).filter(rest));
    this.selection = Object.fromEntries(Object.entries(this.selection).filter(rest));
    this.assigned = format(
      LABELS.assigned,
      saved.map((agent) => `${agent.name}: ${agent.sipUser}`).join(', '),
    );
    this.dispatchEvent(new ShowToastEvent({ title: this.assigned, variant: 'success' }));
  }
}
