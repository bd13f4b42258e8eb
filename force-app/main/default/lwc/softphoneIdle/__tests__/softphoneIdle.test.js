import { createElement } from 'lwc';
import addFavorite from '@salesforce/apex/SoftphoneFavorites.addFavorite';
import listFavorites from '@salesforce/apex/SoftphoneFavorites.listFavorites';
import listRecents from '@salesforce/apex/SoftphoneRecents.listRecents';
import axe from 'axe-core';

jest.mock('@salesforce/apex/SoftphoneFavorites.addFavorite', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneFavorites.listFavorites', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneFavorites.removeFavorite', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneRecents.listRecents', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SoftphoneContactSearch.searchByName', () => ({ default: jest.fn() }), {
  virtual: true,
});

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneIdle = require('c/softphoneIdle').default;

describe('c-softphone-idle', () => {
  beforeEach(() => {
    listFavorites.mockResolvedValue([]);
    listRecents.mockResolvedValue([]);
    addFavorite.mockResolvedValue({ id: 'a01000000000003AAA' });
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

  async function createComponent(canDial = true) {
    const element = createElement('c-softphone-idle', { is: SoftphoneIdle });
    element.canDial = canDial;
    document.body.appendChild(element);
    const events = jest.fn();
    element.addEventListener('softphonedial', (event) => events('dial', event.detail));
    element.addEventListener('softphoneerror', (event) => events('error', event.detail));
    await flushPromises();
    return { element, events };
  }

  const $ = (element, selector) => element.shadowRoot.querySelector(selector);

  it('shows the search, Favorites and Recent calls', async () => {
    const { element } = await createComponent();

    expect($(element, 'c-softphone-search').canDial).toBe(true);
    expect([...element.shadowRoot.querySelectorAll('lightning-tab')].map((tab) => tab.label)).toEqual([
      'Favorites',
      'Recent calls',
    ]);
    expect($(element, 'c-softphone-favorites').canDial).toBe(true);
    expect($(element, 'c-softphone-recents').canDial).toBe(true);
  });

  it('dials what the agent selected in the search', async () => {
    const { element, events } = await createComponent();

    $(element, 'c-softphone-search').dispatchEvent(
      new CustomEvent('select', { detail: { number: '+15550100', record: { id: 'x' } } }),
    );

    expect(events).toHaveBeenCalledWith('dial', { number: '+15550100', record: { id: 'x' } });
  });

  it('opens a dial pad whose keys type into the search field', async () => {
    const { element } = await createComponent();
    const toggle = $(element, '[data-id="dialpad-toggle"]');
    expect(toggle.ariaExpanded).toBe('false');
    expect($(element, 'c-softphone-dialpad')).toBeNull();

    toggle.click();
    await Promise.resolve();
    const search = $(element, 'c-softphone-search');
    search.append = jest.fn();
    $(element, 'c-softphone-dialpad').dispatchEvent(new CustomEvent('digit', { detail: { digit: '7' } }));

    expect(toggle.ariaExpanded).toBe('true');
    expect(search.append).toHaveBeenCalledWith('7');
  });

  it('says that calls wait for the phone to connect', async () => {
    const { element } = await createComponent(false);

    expect($(element, '[data-id="cannot-dial"]').textContent).toBe(
      'You can place calls once your phone is connected.',
    );
    expect($(element, '[data-id="dialpad-toggle"]')).toBeNull();
  });

  it('keeps a number as a favorite and reloads Favorites', async () => {
    const { element } = await createComponent();
    listFavorites.mockClear();

    $(element, 'c-softphone-recents').dispatchEvent(
      new CustomEvent('favorite', {
        detail: { name: 'Ada Lovelace', number: '+15550100', record: { id: '003000000000001AAA' } },
      }),
    );
    await flushPromises();

    expect(addFavorite).toHaveBeenCalledWith({
      label: 'Ada Lovelace',
      phoneNumber: '+15550100',
      relatedRecordId: '003000000000001AAA',
    });
    expect(listFavorites).toHaveBeenCalledTimes(1);
  });

  it('reports a favorite Apex refused', async () => {
    addFavorite.mockRejectedValue({ body: { message: 'This favorite can’t be saved.' } });
    const { element, events } = await createComponent();

    $(element, 'c-softphone-search').dispatchEvent(
      new CustomEvent('favorite', { detail: { name: '2001', number: '2001' } }),
    );
    await flushPromises();

    expect(addFavorite).toHaveBeenCalledWith({ label: '2001', phoneNumber: '2001', relatedRecordId: null });
    expect(events).toHaveBeenCalledWith('error', {
      error: { body: { message: 'This favorite can’t be saved.' } },
    });
  });

  it('reloads Recents when the recent calls changed', async () => {
    const { element } = await createComponent();
    listRecents.mockClear();

    element.recentsRevision = 1;
    await flushPromises();

    expect(listRecents).toHaveBeenCalledTimes(1);
  });

  it('is accessible', async () => {
    const { element } = await createComponent();
    $(element, '[data-id="dialpad-toggle"]').click();
    await Promise.resolve();

    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
