import { createElement } from 'lwc';
import searchByName from '@salesforce/apex/SoftphoneContactSearch.searchByName';
import axe from 'axe-core';

const mockMatches = require('./data/searchByName.json');

jest.mock('@salesforce/apex/SoftphoneContactSearch.searchByName', () => ({ default: jest.fn() }), {
  virtual: true,
});

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneSearch = require('c/softphoneSearch').default;

describe('c-softphone-search', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    searchByName.mockResolvedValue(mockMatches);
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.useRealTimers();
    jest.clearAllMocks();
  });

  function createComponent(props = {}) {
    const element = createElement('c-softphone-search', { is: SoftphoneSearch });
    Object.assign(element, { canDial: true }, props);
    document.body.appendChild(element);
    const events = jest.fn();
    for (const name of ['select', 'favorite', 'softphoneerror']) {
      element.addEventListener(name, (event) => events(name, event.detail));
    }
    return { element, events };
  }

  const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

  async function type(element, value) {
    $(element, 'dial-input').dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await Promise.resolve();
  }

  // Runs the debounce timer, then lets the Apex promise and the re-render settle.
  async function settle() {
    jest.advanceTimersByTime(300);
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
  }

  it('asks Apex once the agent stops typing, with the last term', async () => {
    const { element } = createComponent();

    await type(element, 'Ad');
    jest.advanceTimersByTime(200);
    await type(element, 'Ada');
    await settle();

    expect(searchByName).toHaveBeenCalledTimes(1);
    expect(searchByName).toHaveBeenCalledWith({ term: 'Ada' });
  });

  it('does not search for a single character', async () => {
    const { element } = createComponent();

    await type(element, 'A');
    await settle();

    expect(searchByName).not.toHaveBeenCalled();
    expect($(element, 'results')).toBeNull();
  });

  it('lists every number of every match, with its record', async () => {
    const { element } = createComponent();

    await type(element, 'ada');
    await settle();

    const list = $(element, 'results');
    expect(list.entries.map(({ key, name, number, detail }) => ({ key, name, number, detail }))).toEqual([
      {
        key: '003000000000001AAA-Phone',
        name: 'Ada Lovelace',
        number: '+15550100',
        detail: 'Phone · Analyst · Analytical Engines',
      },
      {
        key: '00Q000000000001AAA-MobilePhone',
        name: 'Charles Babbage',
        number: '(555) 010-0100',
        detail: 'Mobile · Difference Engines',
      },
    ]);
    expect(list.entries[0].record).toEqual({
      id: '003000000000001AAA',
      name: 'Ada Lovelace',
      objectType: 'Contact',
      phone: '+15550100',
      title: 'Analyst',
      accountName: 'Analytical Engines',
    });
    expect(list.canCall).toBe(true);
  });

  it('says when nothing matches', async () => {
    searchByName.mockResolvedValue([]);
    const { element } = createComponent();

    await type(element, 'Zed');
    await settle();

    expect($(element, 'results').entries).toEqual([]);
    expect($(element, 'results').emptyText).toBe('No records match.');
  });

  it('ignores the answer to a term the agent has changed since', async () => {
    let answerFirst;
    searchByName.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          answerFirst = resolve;
        }),
    );
    searchByName.mockResolvedValueOnce([]);
    const { element } = createComponent();

    await type(element, 'Ada');
    jest.advanceTimersByTime(300);
    await type(element, 'Zed');
    await settle();
    answerFirst(mockMatches);
    await settle();

    expect($(element, 'results').entries).toEqual([]);
  });

  it('raises select with a chosen result', async () => {
    const { element, events } = createComponent();
    await type(element, 'ada');
    await settle();

    $(element, 'results').dispatchEvent(
      new CustomEvent('call', { detail: { number: '+15550100', record: { id: 'x' } } }),
    );

    expect(events).toHaveBeenCalledWith('select', { number: '+15550100', record: { id: 'x' } });
  });

  it('raises select with the typed number from the button or the Enter key', async () => {
    const { element, events } = createComponent({ actionLabel: 'Redirect' });
    expect($(element, 'dial-button').disabled).toBe(true);

    await type(element, ' 2001 ');
    expect($(element, 'dial-button').disabled).toBe(false);
    expect($(element, 'dial-button').label).toBe('Redirect');
    $(element, 'dial-button').click();
    $(element, 'dial-input').dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));

    expect(events.mock.calls).toEqual([
      ['select', { number: '2001' }],
      ['select', { number: '2001' }],
    ]);
  });

  it('offers no call button while the phone cannot dial', async () => {
    const { element, events } = createComponent({ canDial: false });

    await type(element, '2001');
    $(element, 'dial-input').dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));

    expect($(element, 'dial-button')).toBeNull();
    expect(events).not.toHaveBeenCalled();
  });

  it('appends digits from a dial pad', async () => {
    const { element } = createComponent();

    element.append('5');
    element.append('55');
    await Promise.resolve();

    expect($(element, 'dial-input').value).toBe('555');
  });

  it('reports a failed search to the error panel', async () => {
    searchByName.mockRejectedValue({ body: { message: 'The search text is too long.' } });
    const { element, events } = createComponent();

    await type(element, 'Ada');
    await settle();

    expect(events).toHaveBeenCalledWith('softphoneerror', {
      error: { body: { message: 'The search text is too long.' } },
    });
    expect($(element, 'searching')).toBeNull();
  });

  it('is accessible with results', async () => {
    const { element } = createComponent();
    await type(element, 'ada');
    await settle();
    jest.useRealTimers();

    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
