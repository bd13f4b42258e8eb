import { createElement } from 'lwc';
import listFavorites from '@salesforce/apex/SoftphoneFavorites.listFavorites';
import removeFavorite from '@salesforce/apex/SoftphoneFavorites.removeFavorite';
import reorderFavorites from '@salesforce/apex/SoftphoneFavorites.reorderFavorites';
import axe from 'axe-core';

const mockFavorites = require('./data/listFavorites.json');

jest.mock('@salesforce/apex/SoftphoneFavorites.listFavorites', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneFavorites.removeFavorite', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneFavorites.reorderFavorites', () => ({ default: jest.fn() }), {
  virtual: true,
});
const mockReordered = require('./data/reorderFavorites.json');

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneFavorites = require('c/softphoneFavorites').default;

describe('c-softphone-favorites', () => {
  beforeEach(() => {
    listFavorites.mockResolvedValue(mockFavorites);
    removeFavorite.mockResolvedValue(undefined);
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
    const element = createElement('c-softphone-favorites', { is: SoftphoneFavorites });
    element.canDial = true;
    document.body.appendChild(element);
    const events = jest.fn();
    element.addEventListener('softphonedial', (event) => events('dial', event.detail));
    element.addEventListener('softphoneerror', (event) => events('error', event.detail));
    await flushPromises();
    return { element, events };
  }

  const list = (element) => element.shadowRoot.querySelector('c-softphone-number-list');

  it("lists the agent's favorites with the record behind each", async () => {
    const { element } = await createComponent();

    expect(list(element).entries).toEqual([
      {
        key: 'a01000000000001AAA',
        name: 'Ada Lovelace',
        number: '+15550100',
        record: { id: '003000000000001AAA', name: 'Ada Lovelace', objectType: 'Contact', phone: '+15550100' },
      },
      { key: 'a01000000000002AAA', name: 'Help desk', number: '2001', record: undefined },
    ]);
    expect(list(element).canCall).toBe(true);
    expect(list(element).canRemove).toBe(true);
    expect(list(element).canReorder).toBe(true);
    expect(list(element).emptyText).toBe('No favorites yet. Add one with the star next to a number.');
  });

  it('shows that it is loading first', () => {
    listFavorites.mockReturnValue(new Promise(() => undefined));
    const element = createElement('c-softphone-favorites', { is: SoftphoneFavorites });
    document.body.appendChild(element);

    expect(element.shadowRoot.querySelector('[data-id="loading"]').textContent).toBe('Loading…');
  });

  it('dials a favorite', async () => {
    const { element, events } = await createComponent();

    list(element).dispatchEvent(new CustomEvent('call', { detail: { number: '2001' } }));

    expect(events).toHaveBeenCalledWith('dial', { number: '2001' });
  });

  it('removes a favorite and reloads the list', async () => {
    const { element } = await createComponent();
    listFavorites.mockResolvedValue(mockFavorites.slice(1));

    list(element).dispatchEvent(new CustomEvent('remove', { detail: { key: 'a01000000000001AAA' } }));
    await flushPromises();

    expect(removeFavorite).toHaveBeenCalledWith({ favoriteId: 'a01000000000001AAA' });
    expect(list(element).entries.map((entry) => entry.key)).toEqual(['a01000000000002AAA']);
  });

  it('moves a favorite: the new order shows at once and is kept in Salesforce', async () => {
    let answer;
    reorderFavorites.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const { element } = await createComponent();

    list(element).dispatchEvent(
      new CustomEvent('move', { detail: { key: 'a01000000000002AAA', offset: -1 } }),
    );
    await flushPromises();

    const order = ['a01000000000002AAA', 'a01000000000001AAA'];
    expect(reorderFavorites).toHaveBeenCalledWith({ favoriteIds: order });
    expect(list(element).entries.map((entry) => entry.key)).toEqual(order);
    answer(mockReordered);
    await flushPromises();
    expect(list(element).entries.map((entry) => entry.key)).toEqual(order);
  });

  it('a refused order is reported and the saved order comes back', async () => {
    reorderFavorites.mockRejectedValue({ body: { message: "Your favorites can't be reordered." } });
    const { element, events } = await createComponent();

    list(element).dispatchEvent(
      new CustomEvent('move', { detail: { key: 'a01000000000001AAA', offset: 1 } }),
    );
    await flushPromises();
    await flushPromises();

    expect(events).toHaveBeenCalledWith('error', {
      error: { body: { message: "Your favorites can't be reordered." } },
    });
    expect(list(element).entries.map((entry) => entry.key)).toEqual([
      'a01000000000001AAA',
      'a01000000000002AAA',
    ]);
  });

  it('reports Apex failures to the error panel', async () => {
    listFavorites.mockRejectedValue({ body: { message: 'No access to favorites' } });
    const { events } = await createComponent();

    expect(events).toHaveBeenCalledWith('error', { error: { body: { message: 'No access to favorites' } } });
  });

  it('is accessible', async () => {
    const { element } = await createComponent();
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
