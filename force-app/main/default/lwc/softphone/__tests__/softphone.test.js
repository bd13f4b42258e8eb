import { createElement } from 'lwc';
import Softphone from 'c/softphone';
import getSettings from '@salesforce/apex/SoftphoneSettingsController.getSettings';
import axe from 'axe-core';

// Realistic settings as SoftphoneSettingsController.getSettings returns them
const mockSettings = require('./data/getSettings.json');

jest.mock(
  '@salesforce/apex/SoftphoneSettingsController.getSettings',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);

describe('c-softphone', () => {
  afterEach(() => {
    // The jsdom instance is shared across test cases in a single file so reset the DOM
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent() {
    const element = createElement('c-softphone', { is: Softphone });
    document.body.appendChild(element);
    return element;
  }

  function statusOf(element) {
    return element.shadowRoot.querySelector('[data-id="status"]');
  }

  // axe-core audits the rendered shadow DOM; jsdom has no layout, so colour contrast is left to the browser tests.
  async function accessibilityViolations(element) {
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    return violations.map((v) => `${v.id}: ${v.help}`);
  }

  it('shows "Phone not connected" before settings arrive', () => {
    const element = createComponent();

    expect(statusOf(element).textContent).toBe('Phone not connected');
  });

  it('renders inside a card titled Softphone', () => {
    const element = createComponent();

    const card = element.shadowRoot.querySelector('lightning-card');
    expect(card.title).toBe('Softphone');
    expect(card.iconName).toBe('utility:call');
  });

  it('stays "Phone not connected" once settings are loaded', async () => {
    const element = createComponent();

    getSettings.emit(mockSettings);
    await Promise.resolve();

    expect(statusOf(element).textContent).toBe('Phone not connected');
  });

  it('says that settings could not be loaded when the Apex wire fails', async () => {
    const element = createComponent();

    getSettings.error({ message: 'Insufficient access' });
    await Promise.resolve();

    expect(statusOf(element).textContent).toBe('Phone not connected: settings could not be loaded');
  });

  it('announces the status politely to screen readers', () => {
    const element = createComponent();

    const status = statusOf(element);
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
  });

  it('announces the error state through the same live region', async () => {
    const element = createComponent();

    getSettings.error();
    await Promise.resolve();

    const live = element.shadowRoot.querySelectorAll('[aria-live]');
    expect(live).toHaveLength(1);
    expect(live[0].getAttribute('role')).toBe('status');
    expect(live[0].textContent).toMatch(/settings could not be loaded/);
  });

  it('is accessible when settings are loaded', async () => {
    const element = createComponent();

    getSettings.emit(mockSettings);
    await Promise.resolve();

    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('is accessible when settings fail to load', async () => {
    const element = createComponent();

    getSettings.error();
    await Promise.resolve();

    expect(await accessibilityViolations(element)).toEqual([]);
  });
});
