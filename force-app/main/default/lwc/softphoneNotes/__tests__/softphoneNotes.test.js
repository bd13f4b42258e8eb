import { createElement } from 'lwc';
import axe from 'axe-core';

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneNotes = require('c/softphoneNotes').default;

describe('c-softphone-notes', () => {
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

  function createComponent(props = {}) {
    const element = createElement('c-softphone-notes', { is: SoftphoneNotes });
    Object.assign(element, { callId: 'call-1', notes: 'Earlier notes', canSave: true }, props);
    document.body.appendChild(element);
    const sent = jest.fn();
    element.addEventListener('softphonesend', (event) => sent(event.detail));
    return { element, sent };
  }

  const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
  const type = (element, value) =>
    $(element, 'notes').dispatchEvent(new CustomEvent('change', { detail: { value } }));

  it("shows the call's notes", () => {
    const { element } = createComponent();

    expect($(element, 'notes').value).toBe('Earlier notes');
    expect($(element, 'notes').label).toBe('Notes');
  });

  it('tells the phone once typing pauses', () => {
    const { element, sent } = createComponent();

    type(element, 'Wants');
    jest.advanceTimersByTime(300);
    type(element, 'Wants a callback');
    expect(sent).not.toHaveBeenCalled();
    jest.advanceTimersByTime(500);

    expect(sent.mock.calls).toEqual([
      [{ type: 'ui.notes.changed', callId: 'call-1', text: 'Wants a callback' }],
    ]);
  });

  it('keeps what the agent types while the phone has older notes', async () => {
    const { element } = createComponent();

    type(element, 'Typed');
    element.notes = 'Older';
    await Promise.resolve();

    expect($(element, 'notes').value).toBe('Typed');
  });

  it('follows the phone again once the notes were sent', async () => {
    const { element } = createComponent();
    type(element, 'Typed');
    jest.advanceTimersByTime(500);

    element.notes = 'Typed, and saved elsewhere';
    await Promise.resolve();

    expect($(element, 'notes').value).toBe('Typed, and saved elsewhere');
  });

  it('sends the notes at once when the field loses focus', () => {
    const { element, sent } = createComponent();

    type(element, 'Before hanging up');
    $(element, 'notes').dispatchEvent(new CustomEvent('blur'));

    expect(sent).toHaveBeenCalledWith({
      type: 'ui.notes.changed',
      callId: 'call-1',
      text: 'Before hanging up',
    });
  });

  it('saves the notes to the call log, latest text first', () => {
    const { element, sent } = createComponent();

    type(element, 'Final words');
    $(element, 'save-notes').click();

    expect(sent.mock.calls).toEqual([
      [{ type: 'ui.notes.changed', callId: 'call-1', text: 'Final words' }],
      [{ type: 'ui.notes.save', callId: 'call-1' }],
    ]);
  });

  it('flushes on request and has nothing to flush twice', () => {
    const { element, sent } = createComponent({ canSave: false });

    type(element, 'x');
    element.flush();
    element.flush();

    expect($(element, 'save-notes')).toBeNull();
    expect(sent).toHaveBeenCalledTimes(1);
  });

  it('is accessible', async () => {
    const { element } = createComponent();
    jest.useRealTimers();
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });

  it('shows no notes field at all when the admin turned call notes off for this call, and sends nothing', async () => {
    const { element, sent } = createComponent({ enabled: false });

    expect($(element, 'notes')).toBeNull();
    expect($(element, 'save-notes')).toBeNull();
    element.flush();
    expect(sent).not.toHaveBeenCalled();
    jest.useRealTimers();
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });

  it('shows the field when the view says nothing about notes (views built before the option)', () => {
    const { element } = createComponent({ enabled: undefined });

    expect($(element, 'notes').value).toBe('Earlier notes');
  });
});
