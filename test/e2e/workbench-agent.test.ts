// The agent page compiles the real `softphone` LWC with LWC OSS and lightning-base-components and
// shows it in the emulated utility bar, with its settings read through the emulated Apex controller.
import { useWorkbench } from '../support/workbench-fixture';

const workbench = useWorkbench();

describe('workbench agent page', () => {
  test('the utility bar opens the softphone, which renders with SLDS and loads its settings', async () => {
    const { browser, web } = workbench();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const settingsLoaded = page.waitForResponse((r) =>
      r.url().endsWith('/api/apex/SoftphoneSettingsController/getSettings'),
    );

    await page.goto(`${web.url}/agent.html`);
    const utility = page.getByRole('button', { name: 'Softphone' });
    await expect(utility.getAttribute('aria-expanded')).resolves.toBe('false');
    await utility.click();
    await expect(utility.getAttribute('aria-expanded')).resolves.toBe('true');

    const status = page.locator('c-softphone [role="status"]');
    await status.waitFor({ timeout: 15_000 });
    await expect(status.textContent()).resolves.toContain('Phone not connected');
    // lightning-card rendered by the real base component, styled by SLDS.
    await expect(page.locator('c-softphone article.slds-card').count()).resolves.toBe(1);
    const settings = (await (await settingsLoaded).json()) as { result: { sipWebSocketUrl: string } };
    expect(settings.result.sipWebSocketUrl).toBe(workbench().sip.wsUrl);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/workbench-agent.png' });
  });
});
