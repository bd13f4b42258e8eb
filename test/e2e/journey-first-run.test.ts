// Issue 15, mode at install: right after installing, the admin opens Softphone Setup (the package's
// postInstallUrl) and meets its first-run page. The workbench's org is as the install leaves it (no SIP server,
// no shared secret); its Kamailio is reached over wss:// through a TLS front. Test connection runs the real
// probe in the admin's browser: a wrong address and a wrong secret each get their own message, the right ones
// pass all four steps, and saving lands the setup.
import type { Locator, Page } from 'playwright-core';
import { freeTcpPort } from '../../scripts/sip-server/ports';
import { tlsRelay, type TlsRelay } from '../support/tls-relay';
import { button, shot, until, useJourneys } from '../support/journeys';

const workbench = useJourneys();
let relay: TlsRelay;

beforeAll(async () => {
  relay = await tlsRelay(workbench().sip.wsUrl);
  workbench().web.emulation.context.store.update('settings', (data) => {
    data.freshInstall = true;
  });
});
afterAll(() => relay?.close());

interface StepRow {
  step: string;
  outcome: string;
  text: string;
}

/** The admin's page; its context ignores certificate errors only because the TLS front's certificate is self-signed. */
async function adminPage(): Promise<Page> {
  const { browser, web } = workbench();
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1024, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${web.url}/admin.html`);
  return page;
}

async function fill(setup: Locator, url: string, secret: string): Promise<void> {
  await setup.locator('[data-field="sipWebSocketUrl"] input').fill(url);
  await setup.locator('[data-field="sipDomain"] input').fill(workbench().sip.domain);
  await setup.locator('[data-id="first-run-secret"] input').fill(secret);
}

async function testConnection(setup: Locator): Promise<StepRow[]> {
  await button(setup, 'test-connection').click();
  return until('the connection test to finish', async () => {
    if ((await setup.locator('[data-id="testing"]').count()) > 0) return undefined;
    const rows = await setup.locator('[data-id="probe-results"] li').evaluateAll((items) =>
      items.map((li) => ({
        step: (li as HTMLElement).dataset.step ?? '',
        outcome: (li as HTMLElement).dataset.outcome ?? '',
        text: (li.querySelector('[data-id="step-message"]')?.textContent ?? '').trim(),
      })),
    );
    return rows.length === 4 ? rows : undefined;
  });
}

const byStep = (rows: StepRow[]) => Object.fromEntries(rows.map((row) => [row.step, row]));

it('first run: a wrong address and a wrong secret each say what is wrong, the right ones pass, saving lands the setup', async () => {
  const page = await adminPage();
  const setup = page.locator('c-softphone-setup');
  await setup.locator('[data-id="first-run"]').waitFor({ timeout: 15_000 });
  expect(await setup.locator('[data-id="first-run"] h2').textContent()).toBe('Set up the softphone');
  const { sipSecret } = workbench();

  await fill(setup, `wss://127.0.0.1:${await freeTcpPort()}`, sipSecret);
  const wrongUrl = byStep(await testConnection(setup));
  expect(wrongUrl.websocket?.outcome).toBe('failed');
  expect(wrongUrl.websocket?.text).toMatch(/^The SIP server could not be reached at this address/);
  expect(wrongUrl.credentials?.outcome).toBe('skipped');

  await fill(setup, relay.wssUrl, 'not-the-servers-secret-0123');
  const wrongSecret = byStep(await testConnection(setup));
  expect(wrongSecret.websocket?.outcome).toBe('ok');
  expect(wrongSecret.credentials?.outcome).toBe('failed');
  expect(wrongSecret.credentials?.text).toMatch(/^The SIP server refused the credentials \((401|403) /);
  expect(wrongSecret.credentials?.text).not.toBe(wrongUrl.websocket?.text);

  await fill(setup, relay.wssUrl, sipSecret);
  const right = await testConnection(setup);
  expect(right.map(({ step, outcome }) => `${step} ${outcome}`)).toEqual([
    'websocket ok',
    'tls ok',
    'credentials ok',
    'registration ok',
  ]);
  expect(right[1]?.text).toBe(
    "The connection is encrypted and this browser trusts the server's certificate.",
  );
  await shot(setup, 'first-run-test-connection');

  await button(setup, 'first-run-save').click();
  await page.locator('[data-toasts] .slds-theme_success').waitFor({ timeout: 10_000 });
  await setup.locator('[data-id="summary"]').waitFor();
  expect(await setup.locator('[data-id="first-run"]').count()).toBe(0);
  expect(await setup.locator('[data-field="sipWebSocketUrl"] input').inputValue()).toBe(relay.wssUrl);
  const saved = workbench().web.emulation.context.store.snapshot;
  expect(saved.orgSettings?.sipWebSocketUrl).toBe(relay.wssUrl);
  expect(saved.sipSecretSavedAt).toBeDefined();
  await page.context().close();
});
