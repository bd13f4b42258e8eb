import { createElement } from 'lwc';
import axe from 'axe-core';
import * as coreView from '../../../../../../src/view/statuses';

const calls = require('./data/calls.json');

jest.mock('@salesforce/apex/SoftphoneContactSearch.searchByName', () => ({ default: jest.fn() }), {
  virtual: true,
});

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneConsult = require('c/softphoneConsult').default;

const clone = (value) => JSON.parse(JSON.stringify(value));
const TRANSFER = { purpose: 'transfer', originalCallId: 'call-1', consultCallId: null };
const CONFERENCE = { purpose: 'conference', originalCallId: 'call-1', consultCallId: null };

describe('c-softphone-consult', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent(props) {
    const element = createElement('c-softphone-consult', { is: SoftphoneConsult });
    Object.assign(
      element,
      { consultation: TRANSFER, originalCall: clone(calls.held), statuses: coreView },
      props,
    );
    document.body.appendChild(element);
    const events = jest.fn();
    element.addEventListener('softphonesend', (event) => events('send', event.detail));
    element.addEventListener('softphonedial', (event) => events('dial', event.detail));
    return { element, events };
  }

  const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

  async function accessibilityViolations(element) {
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    return violations.map((v) => `${v.id}: ${v.help}`);
  }

  async function choose(element, value) {
    byId(element, 'transfer-type').dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await Promise.resolve();
  }

  it('says the caller is being put on hold first', () => {
    const { element } = createComponent({ originalCall: { ...clone(calls.held), status: 'holding' } });

    expect(byId(element, 'consult-heading').textContent).toBe('Transfer Ada Lovelace');
    expect(byId(element, 'consult-holding').textContent).toBe('Putting Ada Lovelace on hold…');
    expect(byId(element, 'transfer-type')).toBeNull();
  });

  it('asks for an explicit transfer type before the target', async () => {
    const { element } = createComponent({ canCancel: true });
    const type = byId(element, 'transfer-type');

    expect(type.label).toBe('Transfer type');
    expect(type.value).toBeUndefined();
    expect(type.options).toEqual([
      { label: 'Supervised: talk to them first', value: 'supervised' },
      { label: 'Unsupervised: transfer right away', value: 'unsupervised' },
    ]);
    expect(byId(element, 'consult-target')).toBeNull();
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('dials the third party for a supervised transfer', async () => {
    const { element, events } = createComponent();
    await choose(element, 'supervised');
    const target = byId(element, 'consult-target');
    expect(target.label).toBe('Transfer to (name or number)');
    expect(target.actionLabel).toBe('Call');

    target.dispatchEvent(new CustomEvent('select', { detail: { number: '2001' } }));

    expect(events).toHaveBeenCalledWith('dial', {
      number: '2001',
      record: undefined,
      transfer: 'supervised',
    });
  });

  it('asks for the transfer to complete at once for an unsupervised transfer', async () => {
    const { element, events } = createComponent();
    await choose(element, 'unsupervised');
    const target = byId(element, 'consult-target');
    expect(target.actionLabel).toBe('Transfer');

    target.dispatchEvent(new CustomEvent('select', { detail: { number: '2001', record: { id: 'x' } } }));

    expect(events).toHaveBeenCalledWith('dial', {
      number: '2001',
      record: { id: 'x' },
      transfer: 'unsupervised',
    });
  });

  it('completes a supervised transfer or goes back to the caller', async () => {
    const { element, events } = createComponent({
      consultation: { ...TRANSFER, consultCallId: 'call-2' },
      consultCall: { ...clone(calls.consult), status: 'live' },
      canCompleteTransfer: true,
      canCancel: true,
    });
    expect(byId(element, 'consult-target')).toBeNull();

    byId(element, 'complete-transfer').click();
    byId(element, 'cancel-consult').click();

    expect(byId(element, 'cancel-consult').label).toBe('Back to the caller');
    expect(events.mock.calls).toEqual([
      ['send', { type: 'ui.transfer.complete' }],
      ['send', { type: 'ui.consult.cancel' }],
    ]);
    expect(byId(element, 'merge')).toBeNull();
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('adds a participant to a conference, then merges', async () => {
    const { element, events } = createComponent({ consultation: CONFERENCE });
    expect(byId(element, 'consult-heading').textContent).toBe('Add to conference');
    expect(byId(element, 'transfer-type')).toBeNull();

    byId(element, 'consult-target').dispatchEvent(new CustomEvent('select', { detail: { number: '2001' } }));
    element.consultation = { ...CONFERENCE, consultCallId: 'call-2' };
    element.consultCall = clone(calls.consult);
    element.canMerge = true;
    await Promise.resolve();
    byId(element, 'merge').click();

    expect(events.mock.calls).toEqual([
      ['dial', { number: '2001', record: undefined }],
      ['send', { type: 'ui.conference.merge' }],
    ]);
  });

  it('adds one more party to a running conference without an original call', () => {
    const { element } = createComponent({
      consultation: { purpose: 'conference', originalCallId: null, consultCallId: null },
      originalCall: undefined,
    });

    expect(byId(element, 'consult-target').label).toBe('Add (name or number)');
  });

  it('explains that only hanging up is left when the held party hung up', async () => {
    const { element } = createComponent({
      consultation: { ...TRANSFER, consultCallId: 'call-2' },
      originalCall: { ...clone(calls.held), status: 'wrapUp' },
      consultCall: clone(calls.consult),
    });

    expect(byId(element, 'held-party-gone').textContent).toBe(
      'Ada Lovelace hung up. You can only hang up until the other call connects.',
    );
    expect(byId(element, 'complete-transfer')).toBeNull();
    expect(byId(element, 'merge')).toBeNull();
    expect(byId(element, 'cancel-consult')).toBeNull();
    expect(await accessibilityViolations(element)).toEqual([]);
  });
});
