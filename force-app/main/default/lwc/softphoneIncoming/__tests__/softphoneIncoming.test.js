import { createElement } from 'lwc';
import axe from 'axe-core';

const ringingCall = require('./data/ringingCall.json');

jest.mock('@salesforce/apex/SoftphoneContactSearch.searchByName', () => ({ default: jest.fn() }), {
  virtual: true,
});

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneIncoming = require('c/softphoneIncoming').default;

const clone = (value) => JSON.parse(JSON.stringify(value));
const REPLIES = ["Can't talk now. I'll call you back shortly."];

describe('c-softphone-incoming', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent(overrides = {}, props = {}) {
    const call = { ...clone(ringingCall), ...overrides };
    const element = createElement('c-softphone-incoming', { is: SoftphoneIncoming });
    Object.assign(element, { call, textReplies: REPLIES }, props);
    document.body.appendChild(element);
    const sent = jest.fn();
    element.addEventListener('softphonesend', (event) => sent(event.detail));
    return { element, sent };
  }

  const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
  const text = (element, id) => $(element, id)?.textContent ?? null;

  async function accessibilityViolations(element) {
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    return violations.map((v) => `${v.id}: ${v.help}`);
  }

  it("shows the caller's name and number and the matching record", () => {
    const { element } = createComponent();

    expect(text(element, 'incoming-heading')).toBe('Incoming call');
    expect(text(element, 'caller-name')).toBe('Ada Lovelace');
    expect(text(element, 'caller-number')).toBe('+15550100');
    expect(element.shadowRoot.querySelector('c-softphone-contact').call.callId).toBe('call-1');
    expect($(element, 'incoming').getAttribute('aria-label')).toBe('Incoming call');
  });

  it('shows the number once when nobody is known by name', () => {
    const { element } = createComponent({ title: '+15550100', remote: { number: '+15550100' } });

    expect(text(element, 'caller-name')).toBe('+15550100');
    expect($(element, 'caller-number')).toBeNull();
  });

  it('calls it a call waiting while another call is on', () => {
    const { element } = createComponent({}, { waiting: true });

    expect(text(element, 'incoming-heading')).toBe('Call waiting');
  });

  it('answers and rejects', () => {
    const { element, sent } = createComponent();

    $(element, 'answer').click();
    $(element, 'reject').click();

    expect($(element, 'answer').label).toBe('Answer');
    expect($(element, 'reject').label).toBe('Reject');
    expect(sent.mock.calls).toEqual([
      [{ type: 'ui.answer', callId: 'call-1' }],
      [{ type: 'ui.reject', callId: 'call-1' }],
    ]);
  });

  it('opens the text replies with the preset replies', async () => {
    const { element } = createComponent();
    expect($(element, 'reply-text').ariaExpanded).toBe('false');

    $(element, 'reply-text').click();
    await Promise.resolve();

    const reply = element.shadowRoot.querySelector('c-softphone-text-reply');
    expect(reply.callId).toBe('call-1');
    expect(reply.replies).toEqual(REPLIES);
    expect($(element, 'reply-text').ariaExpanded).toBe('true');
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('opens the redirect panel instead of the replies, and closes it on cancel', async () => {
    const { element } = createComponent();

    $(element, 'reply-text').click();
    $(element, 'redirect').click();
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('c-softphone-text-reply')).toBeNull();
    const redirect = element.shadowRoot.querySelector('c-softphone-redirect');
    expect(redirect.callId).toBe('call-1');

    redirect.dispatchEvent(new CustomEvent('cancel'));
    await Promise.resolve();

    expect(element.shadowRoot.querySelector('c-softphone-redirect')).toBeNull();
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('tells the phone while Redirect is open, so a click-to-dial meanwhile redirects the call; closing it by toggle or Cancel tells it too', async () => {
    const { element, sent } = createComponent();

    $(element, 'redirect').click();
    await Promise.resolve();
    expect(sent.mock.calls.map(([event]) => event)).toEqual([
      { type: 'ui.redirect.choose', callId: 'call-1' },
    ]);
    $(element, 'redirect').click();
    await Promise.resolve();
    $(element, 'reply-text').click();
    $(element, 'redirect').click();
    await Promise.resolve();
    element.shadowRoot.querySelector('c-softphone-redirect').dispatchEvent(new CustomEvent('cancel'));
    await Promise.resolve();

    expect(sent.mock.calls.map(([event]) => event.type)).toEqual([
      'ui.redirect.choose',
      'ui.redirect.cancel',
      'ui.redirect.choose',
      'ui.redirect.cancel',
    ]);
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('offers only what the call accepts', () => {
    const call = clone(ringingCall);
    const { element } = createComponent({
      actions: { ...call.actions, rejectWithText: false, redirect: false },
    });

    expect($(element, 'answer')).not.toBeNull();
    expect($(element, 'reply-text')).toBeNull();
    expect($(element, 'redirect')).toBeNull();
  });

  it('tells the agent to answer on their own phone in deskphone mode', async () => {
    const call = clone(ringingCall);
    const none = Object.fromEntries(Object.keys(call.actions).map((action) => [action, false]));
    const { element } = createComponent({ actions: none });

    expect(text(element, 'answer-on-device')).toBe('Answer on your phone.');
    expect($(element, 'answer')).toBeNull();
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('is accessible while ringing', async () => {
    const { element } = createComponent();
    expect(await accessibilityViolations(element)).toEqual([]);
  });
});
