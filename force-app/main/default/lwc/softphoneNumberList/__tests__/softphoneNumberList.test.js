import { createElement } from 'lwc';
import axe from 'axe-core';

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneNumberList = require('c/softphoneNumberList').default;

const ADA = { id: '003000000000001AAA', name: 'Ada Lovelace', objectType: 'Contact', phone: '+15550100' };
const ENTRIES = [
  {
    key: 'ada',
    name: 'Ada Lovelace',
    number: '+15550100',
    detail: 'Mobile · Analytical Engines',
    record: ADA,
  },
  { key: 'desk', name: '2001', number: '2001', time: '2026-01-01T08:00:00.000Z' },
  { key: 'withheld', name: 'Withheld', number: null },
];

describe('c-softphone-number-list', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent(props = {}) {
    const element = createElement('c-softphone-number-list', { is: SoftphoneNumberList });
    Object.assign(element, { entries: ENTRIES, label: 'Results', canCall: true }, props);
    document.body.appendChild(element);
    const events = jest.fn();
    for (const name of ['call', 'favorite', 'remove', 'move']) {
      element.addEventListener(name, (event) => events(name, event.detail));
    }
    return { element, events };
  }

  const all = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)];

  it('lists names, numbers, details and times', () => {
    const { element } = createComponent();

    expect(all(element, 'entry-name').map((node) => node.textContent)).toEqual([
      'Ada Lovelace',
      '2001',
      'Withheld',
    ]);
    // A number that is also the name is not repeated.
    expect(all(element, 'entry-number').map((node) => node.textContent)).toEqual(['+15550100']);
    expect(all(element, 'entry-detail').map((node) => node.textContent)).toEqual([
      'Mobile · Analytical Engines',
    ]);
    expect(all(element, 'entry-time').map((node) => node.value)).toEqual(['2026-01-01T08:00:00.000Z']);
    expect(element.shadowRoot.querySelector('ul').getAttribute('aria-label')).toBe('Results');
  });

  it('offers a call button per number, named for screen readers', () => {
    const { element, events } = createComponent();
    const buttons = all(element, 'call-entry');

    expect(buttons.map((button) => button.alternativeText)).toEqual([
      'Call Ada Lovelace at +15550100',
      'Call 2001',
    ]);
    buttons[0].click();

    expect(events).toHaveBeenCalledWith('call', { number: '+15550100', record: ADA });
  });

  it('leaves call buttons out while the phone cannot call', () => {
    const { element } = createComponent({ canCall: false });

    expect(all(element, 'call-entry')).toEqual([]);
  });

  it('offers to keep or remove favorites when asked to', () => {
    const { element, events } = createComponent({ canFavorite: true, canRemove: true });

    all(element, 'favorite')[0].click();
    all(element, 'remove')[1].click();

    // Without a number there is nothing to keep.
    expect(all(element, 'favorite')).toHaveLength(2);
    expect(all(element, 'favorite')[0].alternativeText).toBe('Add Ada Lovelace to favorites');
    expect(all(element, 'remove')[1].alternativeText).toBe('Remove 2001 from favorites');
    expect(events.mock.calls).toEqual([
      ['favorite', { name: 'Ada Lovelace', number: '+15550100', record: ADA }],
      ['remove', { key: 'desk' }],
    ]);
  });

  it('offers to move entries up and down when asked to, none past either end', () => {
    const { element, events } = createComponent({ canReorder: true });

    expect(all(element, 'move-up').map((button) => button.alternativeText)).toEqual([
      'Move 2001 up',
      'Move Withheld up',
    ]);
    expect(all(element, 'move-down').map((button) => button.alternativeText)).toEqual([
      'Move Ada Lovelace down',
      'Move 2001 down',
    ]);
    all(element, 'move-up')[0].click();
    all(element, 'move-down')[0].click();

    expect(events.mock.calls).toEqual([
      ['move', { key: 'desk', offset: -1 }],
      ['move', { key: 'ada', offset: 1 }],
    ]);
  });

  it('offers no move buttons by default', () => {
    const { element } = createComponent();

    expect(all(element, 'move-up')).toEqual([]);
    expect(all(element, 'move-down')).toEqual([]);
  });

  it('says so when the list is empty', () => {
    const { element } = createComponent({ entries: [], emptyText: 'Nothing here' });

    expect(element.shadowRoot.querySelector('[data-id="empty"]').textContent).toBe('Nothing here');
  });

  it('is accessible', async () => {
    const { element } = createComponent({ canFavorite: true });
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
