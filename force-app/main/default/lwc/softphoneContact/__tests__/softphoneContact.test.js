import { createElement } from 'lwc';
import axe from 'axe-core';

const ringingCall = require('./data/ringingCall.json');
const matches = require('./data/matches.json');

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneContact = require('c/softphoneContact').default;

const clone = (value) => JSON.parse(JSON.stringify(value));

function callWith(contact, actions = {}) {
  const call = clone(ringingCall);
  return { ...call, contact: { ...call.contact, ...contact }, actions: { ...call.actions, ...actions } };
}

describe('c-softphone-contact', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent(call) {
    const element = createElement('c-softphone-contact', { is: SoftphoneContact });
    element.call = call;
    document.body.appendChild(element);
    const sent = jest.fn();
    element.addEventListener('softphonesend', (event) => sent(event.detail));
    return { element, sent };
  }

  const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
  const all = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)];

  async function accessibilityViolations(element) {
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    return violations.map((v) => `${v.id}: ${v.help}`);
  }

  it('says that the caller is being looked up', () => {
    const { element } = createComponent(callWith({ state: 'searching', matches: [], chosen: null }));

    expect($(element, 'looking-up').textContent).toBe('Looking up the caller…');
    expect($(element, 'chosen-contact')).toBeNull();
  });

  it("shows the one matching record's details", async () => {
    const { element } = createComponent(
      callWith({ state: 'one', matches: [matches[0]], chosen: matches[0] }, { newContact: true }),
    );

    expect($(element, 'contact-name').textContent).toBe('Ada Lovelace');
    expect($(element, 'contact-detail').textContent).toBe('Contact · Analyst · Analytical Engines');
    expect(element.shadowRoot.querySelector('lightning-icon').iconName).toBe('standard:contact');
    expect($(element, 'pick-contact')).toBeNull();
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('lists several matches for the agent to choose from', async () => {
    const { element, sent } = createComponent(
      callWith({ state: 'several', matches, chosen: null }, { pickContact: true, newContact: true }),
    );

    expect($(element, 'several-matches').textContent).toBe('Several records match. Choose the caller:');
    const picks = all(element, 'pick-contact');
    expect(picks.map((pick) => pick.ariaLabel)).toEqual([
      'Choose Ada Lovelace',
      'Choose Ada King',
      'Choose Ada Byron',
    ]);
    expect(
      all(element, 'match').map((row) => row.querySelector('.slds-text-body_small').textContent),
    ).toEqual(['Contact · Analyst · Analytical Engines', 'Lead', 'Colleague']);
    picks[1].click();

    expect(sent).toHaveBeenCalledWith({
      type: 'ui.contact.pick',
      callId: 'call-1',
      recordId: '00Q000000000001AAA',
    });
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('marks the chosen record and still lets the agent change it', () => {
    const { element } = createComponent(
      callWith({ state: 'one', matches, chosen: matches[1] }, { pickContact: true }),
    );

    expect($(element, 'contact-name').textContent).toBe('Ada King');
    expect(all(element, 'pick-contact')).toHaveLength(2);
    expect($(element, 'chosen-badge').textContent).toBe('Chosen');
  });

  it('offers a new contact when nobody matches', async () => {
    const { element, sent } = createComponent(callWith({ state: 'none', matches: [], chosen: null }));

    expect($(element, 'no-match').textContent).toBe('No record matches this number.');
    $(element, 'new-contact').click();

    expect(sent).toHaveBeenCalledWith({ type: 'ui.contact.new', callId: 'call-1' });
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('offers no new contact when the call does not accept one', () => {
    const { element } = createComponent(
      callWith({ state: 'none', matches: [], chosen: null }, { newContact: false }),
    );

    expect($(element, 'new-contact')).toBeNull();
  });

  it('waits for the new contact form, which the agent may have closed without saving', () => {
    const { element, sent } = createComponent(callWith({ state: 'creating', matches: [], chosen: null }));

    expect($(element, 'creating-contact').textContent).toBe('Complete the new contact form in Salesforce.');
    expect($(element, 'new-contact')).toBeNull();
    $(element, 'cancel-new-contact').click();

    expect(sent).toHaveBeenCalledWith({ type: 'ui.contact.cancel', callId: 'call-1' });
  });

  it('says why the lookup failed and tries again', () => {
    const { element, sent } = createComponent(
      callWith({ state: 'failed', matches: [], chosen: null, error: 'You cannot see contacts.' }),
    );

    expect($(element, 'lookup-failed').textContent).toBe(
      'The caller could not be looked up. You cannot see contacts.',
    );
    $(element, 'retry-lookup').click();

    expect(sent).toHaveBeenCalledWith({ type: 'ui.contact.retry', callId: 'call-1' });
  });
});
