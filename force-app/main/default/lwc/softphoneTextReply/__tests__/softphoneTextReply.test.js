import { createElement } from 'lwc';
import axe from 'axe-core';

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneTextReply = require('c/softphoneTextReply').default;

const REPLIES = ["Can't talk now. I'll call you back shortly.", 'Please call me back in a few minutes.'];

describe('c-softphone-text-reply', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent(replies = REPLIES) {
    const element = createElement('c-softphone-text-reply', { is: SoftphoneTextReply });
    Object.assign(element, { callId: 'call-1', replies });
    document.body.appendChild(element);
    const events = jest.fn();
    element.addEventListener('softphonesend', (event) => events('send', event.detail));
    element.addEventListener('cancel', () => events('cancel'));
    return { element, events };
  }

  const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

  it("rejects with one of the admin's preset replies", () => {
    const { element, events } = createComponent();
    const presets = [...element.shadowRoot.querySelectorAll('[data-id="reply-preset"]')];

    expect(presets.map((preset) => preset.label)).toEqual(REPLIES);
    presets[1].click();

    expect(events).toHaveBeenCalledWith('send', {
      type: 'ui.rejectWithText',
      callId: 'call-1',
      text: 'Please call me back in a few minutes.',
    });
  });

  it("rejects with the agent's own words", async () => {
    const { element, events } = createComponent();
    expect($(element, 'reply-send').disabled).toBe(true);

    $(element, 'reply-custom').dispatchEvent(
      new CustomEvent('change', { detail: { value: '  In a meeting  ' } }),
    );
    await Promise.resolve();
    $(element, 'reply-send').click();

    expect($(element, 'reply-custom').label).toBe('Your message');
    expect(events).toHaveBeenCalledWith('send', {
      type: 'ui.rejectWithText',
      callId: 'call-1',
      text: 'In a meeting',
    });
  });

  it('sends nothing blank', async () => {
    const { element, events } = createComponent([]);

    $(element, 'reply-custom').dispatchEvent(new CustomEvent('change', { detail: { value: '   ' } }));
    await Promise.resolve();
    $(element, 'reply-send').click();

    expect($(element, 'reply-preset')).toBeNull();
    expect(events).not.toHaveBeenCalled();
  });

  it('closes on cancel', () => {
    const { element, events } = createComponent();

    $(element, 'reply-cancel').click();

    expect(events).toHaveBeenCalledWith('cancel');
  });

  it('is accessible', async () => {
    const { element } = createComponent();
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
