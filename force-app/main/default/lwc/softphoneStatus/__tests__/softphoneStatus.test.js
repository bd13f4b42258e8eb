import { createElement } from 'lwc';
import axe from 'axe-core';

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneStatus = require('c/softphoneStatus').default;

describe('c-softphone-status', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent(props) {
    const element = createElement('c-softphone-status', { is: SoftphoneStatus });
    Object.assign(
      element,
      { registration: 'registered', availability: 'available', mode: 'softphone' },
      props,
    );
    document.body.appendChild(element);
    const sent = jest.fn();
    element.addEventListener('softphonesend', (event) => sent(event.detail));
    return { element, sent };
  }

  const $ = (element, selector) => element.shadowRoot.querySelector(selector);
  const text = (element, id) => $(element, `[data-id="${id}"]`)?.textContent.trim() ?? null;

  async function accessibilityViolations(element) {
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    return violations.map((v) => `${v.id}: ${v.help}`);
  }

  it('shows that the phone is connected, in softphone mode', () => {
    const { element } = createComponent();

    expect(text(element, 'registration')).toBe('Connected');
    expect($(element, '[data-id="registration"]').className).toContain('slds-theme_success');
    expect(text(element, 'mode')).toBe('Calls in Salesforce');
    expect($(element, '[data-id="register"]')).toBeNull();
  });

  it("says that calls ring on the agent's own phone in deskphone mode", () => {
    const { element } = createComponent({ mode: 'deskphone' });

    expect(text(element, 'mode')).toBe('Calls on your phone');
  });

  it.each([
    ['registering', 'Connecting…'],
    ['reconnecting', 'Reconnecting…'],
    ['failed', 'Not connected'],
    ['unregistered', 'Offline'],
    ['unregistering', 'Disconnecting…'],
  ])('names the registration state %s', (registration, expected) => {
    const { element } = createComponent({ registration });

    expect(text(element, 'registration')).toBe(expected);
    expect($(element, '[data-id="registration"]').className).toContain('slds-theme_warning');
  });

  it('says in words that calls no longer arrive while the phone registers again, never Connected', async () => {
    const { element } = createComponent({ registration: 'lost' });

    expect(text(element, 'registration')).toBe('Not receiving calls: reconnecting…');
    expect($(element, '[data-id="registration"]').className).toContain('slds-theme_warning');
    expect($(element, '[data-id="registration"]').className).not.toContain('slds-theme_success');
    // The phone registers again by itself: nothing for the agent to click.
    expect($(element, '[data-id="register"]')).toBeNull();
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('explains why the phone is not connected and offers to connect again', () => {
    const { element, sent } = createComponent({
      registration: 'failed',
      registrationMessage: 'The phone server refused your SIP user name or password.',
    });

    expect(text(element, 'registration-message')).toBe(
      'The phone server refused your SIP user name or password.',
    );
    $(element, '[data-id="register"]').click();
    expect(sent).toHaveBeenCalledWith({ type: 'ui.register' });
  });

  it('lets the agent go away and come back', () => {
    const { element, sent } = createComponent();
    const toggle = $(element, '[data-id="availability"]');
    expect(toggle.checked).toBe(true);
    expect(toggle.label).toBe('Available');

    toggle.dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
    toggle.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));

    expect(sent.mock.calls).toEqual([
      [{ type: 'ui.availability.away' }],
      [{ type: 'ui.availability.available' }],
    ]);
  });

  it('shows the toggle off while away', () => {
    const { element } = createComponent({ availability: 'away' });

    expect($(element, '[data-id="availability"]').checked).toBe(false);
  });

  it.each([
    ['onCall', 'On a call'],
    ['wrapUp', 'In wrap-up'],
  ])('shows %s instead of the toggle, which only the phone decides', (availability, expected) => {
    const { element } = createComponent({ availability });

    expect($(element, '[data-id="availability"]')).toBeNull();
    expect(text(element, 'availability-text')).toBe(expected);
  });

  it('is accessible when connected', async () => {
    const { element } = createComponent();
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('is accessible when not connected', async () => {
    const { element } = createComponent({ registration: 'failed', registrationMessage: 'Unreachable' });
    expect(await accessibilityViolations(element)).toEqual([]);
  });
});
