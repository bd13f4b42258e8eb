import { createElement } from 'lwc';
import axe from 'axe-core';

const wrapUpCall = require('./data/wrapUpCall.json');

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneWrapUp = require('c/softphoneWrapUp').default;

const clone = (value) => JSON.parse(JSON.stringify(value));

function callWith(overrides = {}, wrapUp = {}, actions = {}) {
  const call = clone(wrapUpCall);
  return {
    ...call,
    ...overrides,
    wrapUp: { ...call.wrapUp, ...wrapUp },
    actions: { ...call.actions, ...actions },
  };
}

describe('c-softphone-wrap-up', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.useRealTimers();
    jest.clearAllMocks();
  });

  function createComponent(call = callWith(), wrapUpRequired = false) {
    const element = createElement('c-softphone-wrap-up', { is: SoftphoneWrapUp });
    Object.assign(element, { call, wrapUpRequired });
    document.body.appendChild(element);
    const sent = jest.fn();
    element.addEventListener('softphonesend', (event) => sent(event.detail));
    return { element, sent };
  }

  const $ = (element, selector) => element.shadowRoot.querySelector(selector);
  const byId = (element, id) => $(element, `[data-id="${id}"]`);

  async function accessibilityViolations(element) {
    jest.useRealTimers();
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    return violations.map((v) => `${v.id}: ${v.help}`);
  }

  it('counts the work time down and shows how long the call lasted', async () => {
    const { element } = createComponent();

    expect(byId(element, 'wrap-up-heading').textContent).toBe('Wrap-up: Ada Lovelace');
    expect(byId(element, 'work-timer').until).toBe(1767225250000);
    expect(byId(element, 'work-timer').label).toBe('Work time left');
    expect(byId(element, 'talk-time').textContent).toBe('Call lasted 3:05');
    expect($(element, 'c-softphone-contact').call.callId).toBe('call-1');
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('shows no timer when wrap-up is untimed', () => {
    const { element } = createComponent(callWith({}, { timerEndsAt: null }));

    expect(byId(element, 'work-timer')).toBeNull();
    expect(byId(element, 'clear-timer')).not.toBeNull();
  });

  it('clears the work timer with the X, sending notes still being typed first', () => {
    const { element, sent } = createComponent();
    byId(element, 'clear-timer');
    const notes = $(element, 'c-softphone-notes');
    notes.shadowRoot
      .querySelector('[data-id="notes"]')
      .dispatchEvent(new CustomEvent('change', { detail: { value: 'Sent before closing' } }));

    byId(element, 'clear-timer').click();

    expect(byId(element, 'clear-timer').alternativeText).toBe('Clear the work timer');
    expect(sent.mock.calls).toEqual([
      [{ type: 'ui.notes.changed', callId: 'call-1', text: 'Sent before closing' }],
      [{ type: 'ui.wrapUp.close', callId: 'call-1' }],
    ]);
  });

  it('clears the work timer with a red X that says what it does', async () => {
    const { element } = createComponent();
    const clear = byId(element, 'clear-timer');

    expect(clear.iconName).toBe('utility:close');
    // SLDS's error colour on the icon: the only styling lightning-button-icon takes for it (icon-class).
    expect(clear.iconClass).toBe('slds-icon-text-error');
    expect(clear.alternativeText).toBe('Clear the work timer');
    expect(clear.title).toBe('Clear the work timer');
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('offers a few call results and reports the choice', () => {
    const { element, sent } = createComponent();
    const disposition = byId(element, 'disposition');

    expect(disposition.label).toBe('Call result');
    expect(disposition.options.map((option) => option.value)).toEqual([
      'Resolved',
      'Call back',
      'Left voicemail',
      'Wrong number',
      'Other',
    ]);
    expect(disposition.options[1].label).toBe('Call back later');
    disposition.dispatchEvent(new CustomEvent('change', { detail: { value: 'Call back' } }));

    expect(sent).toHaveBeenCalledWith({
      type: 'ui.disposition.changed',
      callId: 'call-1',
      disposition: 'Call back',
    });
  });

  it('keeps the notes of the call', () => {
    const { element } = createComponent();
    const notes = $(element, 'c-softphone-notes');

    expect(notes.notes).toBe('Wants the invoice again');
    expect(notes.callId).toBe('call-1');
  });

  it('saves and closes', () => {
    const { element, sent } = createComponent();

    byId(element, 'save').click();

    expect(byId(element, 'save').label).toBe('Save');
    expect(sent).toHaveBeenCalledWith({ type: 'ui.wrapUp.saveAndClose', callId: 'call-1' });
  });

  it('asks for a call result before saving when wrap-up is required, and cannot be cleared', () => {
    const { element, sent } = createComponent(callWith(), true);

    byId(element, 'save').click();

    expect(byId(element, 'disposition').required).toBe(true);
    expect(byId(element, 'disposition').messageWhenValueMissing).toBe('Choose a call result before saving.');
    expect(byId(element, 'clear-timer')).toBeNull();
    expect(sent).not.toHaveBeenCalled();
  });

  it('saves a required wrap-up once a call result is chosen', () => {
    const { element, sent } = createComponent(callWith({ disposition: 'Resolved' }), true);

    byId(element, 'save').click();

    expect(byId(element, 'disposition').value).toBe('Resolved');
    expect(sent).toHaveBeenCalledWith({ type: 'ui.wrapUp.saveAndClose', callId: 'call-1' });
  });

  it('says that it is saving', () => {
    const { element } = createComponent(
      callWith({}, { saving: true }, { saveAndClose: false, closeWrapUp: false }),
    );

    expect(byId(element, 'saving').textContent).toBe('Saving…');
    expect(byId(element, 'save')).toBeNull();
    expect(byId(element, 'clear-timer')).toBeNull();
  });

  it('shows why the save failed, keeps the notes and offers to retry', async () => {
    const { element, sent } = createComponent(callWith({}, { saveError: 'You cannot create tasks.' }));

    expect($(element, 'c-softphone-error-panel').errors).toEqual([
      {
        key: 'save',
        error:
          'The call log could not be saved: You cannot create tasks. Your notes are kept and saving is retried.',
      },
    ]);
    expect($(element, 'c-softphone-notes').notes).toBe('Wants the invoice again');
    expect(byId(element, 'save').label).toBe('Retry now');
    byId(element, 'save').click();

    expect(sent).toHaveBeenCalledWith({ type: 'ui.wrapUp.saveAndClose', callId: 'call-1' });
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  describe('a call log Salesforce refuses for good', () => {
    const DELETED = "This call can't be logged: the contact, lead or record it is related to was deleted.";
    const RULE = "This call can't be logged: Notes must name the order number.";
    let writeText;

    beforeEach(() => {
      writeText = jest.fn(() => Promise.resolve());
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    });

    afterEach(() => {
      delete navigator.clipboard;
    });

    const flushPromises = () => Promise.resolve().then(() => Promise.resolve());

    it('a refused related record: says why, keeps the notes on screen and saves without the record', async () => {
      const { element, sent } = createComponent(
        callWith(
          {},
          { saveError: DELETED, refusal: 'RELATED_RECORD' },
          { saveWithoutRecord: true, closeWithoutLog: true },
        ),
      );

      expect($(element, 'c-softphone-error-panel').errors).toEqual([
        { key: 'save', error: `Salesforce won't save this call log: ${DELETED}` },
      ]);
      expect(byId(element, 'refusal-help').textContent).toBe(
        'You can save the call without its contact or related record, or copy your notes and close the call.',
      );
      expect($(element, 'c-softphone-notes').notes).toBe('Wants the invoice again');
      expect(await accessibilityViolations(element)).toEqual([]);

      byId(element, 'save-without-record').click();

      expect(byId(element, 'save-without-record').label).toBe('Save without the related record');
      expect(sent).toHaveBeenCalledWith({ type: 'ui.wrapUp.saveWithoutRecord', callId: 'call-1' });
      expect(writeText).not.toHaveBeenCalled();
    });

    it('a refusal the agent cannot fix: copies the notes, as typed, to the clipboard, then closes without a log', async () => {
      const { element, sent } = createComponent(
        callWith({}, { saveError: RULE, refusal: 'VALIDATION_RULE' }, { closeWithoutLog: true }),
      );
      expect(byId(element, 'save-without-record')).toBeNull();
      expect(byId(element, 'refusal-help').textContent).toBe(
        'Copy your notes to keep them, then close the call. Ask your Salesforce admin about the reason above.',
      );
      $(element, 'c-softphone-notes')
        .shadowRoot.querySelector('[data-id="notes"]')
        .dispatchEvent(new CustomEvent('change', { detail: { value: 'Wants the invoice again, order 42' } }));

      byId(element, 'copy-and-close').click();
      await flushPromises();

      expect(byId(element, 'copy-and-close').label).toBe('Copy notes and close');
      expect(writeText).toHaveBeenCalledWith('Wants the invoice again, order 42');
      expect(sent.mock.calls).toEqual([
        [{ type: 'ui.notes.changed', callId: 'call-1', text: 'Wants the invoice again, order 42' }],
        [{ type: 'ui.wrapUp.closeWithoutLog', callId: 'call-1' }],
      ]);
      expect(await accessibilityViolations(element)).toEqual([]);
    });

    it('when the clipboard refuses, the call stays until the agent has copied the notes by hand', async () => {
      writeText.mockImplementation(() => Promise.reject(new Error('NotAllowedError')));
      const { element, sent } = createComponent(
        callWith({}, { saveError: RULE, refusal: 'VALIDATION_RULE' }, { closeWithoutLog: true }),
      );

      byId(element, 'copy-and-close').click();
      await flushPromises();

      expect(sent).not.toHaveBeenCalled();
      expect(byId(element, 'copy-failed').textContent.trim()).toBe(
        'Your notes could not be copied automatically. Select them in the Notes field, copy them, then choose Close without logging.',
      );
      expect($(element, 'c-softphone-notes').notes).toBe('Wants the invoice again');
      expect(await accessibilityViolations(element)).toEqual([]);

      byId(element, 'close-without-log').click();

      expect(byId(element, 'close-without-log').label).toBe('Close without logging');
      expect(sent).toHaveBeenCalledWith({ type: 'ui.wrapUp.closeWithoutLog', callId: 'call-1' });
    });
  });
});
