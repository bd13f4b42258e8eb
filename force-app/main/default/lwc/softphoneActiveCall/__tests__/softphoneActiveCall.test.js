import { createElement } from 'lwc';
import axe from 'axe-core';

const liveCall = require('./data/liveCall.json');

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneActiveCall = require('c/softphoneActiveCall').default;

const clone = (value) => JSON.parse(JSON.stringify(value));
const NO_ACTIONS = Object.fromEntries(Object.keys(liveCall.actions).map((action) => [action, false]));

function callWith(overrides = {}, actions = {}) {
  const call = clone(liveCall);
  return { ...call, ...overrides, actions: { ...call.actions, ...actions } };
}

describe('c-softphone-active-call', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent(call = callWith()) {
    const element = createElement('c-softphone-active-call', { is: SoftphoneActiveCall });
    element.call = call;
    document.body.appendChild(element);
    const sent = jest.fn();
    element.addEventListener('softphonesend', (event) => sent(event.detail));
    return { element, sent };
  }

  const $ = (element, selector) => element.shadowRoot.querySelector(selector);
  const byId = (element, id) => $(element, `[data-id="${id}"]`);
  const buttonIds = (element) =>
    [...element.shadowRoot.querySelectorAll('[role="group"] lightning-button')].map(
      (button) => button.dataset.id,
    );

  async function accessibilityViolations(element) {
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    return violations.map((v) => `${v.id}: ${v.help}`);
  }

  it('shows who, the state and the talk time of a connected call', async () => {
    const { element } = createComponent();

    expect(byId(element, 'call-title').textContent).toBe('Ada Lovelace');
    expect(byId(element, 'call-number').textContent).toBe('+15550100');
    expect(byId(element, 'call-status').textContent).toBe('Connected');
    expect(byId(element, 'timer').since).toBe(1767225005000);
    expect(byId(element, 'timer').label).toBe('Call duration');
    expect($(element, 'c-softphone-contact').call.callId).toBe('call-1');
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('shows the measured call quality, and nothing before it is measured', async () => {
    const { element } = createComponent(callWith({ quality: 'poor' }));
    expect(byId(element, 'call-quality').label).toBe('Call quality: poor');
    expect(byId(element, 'call-quality').className).toContain('slds-theme_error');
    expect(await accessibilityViolations(element)).toEqual([]);

    element.call = callWith({ quality: null });
    await Promise.resolve();
    expect(byId(element, 'call-quality')).toBeNull();
  });

  it('offers exactly the controls the call accepts, in a fixed order', () => {
    const { element } = createComponent();

    expect(buttonIds(element)).toEqual(['mute', 'hold', 'keypad', 'transfer', 'conference', 'hangup']);
    expect(byId(element, 'hangup').variant).toBe('destructive');
    expect(byId(element, 'hold').label).toBe('Hold');
  });

  it.each([
    ['mute', 'ui.mute'],
    ['hold', 'ui.hold'],
    ['keypad', 'ui.keypad.toggle'],
    ['transfer', 'ui.transfer.start'],
    ['conference', 'ui.conference.start'],
    ['hangup', 'ui.hangup'],
  ])('sends %s to the phone', (id, type) => {
    const { element, sent } = createComponent();

    byId(element, id).click();

    expect(sent).toHaveBeenCalledWith({ type, callId: 'call-1' });
  });

  it('offers Retrieve and Unmute on a held, muted call', () => {
    const { element, sent } = createComponent(
      callWith({ status: 'held', muted: true }, { ...NO_ACTIONS, resume: true, unmute: true, hangup: true }),
    );

    expect(byId(element, 'call-status').textContent).toBe('On hold');
    expect(buttonIds(element)).toEqual(['unmute', 'resume', 'hangup']);
    byId(element, 'resume').click();
    byId(element, 'unmute').click();

    expect(byId(element, 'resume').label).toBe('Retrieve');
    expect(sent.mock.calls).toEqual([
      [{ type: 'ui.resume', callId: 'call-1' }],
      [{ type: 'ui.unmute', callId: 'call-1' }],
    ]);
  });

  it('offers only Hang up when that is all the call accepts', () => {
    const { element } = createComponent(
      callWith({ status: 'dialing', answeredAt: null }, { ...NO_ACTIONS, hangup: true }),
    );

    expect(buttonIds(element)).toEqual(['hangup']);
    expect(byId(element, 'call-status').textContent).toBe('Calling…');
    expect(byId(element, 'timer')).toBeNull();
  });

  it('sends keypad keys as tones and echoes them', async () => {
    const { element, sent } = createComponent(callWith({ keypadOpen: true }, { dtmf: true }));
    expect(byId(element, 'keypad').ariaExpanded).toBe('true');
    const pad = $(element, 'c-softphone-dialpad');
    expect(pad.label).toBe('Keypad');

    pad.dispatchEvent(new CustomEvent('digit', { detail: { digit: '1' } }));
    pad.dispatchEvent(new CustomEvent('digit', { detail: { digit: '#' } }));
    await Promise.resolve();

    expect(sent.mock.calls).toEqual([
      [{ type: 'ui.dtmf', callId: 'call-1', digits: '1' }],
      [{ type: 'ui.dtmf', callId: 'call-1', digits: '#' }],
    ]);
    expect(byId(element, 'dtmf-sent').textContent).toBe('Sent: 1#');
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('hides the keypad while it is closed', () => {
    const { element } = createComponent();

    expect(byId(element, 'keypad').ariaExpanded).toBe('false');
    expect($(element, 'c-softphone-dialpad')).toBeNull();
  });

  it('alerts the agent when a held call rings back, and answers it', async () => {
    const { element, sent } = createComponent(
      callWith({ status: 'recalling' }, { ...NO_ACTIONS, answer: true, hangup: true }),
    );

    expect(byId(element, 'hold-recall').getAttribute('role')).toBe('alert');
    expect(byId(element, 'hold-recall').textContent).toBe(
      'This call was on hold too long and is ringing back to you.',
    );
    expect(byId(element, 'call-status').textContent).toBe('Ringing back');
    byId(element, 'answer').click();

    expect(sent).toHaveBeenCalledWith({ type: 'ui.answer', callId: 'call-1' });
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('says that an unsupervised transfer failed when the call comes back', () => {
    const error = {
      code: 'transfer-failed',
      message: 'The transfer did not go through. The caller is still on your line.',
    };
    const { element } = createComponent(
      callWith({ status: 'recalling', error }, { ...NO_ACTIONS, answer: true }),
    );

    expect(byId(element, 'hold-recall').textContent).toBe(error.message);
    expect($(element, 'c-softphone-error-panel')).toBeNull();
  });

  it("shows the call's own problem through the error panel", () => {
    const error = {
      code: 'hold-failed',
      message: 'The call could not be put on hold. It is still connected.',
    };
    const { element } = createComponent(callWith({ error }));

    expect($(element, 'c-softphone-error-panel').errors).toEqual([{ key: 'hold-failed', error }]);
  });

  it('hands the notes their call and whether they can be saved', () => {
    const { element } = createComponent(callWith({ notes: 'Asked about invoices' }));
    const notes = $(element, 'c-softphone-notes');

    expect(notes.callId).toBe('call-1');
    expect(notes.notes).toBe('Asked about invoices');
    expect(notes.canSave).toBe(true);
  });

  it('lets the agent dismiss a call answered on another device', () => {
    const { element, sent } = createComponent(
      callWith({ status: 'monitored' }, { ...NO_ACTIONS, dismiss: true }),
    );

    expect(byId(element, 'call-status').textContent).toBe('On your phone');
    byId(element, 'dismiss').click();

    expect(sent).toHaveBeenCalledWith({ type: 'ui.dismiss', callId: 'call-1' });
  });

  it.each([
    ['callingDevice', 'Calling your phone…'],
    ['awaitingKey', 'Press any key on your phone to connect your call to Ada Lovelace'],
    ['callingCustomer', 'Calling Ada Lovelace from your phone…'],
    ['customerRinging', 'Ringing Ada Lovelace…'],
  ])('says where a call through the agent’s own phone stands (%s)', async (deviceStep, text) => {
    const { element } = createComponent(
      callWith({ status: 'dialing', deviceStep, answeredAt: null }, { ...NO_ACTIONS, hangup: true }),
    );

    expect(byId(element, 'call-status').textContent).toBe(text);
    expect(buttonIds(element)).toEqual(['hangup']);
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('answered on the agent’s phone: says so, explains where mute, hold and keypad are, and offers "Call ended"', async () => {
    const { element, sent } = createComponent(
      callWith(
        { status: 'monitored', deviceStep: 'answeredOnDevice' },
        { ...NO_ACTIONS, dismiss: true, saveNotes: true },
      ),
    );

    expect(byId(element, 'call-status').textContent).toBe('Answered on your phone');
    expect(byId(element, 'device-controls').textContent).toBe('Mute, hold and the keypad are on your phone.');
    expect(buttonIds(element)).toEqual(['dismiss']);
    expect(byId(element, 'dismiss').label).toBe('Call ended');
    expect($(element, 'c-softphone-notes').canSave).toBe(true);
    byId(element, 'dismiss').click();
    expect(sent).toHaveBeenCalledWith({ type: 'ui.dismiss', callId: 'call-1' });
    expect(await accessibilityViolations(element)).toEqual([]);
  });
});
