import { createElement } from 'lwc';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import searchAgents from '@salesforce/apex/SoftphoneSipUsers.searchAgents';
import assignSipUsers from '@salesforce/apex/SoftphoneSipUsers.assignSipUsers';
import axe from 'axe-core';

// Answers as SoftphoneSipUsers returns them (checked against the Apex by test/integration/workbench-emulation.test.ts).
const PAGE = require('./data/searchAgents.json');
const SAVED = require('./data/assignSipUsers.json');

jest.mock('@salesforce/apex/SoftphoneSipUsers.searchAgents', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneSipUsers.assignSipUsers', () => ({ default: jest.fn() }), {
  virtual: true,
});

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneSetupSipUsers = require('c/softphoneSetupSipUsers').default;
const { SEARCH_DELAY_MS } = require('c/softphoneSetupSipUsers');

const ADA = PAGE.agents[0].userId;
const BEN = PAGE.agents[1].userId;
const DEE = PAGE.agents[2].userId;

describe('c-softphone-setup-sip-users', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  // Resolves after pending promises (Apex calls) and the re-render they cause.
  function flushPromises() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- test helper, not component code
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  async function createComponent(page = PAGE) {
    searchAgents.mockResolvedValue(page);
    const element = createElement('c-softphone-setup-sip-users', { is: SoftphoneSetupSipUsers });
    document.body.appendChild(element);
    await flushPromises();
    return element;
  }

  const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
  const all = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)];
  const text = (element, id) => $(element, id)?.textContent ?? null;
  const inRow = (element, id, userId) =>
    element.shadowRoot.querySelector(`[data-id="${id}"][data-user-id="${userId}"]`);

  function type(element, id, value, userId) {
    const input = userId ? inRow(element, id, userId) : $(element, id);
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  }

  function tick(element, userId, checked = true) {
    inRow(element, 'sip-users-select', userId).dispatchEvent(
      new CustomEvent('change', { detail: { checked } }),
    );
  }

  async function click(element, id) {
    $(element, id).click();
    await flushPromises();
  }

  async function accessibilityViolations(element) {
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    return violations.map((v) => `${v.id}: ${v.help}`);
  }

  it('says it is finding agents until the list arrives', async () => {
    searchAgents.mockReturnValue(new Promise(() => {}));
    const element = createElement('c-softphone-setup-sip-users', { is: SoftphoneSetupSipUsers });
    document.body.appendChild(element);
    await flushPromises();

    expect(text(element, 'sip-users-found')).toBe('Finding agents…');
    expect(searchAgents).toHaveBeenCalledWith({ query: '' });
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it("lists the org's agents with their current SIP user, each row labelled for a screen reader", async () => {
    const element = await createComponent();

    expect(text(element, 'sip-users-found')).toBe('3 agents shown.');
    expect(all(element, 'sip-users-current').map((cell) => cell.textContent)).toEqual([
      '1001',
      'None',
      'None',
    ]);
    expect(inRow(element, 'sip-users-select', ADA).label).toBe('Select Ada Agent');
    expect(inRow(element, 'sip-users-new', BEN).label).toBe('New SIP user for Ben Agent');
    expect($(element, 'sip-users-more')).toBeNull();
    expect($(element, 'sip-users-assign').disabled).toBe(true);
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('searches once the admin pauses typing, and says when more users match than are shown', async () => {
    const element = await createComponent();
    jest.useFakeTimers();
    searchAgents.mockResolvedValue({ agents: PAGE.agents.slice(0, 2), more: true, pageSize: 2 });
    type(element, 'sip-users-search', 'Ag');
    type(element, 'sip-users-search', 'Agent');
    jest.advanceTimersByTime(SEARCH_DELAY_MS);
    jest.useRealTimers();
    await flushPromises();

    expect(searchAgents).toHaveBeenCalledTimes(2);
    expect(searchAgents).toHaveBeenLastCalledWith({ query: 'Agent' });
    expect(text(element, 'sip-users-more')).toBe(
      'More users match than the 2 shown here. Type more of a name or user name to narrow the list.',
    );
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('says so when no user matches', async () => {
    const element = await createComponent({ agents: [], more: false, pageSize: 50 });

    expect(text(element, 'sip-users-found')).toBe('No active user matches this search.');
    expect(element.shadowRoot.querySelector('table')).toBeNull();
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it("shows Apex's message when the list cannot be loaded", async () => {
    searchAgents.mockRejectedValue({
      body: { message: 'Only softphone admins can view or change these settings.' },
    });
    const element = createElement('c-softphone-setup-sip-users', { is: SoftphoneSetupSipUsers });
    document.body.appendChild(element);
    await flushPromises();

    expect(text(element, 'sip-users-load-error')).toBe(
      'Only softphone admins can view or change these settings.',
    );
    expect($(element, 'sip-users-load-error').getAttribute('role')).toBe('alert');
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('numbers the selected agents in the order shown from a starting SIP user, keeping its leading zeros', async () => {
    const element = await createComponent();
    tick(element, BEN);
    tick(element, DEE);
    type(element, 'sip-users-start', 'ext099');
    await click(element, 'sip-users-number');

    expect(inRow(element, 'sip-users-new', ADA).value).toBe('');
    expect(inRow(element, 'sip-users-new', BEN).value).toBe('ext099');
    expect(inRow(element, 'sip-users-new', DEE).value).toBe('ext100');
    expect(text(element, 'sip-users-selected')).toBe('2 selected');
    expect($(element, 'sip-users-assign').disabled).toBe(false);
  });

  it('refuses a starting SIP user that does not end in digits', async () => {
    const element = await createComponent();
    tick(element, BEN);
    type(element, 'sip-users-start', 'desk');
    await click(element, 'sip-users-number');

    expect(text(element, 'sip-users-problems')).toContain(
      'Type a starting SIP user that ends in digits, such as 2001 or ext100.',
    );
    expect(inRow(element, 'sip-users-new', BEN).value).toBe('');
  });

  it('selects an agent when a SIP user is typed for them, and select-all selects every agent shown', async () => {
    const element = await createComponent();
    type(element, 'sip-users-new', '2002', BEN);
    await flushPromises();

    expect(inRow(element, 'sip-users-select', BEN).checked).toBe(true);
    expect(text(element, 'sip-users-selected')).toBe('1 selected');
    $(element, 'sip-users-select-all').dispatchEvent(
      new CustomEvent('change', { detail: { checked: true } }),
    );
    await flushPromises();
    expect(text(element, 'sip-users-selected')).toBe('3 selected');
    expect($(element, 'sip-users-select-all').checked).toBe(true);
  });

  it('names every wrong row at once and sends nothing: blank, bad characters, one SIP user typed twice', async () => {
    const element = await createComponent();
    tick(element, ADA);
    type(element, 'sip-users-new', 'a b', BEN);
    type(element, 'sip-users-new', 'A b', DEE);
    await click(element, 'sip-users-assign');

    expect(assignSipUsers).not.toHaveBeenCalled();
    expect([...$(element, 'sip-users-problems').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Type a SIP user for Ada Agent.',
      'The SIP user "a b" for Ben Agent can only hold letters, digits and - _ . ! ~ * \' ( ) + (64 at most).',
      'The SIP user "A b" for Dee Agent can only hold letters, digits and - _ . ! ~ * \' ( ) + (64 at most).',
      'The SIP user a b is typed for more than one agent: Ben Agent, Dee Agent.',
    ]);
    expect(text(element, 'sip-users-problems')).toContain('Nothing was saved. Fix these first:');
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('assigns the typed SIP users to the selected agents in one call and shows them as current', async () => {
    const element = await createComponent();
    const toast = jest.fn();
    element.addEventListener(ShowToastEventName, toast);
    assignSipUsers.mockResolvedValue(SAVED);
    type(element, 'sip-users-new', ' ext099 ', BEN);
    type(element, 'sip-users-new', 'ext100', DEE);
    await click(element, 'sip-users-assign');

    expect(assignSipUsers).toHaveBeenCalledWith({
      assignments: [
        { userId: BEN, sipUser: 'ext099' },
        { userId: DEE, sipUser: 'ext100' },
      ],
    });
    expect(all(element, 'sip-users-current').map((cell) => cell.textContent)).toEqual([
      '1001',
      'ext099',
      'ext100',
    ]);
    expect(inRow(element, 'sip-users-new', BEN).value).toBe('');
    expect(text(element, 'sip-users-selected')).toBe('0 selected');
    const assigned = 'SIP users assigned: Ben Agent: ext099, Dee Agent: ext100.';
    expect(text(element, 'sip-users-assigned')).toBe(assigned);
    expect(toast.mock.calls[0][0].detail).toEqual({ title: assigned, variant: 'success' });
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it("shows the server's refusal, naming the holder, and keeps what the admin typed", async () => {
    const element = await createComponent();
    const refusal =
      'Nothing was saved. The SIP user 1001 already belongs to Ada Agent (ada.agent@example.com).';
    assignSipUsers.mockRejectedValue({ body: { message: refusal } });
    type(element, 'sip-users-new', '1001', BEN);
    await click(element, 'sip-users-assign');

    expect(text(element, 'sip-users-save-error')).toBe(refusal);
    expect($(element, 'sip-users-save-error').getAttribute('role')).toBe('alert');
    expect(inRow(element, 'sip-users-new', BEN).value).toBe('1001');
    expect(inRow(element, 'sip-users-select', BEN).checked).toBe(true);
    expect($(element, 'sip-users-assigned')).toBeNull();
    expect(await accessibilityViolations(element)).toEqual([]);
  });
});
