import { createElement } from 'lwc';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import getOrgSettings from '@salesforce/apex/SoftphoneSetupController.getOrgSettings';
import saveOrgSettings from '@salesforce/apex/SoftphoneSetupController.saveOrgSettings';
import saveSipSecret from '@salesforce/apex/SoftphoneSetupController.saveSipSecret';
import axe from 'axe-core';

const { readdirSync, readFileSync } = require('fs');
const path = require('path');

// Org defaults as SoftphoneSetupController.getOrgSettings returns them
const mockSettings = require('./data/getOrgSettings.json');

jest.mock('@salesforce/apex/SoftphoneSetupController.getOrgSettings', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneSetupController.saveOrgSettings', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneSetupController.saveSipSecret', () => ({ default: jest.fn() }), {
  virtual: true,
});

// The real label texts from CustomLabels.labels-meta.xml, so assertions read like the screen and a label missing
// from the file shows up as its "c.Name" fallback and fails the test.
const BUNDLE = path.join(__dirname, '..');
const LABELS_FILE = path.join(BUNDLE, '..', '..', 'labels', 'CustomLabels.labels-meta.xml');
const decode = (xml) =>
  xml
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const LABELS = Object.fromEntries(
  [
    ...readFileSync(LABELS_FILE, 'utf8').matchAll(
      /<fullName>([^<]+)<\/fullName>[\s\S]*?<value>([^<]*)<\/value>/g,
    ),
  ].map(([, name, value]) => [name, decode(value)]),
);
for (const [name, value] of Object.entries(LABELS)) {
  jest.doMock(`@salesforce/label/c.${name}`, () => ({ default: value }), { virtual: true });
}
const SoftphoneSetup = require('c/softphoneSetup').default;

describe('c-softphone-setup', () => {
  afterEach(() => {
    // The jsdom instance is shared across test cases in a single file so reset the DOM
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  // Resolves after the component's pending promises (Apex calls) and the re-render they cause: a macrotask runs
  // only once every queued microtask has.
  function flushPromises() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- test helper, not component code
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  async function createComponent(settings = mockSettings) {
    getOrgSettings.mockResolvedValue({ ...settings });
    const element = createElement('c-softphone-setup', { is: SoftphoneSetup });
    document.body.appendChild(element);
    await flushPromises();
    return element;
  }

  const $ = (element, selector) => element.shadowRoot.querySelector(selector);
  const field = (element, name) => $(element, `[data-field="${name}"]`);
  const textOf = (element, selector) => $(element, selector)?.textContent ?? null;
  const summaryItems = (element) =>
    [...element.shadowRoot.querySelectorAll('[data-id="summary"] li')].map((item) => item.textContent);

  function change(element, name, value) {
    const input = field(element, name);
    const detail = typeof value === 'boolean' ? { checked: value } : { value };
    input.dispatchEvent(new CustomEvent('change', { detail }));
  }

  async function clickSave(element) {
    $(element, '[data-id="save"]').click();
    await flushPromises();
  }

  // axe-core audits the rendered shadow DOM; jsdom has no layout, so colour contrast is left to the browser tests.
  async function accessibilityViolations(element) {
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    return violations.map((v) => `${v.id}: ${v.help}`);
  }

  it('loads the org settings into the form', async () => {
    const element = await createComponent();

    expect(getOrgSettings).toHaveBeenCalledTimes(1);
    expect(field(element, 'mode').value).toBe('Softphone');
    expect(field(element, 'mode').options.map((option) => option.value)).toEqual(['Softphone', 'Deskphone']);
    expect(field(element, 'sipWebSocketUrl').value).toBe('wss://sip.example.com:443');
    expect(field(element, 'maxLines').value).toBe(2);
    expect(field(element, 'wrapUpRequired').checked).toBe(false);
    expect(field(element, 'dialPlanDeny').value).toBe('+1900, +1976');
    expect(field(element, 'screenPop').options).toHaveLength(4);
    expect(textOf(element, '[data-id="secret-status"]')).toBe(LABELS.Softphone_Setup_Secret_Set);
  });

  it('labels every field and section with custom labels', async () => {
    const element = await createComponent();

    expect($(element, 'lightning-card').title).toBe('Softphone Setup');
    expect(field(element, 'sipWebSocketUrl').label).toBe('SIP WebSocket URL');
    expect(field(element, 'mode').options[1].label).toBe(
      'Softphone disabled: agents talk on their own phone',
    );
    const headings = [...element.shadowRoot.querySelectorAll('h3')].map((heading) => heading.textContent);
    expect(headings).toEqual([
      'What agents get',
      'Phone system (SIP)',
      'Shared secret',
      'Calls',
      'Dialing',
      'Click-to-dial and call notes',
      'Wrap-up time by call',
    ]);
  });

  it('tells the admin that agents talk in Salesforce when the softphone is enabled', async () => {
    const element = await createComponent();

    expect(summaryItems(element)).toEqual([
      LABELS.Softphone_Setup_Summary_Softphone,
      'Each agent can have up to 2 calls at once.',
      'After each call, agents get 60 seconds of wrap-up time.',
      'Clicking a phone number does not call it: click-to-dial is off.',
    ]);
  });

  it('tells the admin that agents own phones ring first when the softphone is disabled', async () => {
    const element = await createComponent();

    change(element, 'mode', 'Deskphone');
    change(element, 'wrapUpRequired', true);
    change(element, 'workTimerSeconds', '0');
    await flushPromises();

    const summary = summaryItems(element);
    expect(summary[0]).toMatch(/^Agents' own phone rings first\./);
    expect(summary).toContain(LABELS.Softphone_Setup_Summary_Device);
    expect(summary).toContain(LABELS.Softphone_Setup_Summary_Wrap_Up_Required);
    expect(summary).toContain(LABELS.Softphone_Setup_Summary_No_Work_Timer);
  });

  it('warns that agents cannot connect until the SIP server and secret are set', async () => {
    // Without a stored secret the tab opens on its first-run page, which shows the same summary.
    const element = await createComponent({ ...mockSettings, sipWebSocketUrl: '', sipSecretSet: false });
    const firstRun = $(element, 'c-softphone-setup-first-run');

    expect(firstRun.summary).toContain(LABELS.Softphone_Setup_Summary_Not_Connected);
  });

  it('warns in the full form too when a secret is stored but no SIP server', async () => {
    const element = await createComponent({ ...mockSettings, sipWebSocketUrl: '' });

    expect(summaryItems(element)).toContain(LABELS.Softphone_Setup_Summary_Not_Connected);
    expect(textOf(element, '[data-id="secret-status"]')).toBe(LABELS.Softphone_Setup_Secret_Set);
  });

  it('announces the summary politely to screen readers', async () => {
    const element = await createComponent();

    const summary = $(element, '[data-id="summary"]');
    expect(summary.getAttribute('role')).toBe('status');
    expect(summary.getAttribute('aria-live')).toBe('polite');
  });

  it('saves the edited settings with numbers and flags typed for Apex', async () => {
    const element = await createComponent();
    saveOrgSettings.mockResolvedValue({ ...mockSettings, mode: 'Deskphone', maxLines: 3 });
    const toast = jest.fn();
    element.addEventListener(ShowToastEventName, toast);

    change(element, 'mode', 'Deskphone');
    change(element, 'maxLines', '3');
    change(element, 'searchUserExtensions', true);
    await clickSave(element);

    expect(saveOrgSettings).toHaveBeenCalledTimes(1);
    const { settings } = saveOrgSettings.mock.calls[0][0];
    expect(settings).toEqual(
      expect.objectContaining({
        mode: 'Deskphone',
        maxLines: 3,
        maxHoldSeconds: 120,
        credentialTtlSeconds: 3600,
        searchUserExtensions: true,
        wrapUpRequired: false,
        sipWebSocketUrl: 'wss://sip.example.com:443',
        dialPlanDeny: '+1900, +1976',
      }),
    );
    expect(settings).not.toHaveProperty('canEdit');
    expect(settings).not.toHaveProperty('sipSecretSet');
    expect(toast).toHaveBeenCalledTimes(1);
    expect(toast.mock.calls[0][0].detail).toEqual({ title: 'Softphone settings saved', variant: 'success' });
    expect(field(element, 'maxLines').value).toBe(3);
  });

  it('lists every invalid setting and does not call Apex', async () => {
    const element = await createComponent();

    change(element, 'sipWebSocketUrl', 'ws://sip.example.com');
    change(element, 'iceServers', '[{"urls":"turn:turn.example.com","credential":"secret"}]');
    change(element, 'maxLines', '9');
    change(element, 'outsidePrefix', '9a');
    change(element, 'dialPlanAllow', '+1, premium');
    change(element, 'extensionLengths', '0');
    await clickSave(element);

    expect(saveOrgSettings).not.toHaveBeenCalled();
    const problems = $(element, '[data-id="problems"]');
    expect(problems.getAttribute('role')).toBe('alert');
    expect([...problems.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      LABELS.Softphone_Setup_Error_Url,
      LABELS.Softphone_Setup_Error_Ice_Secret,
      'Calls at once (lines) must be a whole number from 1 to 4.',
      'Outside-line prefix must be up to 8 digits.',
      LABELS.Softphone_Setup_Error_Extension_Lengths,
      'Allowed number prefixes (empty allows every number) must be number prefixes separated by commas, such as +1900, +44.',
    ]);
  });

  it('marks each invalid field for assistive technology', async () => {
    const element = await createComponent();
    const url = field(element, 'sipWebSocketUrl');
    const domain = field(element, 'sipDomain');
    url.setCustomValidity = jest.fn();
    url.reportValidity = jest.fn();
    domain.setCustomValidity = jest.fn();
    domain.reportValidity = jest.fn();

    change(element, 'sipWebSocketUrl', 'https://sip.example.com');
    await clickSave(element);

    expect(url.setCustomValidity).toHaveBeenCalledWith(LABELS.Softphone_Setup_Error_Url);
    expect(url.reportValidity).toHaveBeenCalled();
    expect(domain.setCustomValidity).toHaveBeenCalledWith('');
  });

  it('shows the server message when the save is refused', async () => {
    const element = await createComponent();
    saveOrgSettings.mockRejectedValue({
      body: {
        message:
          "You can't save the softphone settings: you don't have permission to edit Softphone Settings.",
      },
    });

    await clickSave(element);

    const error = $(element, '[data-id="save-error"]');
    expect(error.textContent).toBe(
      "You can't save the softphone settings: you don't have permission to edit Softphone Settings.",
    );
    expect(error.getAttribute('role')).toBe('alert');
  });

  it('explains why the settings cannot be shown to a non-admin', async () => {
    getOrgSettings.mockRejectedValue({
      body: { message: 'Only softphone admins can view or change these settings.' },
    });
    const element = createElement('c-softphone-setup', { is: SoftphoneSetup });
    document.body.appendChild(element);
    await flushPromises();

    expect(textOf(element, '[data-id="load-error"]')).toBe(
      'The softphone settings could not be loaded.Only softphone admins can view or change these settings.',
    );
    expect(field(element, 'mode')).toBeNull();
    expect($(element, '[data-id="save"]')).toBeNull();
  });

  it('shows the settings read-only to an admin who cannot save them', async () => {
    const element = await createComponent({ ...mockSettings, canEdit: false });

    expect(textOf(element, '[data-id="read-only"]')).toBe(LABELS.Softphone_Setup_Read_Only);
    const fields = [...element.shadowRoot.querySelectorAll('[data-field]')];
    expect(fields.length).toBeGreaterThan(15);
    expect(fields.every((input) => input.disabled === true)).toBe(true);
    expect($(element, '[data-id="save"]')).toBeNull();
  });

  it('stores a new shared secret and never shows it again', async () => {
    // The first secret is entered on the first-run page (softphoneSetupFirstRun tests); this replaces it.
    const element = await createComponent();
    saveSipSecret.mockResolvedValue(undefined);
    const toast = jest.fn();
    element.addEventListener(ShowToastEventName, toast);
    const secret = $(element, '[data-id="secret"]');

    expect(secret.type).toBe('password');
    secret.dispatchEvent(new CustomEvent('change', { detail: { value: '  k4m41l10-ephemeral-secret ' } }));
    $(element, '[data-id="save-secret"]').click();
    await flushPromises();

    expect(saveSipSecret).toHaveBeenCalledWith({ secret: 'k4m41l10-ephemeral-secret' });
    expect(secret.value).toBe('');
    expect(textOf(element, '[data-id="secret-status"]')).toBe(LABELS.Softphone_Setup_Secret_Set);
    expect(toast.mock.calls[0][0].detail.title).toBe('Shared secret saved');
  });

  it('refuses a weak shared secret before calling Apex', async () => {
    const element = await createComponent();

    $(element, '[data-id="secret"]').dispatchEvent(new CustomEvent('change', { detail: { value: 'short' } }));
    $(element, '[data-id="save-secret"]').click();
    await flushPromises();

    expect(saveSipSecret).not.toHaveBeenCalled();
    expect(textOf(element, '[data-id="secret-error"]')).toBe(LABELS.Softphone_Setup_Error_Secret);
  });

  it('imports only labels that exist in CustomLabels.labels-meta.xml', () => {
    const sources = readdirSync(BUNDLE)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(path.join(BUNDLE, file), 'utf8'))
      .join('\n');
    const imported = [...sources.matchAll(/@salesforce\/label\/c\.(\w+)/g)].map(([, name]) => name);

    expect(imported.length).toBeGreaterThan(50);
    expect(imported.filter((name) => !(name in LABELS))).toEqual([]);
  });

  it('is accessible when the settings are loaded', async () => {
    const element = await createComponent();

    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('is accessible when invalid settings are listed', async () => {
    const element = await createComponent();
    change(element, 'sipWebSocketUrl', 'ws://sip.example.com');
    await clickSave(element);

    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('is accessible when the settings cannot be loaded', async () => {
    getOrgSettings.mockRejectedValue({
      body: { message: 'Only softphone admins can view or change these settings.' },
    });
    const element = createElement('c-softphone-setup', { is: SoftphoneSetup });
    document.body.appendChild(element);
    await flushPromises();

    expect(await accessibilityViolations(element)).toEqual([]);
  });

  describe('click-to-dial, call notes and the wrap-up times by call', () => {
    it('shows each option with words an admin understands, and the precedence rule of the wrap-up times', async () => {
      const element = await createComponent();

      expect(field(element, 'clickToDialEnabled').label).toBe(
        'Clicking a phone number on a record calls it (click-to-dial)',
      );
      expect(field(element, 'clickToDialEnabled').checked).toBe(false);
      expect(field(element, 'callNotesEnabled').label).toBe(
        'Agents write call notes, and the logged call keeps them',
      );
      expect(field(element, 'callNotesOnTransfers').label).toBe(
        'Agents also write notes on calls transferred to them or joined as a conference',
      );
      expect(field(element, 'workTimerLeadSeconds').label).toBe('After calls with a lead (seconds)');
      expect(field(element, 'workTimerInboundSeconds').label).toBe('After incoming calls (seconds)');
      expect(textOf(element, '[data-id="work-timers-help"]')).toBe(LABELS.Softphone_Setup_Work_Timers_Help);
      expect(LABELS.Softphone_Setup_Work_Timers_Help).toMatch(
        /kind of record the call matched; if that is empty, the time set for the call's direction; if that is empty too, the wrap-up time above/,
      );
      expect(await accessibilityViolations(element)).toEqual([]);
    });

    it('saves click-to-dial on, notes off and a wrap-up time for leads; empty times go to Apex as not set', async () => {
      const element = await createComponent();
      saveOrgSettings.mockResolvedValue({
        ...mockSettings,
        clickToDialEnabled: true,
        callNotesEnabled: false,
      });

      change(element, 'clickToDialEnabled', true);
      change(element, 'callNotesEnabled', false);
      change(element, 'workTimerLeadSeconds', '90');
      change(element, 'workTimerInboundSeconds', '');
      await flushPromises();
      expect(summaryItems(element)).toEqual(
        expect.arrayContaining([
          'Clicking a phone number on a record calls it.',
          'Agents write no call notes, and logged calls carry none.',
        ]),
      );
      await clickSave(element);

      const { settings } = saveOrgSettings.mock.calls[0][0];
      expect(settings).toEqual(
        expect.objectContaining({
          clickToDialEnabled: true,
          callNotesEnabled: false,
          callNotesOnTransfers: true,
          workTimerLeadSeconds: 90,
          workTimerInboundSeconds: null,
          workTimerAccountSeconds: null,
        }),
      );
    });

    it('refuses a wrap-up time out of range next to its field, and sends nothing', async () => {
      const element = await createComponent();

      change(element, 'workTimerUnknownSeconds', '4000');
      await clickSave(element);

      expect(saveOrgSettings).not.toHaveBeenCalled();
      expect(textOf(element, '[data-id="problems"]')).toContain(
        'After calls with an unknown caller (seconds) must be a whole number from 0 to 3600.',
      );
      expect(await accessibilityViolations(element)).toEqual([]);
    });
  });
});
