// The agent page compiles the real `softphone` LWC with LWC OSS and lightning-base-components and shows
// it in the emulated utility bar; the LWC reads its settings and SIP credentials through the emulated Apex
// and registers with the workbench's Kamailio as the sample agent's SIP user.
import { packageNamespace } from '../../scripts/namespace';
import { apexPath } from '../../workbench/namespace';
import { useWorkbench } from '../support/workbench-fixture';

const workbench = useWorkbench();

async function registered(user: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await workbench().sip.registrations()).has(user)) {
    if (Date.now() > deadline) throw new Error(`${user} did not register`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

describe('workbench agent page', () => {
  test('the real softphone loads its settings and credentials from the emulated Apex and registers', async () => {
    const { browser, web, sip } = workbench();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const settingsLoaded = page.waitForResponse((r) =>
      r.url().endsWith(apexPath(packageNamespace(), 'SoftphoneSettingsController', 'getSettings')),
    );
    const credentialsLoaded = page.waitForResponse((r) =>
      r.url().endsWith(apexPath(packageNamespace(), 'SoftphoneCredentials', 'getSipCredentials')),
    );

    await page.goto(`${web.url}/agent.html?agent=1`);
    const settings = (await (await settingsLoaded).json()) as { result: { sipWebSocketUrl: string } };
    expect(settings.result.sipWebSocketUrl).toBe(sip.wsUrl);
    const credentials = (await (await credentialsLoaded).json()) as { result: { sipUser: string } };
    expect(credentials.result.sipUser).toBe('1001');
    await registered('1001');

    const utility = page.getByRole('button', { name: 'Softphone', exact: true });
    await expect(utility.getAttribute('aria-expanded')).resolves.toBe('false');
    await utility.click();
    await expect(utility.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.locator('[data-utility-panel="softphone"] c-softphone').isVisible()).resolves.toBe(
      true,
    );
    await expect(page.locator('[data-agent-name]').textContent()).resolves.toBe('Ada Agent (ext. 1001)');
    // The utility refuses pop-out through the utility bar API: the button is disabled and says why.
    const popout = page.locator('[data-utility-panel="softphone"] [data-popout]');
    await expect(popout.isDisabled()).resolves.toBe(true);
    await expect(popout.getAttribute('title')).resolves.toBe(
      "The phone stays in the utility bar, so a call can't be lost by closing a window.",
    );
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/workbench-agent.png' });
  });
});
