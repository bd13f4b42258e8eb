import { createElement } from 'lwc';
import axe from 'axe-core';
import { publish, resetMessageService, subscribe } from 'lightning/messageService';
import SOFTPHONE_CHANNEL from '@salesforce/messageChannel/Softphone__c';

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneSetupCrmPath = require('c/softphoneSetupCrmPath').default;

const flush = () => Promise.resolve().then(() => Promise.resolve());

/** An Open CTI bridge on the channel: answers getBridgeStatus with `state`. */
function bridgeAnswering(state) {
  subscribe({}, SOFTPHONE_CHANNEL, (message) => {
    if (message.type !== 'getBridgeStatus') return;
    publish({}, SOFTPHONE_CHANNEL, {
      version: 1,
      type: 'response',
      requestId: message.requestId,
      payload: { ok: true, result: { state, clickToDial: state === 'ready' } },
    });
  });
}

describe('c-softphone-setup-crm-path', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    resetMessageService();
    jest.useRealTimers();
    jest.clearAllMocks();
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

  it('says Open CTI is live when the bridge answers that it is ready', async () => {
    bridgeAnswering('ready');
    const element = createComponent();
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

  it('says Lightning is live when the bridge answers that it cannot serve requests', async () => {
    bridgeAnswering('error');
    const element = createComponent();
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
