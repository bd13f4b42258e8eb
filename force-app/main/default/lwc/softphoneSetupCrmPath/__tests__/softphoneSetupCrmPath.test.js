import { createElement } from 'lwc';
import axe from 'axe-core';

const VISUALFORCE = 'https://acme--ns.vf.force.com';

jest.mock(
  '@salesforce/apex/SoftphoneOrigins.visualforceOrigin',
  () => ({ default: jest.fn(() => Promise.resolve('https://acme--ns.vf.force.com')) }),
  { virtual: true },
);

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneSetupCrmPath = require('c/softphoneSetupCrmPath').default;

const flush = () => Promise.resolve().then(() => Promise.resolve());

/**
 * What the browser delivers to the page's 'message' listeners: jsdom cannot make a trusted event from another
 * origin, so the listeners the probe added are called with one.
 */
function windowMessages() {
  const listeners = [];
  const add = jest.spyOn(window, 'addEventListener').mockImplementation((type, listener) => {
    if (type === 'message') listeners.push(listener);
  });
  return {
    add,
    deliver: (event) => [...listeners].forEach((listener) => listener(event)),
  };
}

const announcement = (state, origin = VISUALFORCE, isTrusted = true) => ({
  isTrusted,
  origin,
  data: { version: 1, type: 'bridgeStatus', requestId: 'bridge-7', payload: { state, clickToDial: true } },
});

describe('c-softphone-setup-crm-path', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  function createComponent(props = {}) {
    const element = createElement('c-softphone-setup-crm-path', { is: SoftphoneSetupCrmPath });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
  }

  const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
  const accessible = async (element) => {
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  };

  it('says Open CTI is live when the bridge announces from the package’s Visualforce origin that it is ready', async () => {
    const messages = windowMessages();
    const element = createComponent();
    await flush();
    messages.deliver(announcement('ready'));
    await flush();

    expect($(element, 'crm-path-live').dataset.path).toBe('OpenCTI');
    expect($(element, 'crm-path-live').textContent).toMatch(/^Live now: Open CTI\./);
    await accessible(element);
  });

  it('says it is checking while the bridge has not answered', async () => {
    const element = createComponent();
    await flush();

    expect($(element, 'crm-path-live').textContent).toMatch(/^Checking/);
    await accessible(element);
  });

  it('says Lightning is live when no bridge answers within 5 s', async () => {
    jest.useFakeTimers();
    const element = createComponent();
    await flush();

    jest.advanceTimersByTime(4999);
    await flush();
    expect($(element, 'crm-path-live').dataset.path).toBe('');
    jest.advanceTimersByTime(1);
    await flush();

    expect($(element, 'crm-path-live').dataset.path).toBe('Lightning');
    expect($(element, 'crm-path-live').textContent).toMatch(/^Live now: Lightning\./);
  });

  it('says Lightning is live when the bridge announces that it is in error', async () => {
    const messages = windowMessages();
    const element = createComponent();
    await flush();
    messages.deliver(announcement('error'));
    await flush();

    expect($(element, 'crm-path-live').dataset.path).toBe('Lightning');
  });

  it.each([
    ['another origin', announcement('ready', 'https://acme--c.vf.force.com')],
    ['the Lightning window itself', announcement('ready', 'https://acme.lightning.force.com')],
    ['a script’s synthetic event', announcement('ready', VISUALFORCE, false)],
  ])('takes no announcement from %s', async (_, event) => {
    jest.useFakeTimers();
    const messages = windowMessages();
    const element = createComponent();
    await flush();
    messages.deliver(event);
    await flush();
    expect($(element, 'crm-path-live').dataset.path).toBe('');

    jest.advanceTimersByTime(5000);
    await flush();
    expect($(element, 'crm-path-live').dataset.path).toBe('Lightning');
  });

  it('shows Auto for an empty setting and hands the admin a forced choice', async () => {
    const element = createComponent({ value: '' });
    const changed = jest.fn();
    element.addEventListener('change', (event) => changed(event.detail));
    await flush();
    const choice = $(element, 'crm-path-choice');
    expect(choice.value).toBe('Auto');
    expect(choice.options.map((option) => option.value)).toEqual(['Auto', 'OpenCTI', 'Lightning']);

    choice.dispatchEvent(new CustomEvent('change', { detail: { value: 'Lightning' } }));

    expect(changed).toHaveBeenCalledWith({ value: 'Lightning' });
  });

  it('is read only for an admin who may not save', async () => {
    const element = createComponent({ value: 'OpenCTI', readOnly: true });
    await flush();

    expect($(element, 'crm-path-choice').disabled).toBe(true);
    expect($(element, 'crm-path-choice').value).toBe('OpenCTI');
  });
});
