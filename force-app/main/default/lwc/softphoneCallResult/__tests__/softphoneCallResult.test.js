import { createElement } from 'lwc';
import axe from 'axe-core';

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneCallResult = require('c/softphoneCallResult').default;

const FAILED = {
  callId: 'call-3',
  title: '+15550123',
  status: 'ended',
  failure: { reason: 'busy', message: 'The line is busy. Try again later.' },
  actions: { dismiss: true },
};

describe('c-softphone-call-result', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent(call) {
    const element = createElement('c-softphone-call-result', { is: SoftphoneCallResult });
    element.call = call;
    document.body.appendChild(element);
    const sent = jest.fn();
    element.addEventListener('softphonesend', (event) => sent(event.detail));
    return { element, sent };
  }

  const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

  it('says why the call did not connect, until dismissed', () => {
    const { element, sent } = createComponent(FAILED);

    expect($(element, 'call-title').textContent).toBe('+15550123');
    expect($(element, 'call-result-text').textContent).toBe('The line is busy. Try again later.');
    $(element, 'dismiss').click();

    expect(sent).toHaveBeenCalledWith({ type: 'ui.dismiss', callId: 'call-3' });
  });

  it('falls back to a plain sentence without a reason', () => {
    const { element } = createComponent({ ...FAILED, failure: null, actions: { dismiss: false } });

    expect($(element, 'call-result-text').textContent).toBe('The call did not connect.');
    expect($(element, 'dismiss')).toBeNull();
  });

  it('is accessible', async () => {
    const { element } = createComponent(FAILED);
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
