import { createElement } from 'lwc';
import listRecents from '@salesforce/apex/SoftphoneRecents.listRecents';
import axe from 'axe-core';

const mockRecents = require('./data/listRecents.json');

jest.mock('@salesforce/apex/SoftphoneRecents.listRecents', () => ({ default: jest.fn() }), { virtual: true });

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneRecents = require('c/softphoneRecents').default;

describe('c-softphone-recents', () => {
  beforeEach(() => {
    listRecents.mockResolvedValue(mockRecents);
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  const flushPromises = () =>
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- test helper, not component code
    new Promise((resolve) => setTimeout(resolve, 0));

  async function createComponent() {
    const element = createElement('c-softphone-recents', { is: SoftphoneRecents });
    element.canDial = true;
    document.body.appendChild(element);
    const events = jest.fn();
    element.addEventListener('softphonedial', (event) => events('dial', event.detail));
    element.addEventListener('favorite', (event) => events('favorite', event.detail));
    element.addEventListener('softphoneerror', (event) => events('error', event.detail));
    await flushPromises();
    return { element, events };
  }

  const tabs = (element) => [...element.shadowRoot.querySelectorAll('lightning-tab')];
  const listIn = (tab) => tab.querySelector('c-softphone-number-list');

  it('asks Apex for the last 50 calls', async () => {
    await createComponent();

    expect(listRecents).toHaveBeenCalledWith({ limitCount: 50 });
  });

  it('splits them into Missed, Received and Dialed tabs', async () => {
    const { element } = await createComponent();

    expect(tabs(element).map((tab) => tab.label)).toEqual(['Missed', 'Received', 'Dialed']);
    expect(tabs(element).map((tab) => listIn(tab).entries.map((entry) => entry.key))).toEqual([
      ['00T000000000001AAA', '00T000000000004AAA'],
      ['00T000000000002AAA'],
      ['00T000000000003AAA'],
    ]);
  });

  it('names each call by its person, else its number, and keeps the record to log against', async () => {
    const { element } = await createComponent();

    expect(listIn(tabs(element)[0]).entries[0]).toEqual({
      key: '00T000000000001AAA',
      name: '+15550199',
      number: '+15550199',
      time: '2026-01-01T09:00:00.000Z',
      record: undefined,
    });
    expect(listIn(tabs(element)[1]).entries[0].record).toEqual({
      id: '003000000000001AAA',
      name: 'Ada Lovelace',
      objectType: 'Contact',
      phone: '+15550100',
    });
  });

  it('calls back and passes on favorites', async () => {
    const { element, events } = await createComponent();
    const list = listIn(tabs(element)[2]);

    list.dispatchEvent(new CustomEvent('call', { detail: { number: '2001' } }));
    list.dispatchEvent(new CustomEvent('favorite', { detail: { name: 'Help desk', number: '2001' } }));

    expect(events.mock.calls).toEqual([
      ['dial', { number: '2001' }],
      ['favorite', { name: 'Help desk', number: '2001' }],
    ]);
    expect(list.canFavorite).toBe(true);
  });

  it('reloads when the recent calls changed (a new revision), not when first given one', async () => {
    const element = createElement('c-softphone-recents', { is: SoftphoneRecents });
    element.revision = 3;
    document.body.appendChild(element);
    await flushPromises();
    expect(listRecents).toHaveBeenCalledTimes(1);
    listRecents.mockResolvedValue([]);

    element.revision = 3;
    await flushPromises();
    expect(listRecents).toHaveBeenCalledTimes(1);

    element.revision = 4;
    await flushPromises();
    expect(listRecents).toHaveBeenCalledTimes(2);
    expect(tabs(element).map((tab) => listIn(tab).entries)).toEqual([[], [], []]);
  });

  it('reports Apex failures to the error panel', async () => {
    listRecents.mockRejectedValue({ body: { message: 'You cannot see your recent calls.' } });
    const { events } = await createComponent();

    expect(events).toHaveBeenCalledWith('error', {
      error: { body: { message: 'You cannot see your recent calls.' } },
    });
  });

  it('is accessible', async () => {
    const { element } = await createComponent();
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
