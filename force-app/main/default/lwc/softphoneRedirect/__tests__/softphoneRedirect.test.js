import { createElement } from 'lwc';
import axe from 'axe-core';

jest.mock('@salesforce/apex/SoftphoneContactSearch.searchByName', () => ({ default: jest.fn() }), {
  virtual: true,
});

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneRedirect = require('c/softphoneRedirect').default;

describe('c-softphone-redirect', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent() {
    const element = createElement('c-softphone-redirect', { is: SoftphoneRedirect });
    element.callId = 'call-1';
    document.body.appendChild(element);
    const events = jest.fn();
    element.addEventListener('softphoneredirect', (event) => events('redirect', event.detail));
    element.addEventListener('cancel', () => events('cancel'));
    return { element, events };
  }

  const search = (element) => element.shadowRoot.querySelector('c-softphone-search');

  it('searches for the new target by name or number', () => {
    const { element } = createComponent();

    expect(search(element).label).toBe('Redirect to (name or number)');
    expect(search(element).actionLabel).toBe('Redirect');
    expect(search(element).canDial).toBe(true);
  });

  it('redirects the call to the number chosen', () => {
    const { element, events } = createComponent();

    search(element).dispatchEvent(
      new CustomEvent('select', { detail: { number: '2002', record: { id: 'x' } } }),
    );

    expect(events).toHaveBeenCalledWith('redirect', { callId: 'call-1', number: '2002' });
  });

  it('closes on cancel', () => {
    const { element, events } = createComponent();

    element.shadowRoot.querySelector('[data-id="redirect-cancel"]').click();

    expect(events).toHaveBeenCalledWith('cancel');
  });

  it('is accessible', async () => {
    const { element } = createComponent();
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
