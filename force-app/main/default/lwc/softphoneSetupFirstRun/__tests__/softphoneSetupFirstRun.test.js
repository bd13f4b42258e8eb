// The first-run page as an admin meets it in Softphone Setup right after installing: the real setup tab with its
// Apex mocked, the probe of the core (window.SoftphoneCore, as loadScript leaves it) answering as the SIP server
// would for a good setup, a wrong secret and a wrong address.
import { createElement } from 'lwc';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import { loadScript } from 'lightning/platformResourceLoader';
import getOrgSettings from '@salesforce/apex/SoftphoneSetupController.getOrgSettings';
import saveOrgSettings from '@salesforce/apex/SoftphoneSetupController.saveOrgSettings';
import saveSipSecret from '@salesforce/apex/SoftphoneSetupController.saveSipSecret';
import mintProbeCredentials from '@salesforce/apex/SoftphoneSetupController.mintProbeCredentials';
import axe from 'axe-core';

const { readFileSync } = require('fs');
const path = require('path');

jest.mock('@salesforce/apex/SoftphoneSetupController.getOrgSettings', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneSetupController.saveOrgSettings', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneSetupController.saveSipSecret', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneSetupController.mintProbeCredentials', () => ({ default: jest.fn() }), {
  virtual: true,
});

// The real label texts, so assertions read like the screen (a missing label fails as its "c.Name" fallback).
const LABELS_FILE = path.join(__dirname, '..', '..', '..', 'labels', 'CustomLabels.labels-meta.xml');
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

// What SoftphoneSetupController.getOrgSettings returns right after the install: its defaults, no SIP server, no secret.
const FRESH_INSTALL = {
  ...require('../../softphoneSetup/__tests__/data/getOrgSettings.json'),
  sipWebSocketUrl: '',
  sipDomain: '',
  clickToDialEnabled: false,
  sipSecretSet: false,
};
const PROBE = {
  username: '1700000300:softphone-setup-probe',
  password: 'c2lnbmVk',
  sipUser: 'softphone-setup-probe',
  ttlSeconds: 300,
  expiresAt: 1700000300,
};
const ALL_OK = [
  { step: 'websocket', outcome: 'ok', reason: 'reachable' },
  { step: 'tls', outcome: 'ok', reason: 'encrypted' },
  { step: 'credentials', outcome: 'ok', reason: 'accepted' },
  { step: 'registration', outcome: 'ok', reason: 'registered', detail: '200 OK' },
];
const WRONG_SECRET = [
  { step: 'websocket', outcome: 'ok', reason: 'reachable' },
  { step: 'tls', outcome: 'ok', reason: 'encrypted' },
  { step: 'credentials', outcome: 'failed', reason: 'refused', detail: '401 Unauthorized' },
  { step: 'registration', outcome: 'skipped', reason: 'notTried' },
];
const WRONG_URL = [
  { step: 'websocket', outcome: 'failed', reason: 'unreachable' },
  { step: 'tls', outcome: 'skipped', reason: 'unknown' },
  { step: 'credentials', outcome: 'skipped', reason: 'notTried' },
  { step: 'registration', outcome: 'skipped', reason: 'notTried' },
];

describe('c-softphone-setup first-run page', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    delete window.SoftphoneCore;
  });

  function flushPromises() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- test helper, not component code
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  async function createComponent(settings = FRESH_INSTALL) {
    getOrgSettings.mockResolvedValue({ ...settings });
    const element = createElement('c-softphone-setup', { is: SoftphoneSetup });
    document.body.appendChild(element);
    await flushPromises();
    return element;
  }

  const firstRun = (element) => element.shadowRoot.querySelector('c-softphone-setup-first-run');
  const $ = (element, selector) => firstRun(element).shadowRoot.querySelector(selector);
  const $$ = (element, selector) => [...firstRun(element).shadowRoot.querySelectorAll(selector)];

  function type(element, selector, value) {
    $(element, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));
  }

  async function fillIn(
    element,
    { url = 'wss://sip.example.com:443', secret = 'typed-secret-0123456789' } = {},
  ) {
    type(element, '[data-field="sipWebSocketUrl"]', url);
    type(element, '[data-field="sipDomain"]', 'sip.example.com');
    type(element, '[data-id="first-run-secret"]', secret);
    await flushPromises();
  }

  async function testConnection(element, results) {
    window.SoftphoneCore = { probeConnection: jest.fn().mockResolvedValue(results) };
    mintProbeCredentials.mockResolvedValue(PROBE);
    $(element, '[data-id="test-connection"]').click();
    await flushPromises();
  }

  const steps = (element) =>
    $$(element, '[data-id="probe-results"] li').map((row) => ({
      step: row.dataset.step,
      outcome: row.dataset.outcome,
      // What a screen reader reads: the icon's text (passed, failed...), then the step and its message.
      text: `${row.querySelector('lightning-icon').alternativeText} ${row.textContent}`
        .replace(/\s+/g, ' ')
        .trim(),
    }));

  async function accessibilityViolations(element) {
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    return violations.map((v) => `${v.id}: ${v.help}`);
  }

  it('opens on the first-run page while no shared secret is stored, with the mode and what agents get', async () => {
    const element = await createComponent();

    expect(firstRun(element)).not.toBeNull();
    expect(element.shadowRoot.querySelector('[data-id="save"]')).toBeNull();
    expect(element.shadowRoot.querySelector('[data-field="maxLines"]')).toBeNull();
    expect($(element, 'h2').textContent).toBe('Set up the softphone');
    expect($(element, '[data-field="mode"]').value).toBe('Softphone');
    const summary = $$(element, '[data-id="first-run-summary"] li').map((li) => li.textContent);
    expect(summary[0]).toBe(LABELS.Softphone_Setup_Summary_Softphone);
    expect(summary).toContain(LABELS.Softphone_Setup_Summary_Not_Connected);
    expect($(element, '[data-id="first-run-secret"]').type).toBe('password');
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('shows what agents get in the mode the admin picks', async () => {
    const element = await createComponent();

    type(element, '[data-field="mode"]', 'Deskphone');
    await flushPromises();

    expect($(element, '[data-field="mode"]').value).toBe('Deskphone');
    const summary = $$(element, '[data-id="first-run-summary"] li').map((li) => li.textContent);
    expect(summary.slice(0, 2)).toEqual([
      LABELS.Softphone_Setup_Summary_Deskphone,
      LABELS.Softphone_Setup_Summary_Device,
    ]);
  });

  it('keeps the full form for an org that is set up', async () => {
    const element = await createComponent({ ...FRESH_INSTALL, sipSecretSet: true });

    expect(firstRun(element)).toBeNull();
    expect(element.shadowRoot.querySelector('[data-id="save"]')).not.toBeNull();
  });

  it('tests the typed address and secret from this browser, before anything is saved, and reports four steps', async () => {
    const element = await createComponent();
    await fillIn(element);

    await testConnection(element, ALL_OK);

    expect(mintProbeCredentials).toHaveBeenCalledWith({ secret: 'typed-secret-0123456789' });
    expect(loadScript).toHaveBeenCalledWith(expect.anything(), expect.stringContaining('softphoneCore'));
    expect(window.SoftphoneCore.probeConnection).toHaveBeenCalledWith({
      webSocketUrl: 'wss://sip.example.com:443',
      domain: 'sip.example.com',
      sipUser: 'softphone-setup-probe',
      username: PROBE.username,
      password: PROBE.password,
      pageIsSecure: false,
    });
    expect(saveOrgSettings).not.toHaveBeenCalled();
    expect(saveSipSecret).not.toHaveBeenCalled();
    expect(steps(element)).toEqual([
      {
        step: 'websocket',
        outcome: 'ok',
        text: `Passed WebSocket reachable: ${LABELS.Softphone_Setup_Probe_Websocket_Reachable}`,
      },
      {
        step: 'tls',
        outcome: 'ok',
        text: `Passed TLS (encryption): ${LABELS.Softphone_Setup_Probe_Tls_Encrypted}`,
      },
      {
        step: 'credentials',
        outcome: 'ok',
        text: `Passed Credentials accepted: ${LABELS.Softphone_Setup_Probe_Credentials_Accepted}`,
      },
      {
        step: 'registration',
        outcome: 'ok',
        text: 'Passed Registration succeeded: A test phone registered (200 OK) and was unregistered again.',
      },
    ]);
    expect($(element, '[data-id="probe-results"]').getAttribute('aria-label')).toBe(
      'Connection test results',
    );
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('says the credentials were refused when the secret is wrong', async () => {
    const element = await createComponent();
    await fillIn(element, { secret: 'not-the-servers-secret-42' });

    await testConnection(element, WRONG_SECRET);

    const [websocket, , credentials, registration] = steps(element);
    expect(websocket.outcome).toBe('ok');
    expect(credentials).toEqual({
      step: 'credentials',
      outcome: 'failed',
      text:
        'Failed Credentials accepted: The SIP server refused the credentials (401 Unauthorized). ' +
        'Check that the shared secret is exactly the one configured on the SIP server.',
    });
    expect(registration.text).toBe(
      `Not checked Registration succeeded: ${LABELS.Softphone_Setup_Probe_Not_Tried}`,
    );
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('says the WebSocket is not reachable when the address is wrong, and that TLS cannot be told', async () => {
    const element = await createComponent();
    await fillIn(element, { url: 'wss://sip.example.com:4443' });

    await testConnection(element, WRONG_URL);

    const [websocket, tls, credentials] = steps(element);
    expect(websocket).toEqual({
      step: 'websocket',
      outcome: 'failed',
      text: `Failed WebSocket reachable: ${LABELS.Softphone_Setup_Probe_Websocket_Unreachable}`,
    });
    expect(tls.text).toBe(`Not checked TLS (encryption): ${LABELS.Softphone_Setup_Probe_Tls_Unknown}`);
    expect(credentials.outcome).toBe('skipped');
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('has words for every outcome the probe reports', async () => {
    const element = await createComponent();
    await fillIn(element, { url: 'ws://sip.example.com' });

    await testConnection(element, [
      { step: 'websocket', outcome: 'failed', reason: 'blocked' },
      { step: 'tls', outcome: 'warning', reason: 'unencrypted' },
      { step: 'credentials', outcome: 'warning', reason: 'notAsked' },
      { step: 'registration', outcome: 'failed', reason: 'refused', detail: '404 Not Found' },
    ]);

    expect(steps(element).map(({ text }) => text)).toEqual([
      `Failed WebSocket reachable: ${LABELS.Softphone_Setup_Probe_Websocket_Blocked}`,
      `Warning TLS (encryption): ${LABELS.Softphone_Setup_Probe_Tls_Unencrypted}`,
      `Warning Credentials accepted: ${LABELS.Softphone_Setup_Probe_Credentials_Not_Asked}`,
      "Failed Registration succeeded: The SIP server refused the registration (404 Not Found). Check the SIP domain and the server's registrar.",
    ]);
    await testConnection(element, [
      { step: 'websocket', outcome: 'failed', reason: 'invalidUrl' },
      { step: 'tls', outcome: 'failed', reason: 'notEncrypted' },
      { step: 'credentials', outcome: 'ok', reason: 'accepted' },
      { step: 'registration', outcome: 'failed', reason: 'noAnswer' },
    ]);
    expect(steps(element).map(({ text }) => text.replace(/^\S+ [^:]+: /, ''))).toEqual([
      LABELS.Softphone_Setup_Probe_Websocket_Invalid_Url,
      LABELS.Softphone_Setup_Probe_Tls_Not_Encrypted,
      LABELS.Softphone_Setup_Probe_Credentials_Accepted,
      LABELS.Softphone_Setup_Probe_Registration_No_Answer,
    ]);
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('asks for the address before testing, and shows why a test could not start', async () => {
    const element = await createComponent();

    $(element, '[data-id="test-connection"]').click();
    await flushPromises();
    expect($(element, '[data-id="test-error"]').textContent).toBe(LABELS.Softphone_Setup_Probe_Need_Url);
    expect(mintProbeCredentials).not.toHaveBeenCalled();

    await fillIn(element, { secret: 'short' });
    mintProbeCredentials.mockRejectedValue({
      body: { message: 'The connection was not tested: too short.' },
    });
    $(element, '[data-id="test-connection"]').click();
    await flushPromises();
    const error = $(element, '[data-id="test-error"]');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe(
      'The connection could not be tested. The connection was not tested: too short.',
    );
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('says it is testing while the probe runs', async () => {
    const element = await createComponent();
    await fillIn(element);
    let answer;
    window.SoftphoneCore = { probeConnection: () => new Promise((resolve) => (answer = resolve)) };
    mintProbeCredentials.mockResolvedValue(PROBE);

    $(element, '[data-id="test-connection"]').click();
    await flushPromises();

    expect($(element, '[data-id="testing"]').textContent).toBe(LABELS.Softphone_Setup_Probe_Testing);
    expect($(element, '[data-id="test-connection"]').disabled).toBe(true);
    expect(await accessibilityViolations(element)).toEqual([]);
    answer(ALL_OK);
    await flushPromises();
    expect($(element, '[data-id="testing"]')).toBeNull();
  });

  it('saves the mode, the SIP server and the secret together, then shows the full form', async () => {
    const element = await createComponent();
    type(element, '[data-field="mode"]', 'Deskphone');
    await fillIn(element);
    saveOrgSettings.mockImplementation(({ settings }) => Promise.resolve({ ...FRESH_INSTALL, ...settings }));
    saveSipSecret.mockResolvedValue(undefined);
    const toast = jest.fn();
    element.addEventListener(ShowToastEventName, toast);

    $(element, '[data-id="first-run-save"]').click();
    await flushPromises();

    const [{ settings }] = saveOrgSettings.mock.calls[0];
    expect(settings).toMatchObject({
      mode: 'Deskphone',
      sipWebSocketUrl: 'wss://sip.example.com:443',
      sipDomain: 'sip.example.com',
    });
    expect(saveSipSecret).toHaveBeenCalledWith({ secret: 'typed-secret-0123456789' });
    expect(toast.mock.calls[0][0].detail.title).toBe(LABELS.Softphone_Setup_First_Run_Saved);
    expect(firstRun(element)).toBeNull();
    expect(element.shadowRoot.querySelector('[data-field="sipWebSocketUrl"]').value).toBe(
      'wss://sip.example.com:443',
    );
    expect(element.shadowRoot.querySelector('[data-id="secret-status"]').textContent).toBe(
      LABELS.Softphone_Setup_Secret_Set,
    );
  });

  it('saves nothing and says why when the secret is missing or the server refuses', async () => {
    const element = await createComponent();
    await fillIn(element, { secret: '' });

    $(element, '[data-id="first-run-save"]').click();
    await flushPromises();
    expect(saveOrgSettings).not.toHaveBeenCalled();
    expect($(element, '[data-id="first-run-save-error"]').textContent).toBe(
      LABELS.Softphone_Setup_Error_Secret,
    );

    type(element, '[data-id="first-run-secret"]', 'typed-secret-0123456789');
    saveOrgSettings.mockRejectedValue({ body: { message: 'The settings were not saved. Nope.' } });
    $(element, '[data-id="first-run-save"]').click();
    await flushPromises();
    expect(saveSipSecret).not.toHaveBeenCalled();
    const error = $(element, '[data-id="first-run-save-error"]');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('The settings were not saved. Nope.');
    expect(firstRun(element)).not.toBeNull();
    expect(await accessibilityViolations(element)).toEqual([]);
  });
});
