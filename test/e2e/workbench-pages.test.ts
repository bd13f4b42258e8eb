// Every page `npm start` serves loads in Chromium without a page error and shows what it is for: the
// home page's links, both agent pages, the admin page with the real softphoneSetup LWC on its emulated
// controller, a customer phone, and the Open CTI adapter page (which, opened outside the Open CTI
// utility, says that Open CTI is missing — as in Salesforce).
import type { Page } from 'playwright-core';
import { useWorkbench } from '../support/workbench-fixture';

const workbench = useWorkbench();

const pages: [string, string, (page: Page) => Promise<void>][] = [
  [
    'home',
    '/',
    async (page) => {
      await page.locator('[data-customers] li').nth(4).waitFor();
      // One link per sample agent: Ada and Ben on the softphone call center, Dee on the deskphone one.
      await expect(page.locator('[data-agents] li').allTextContents()).resolves.toEqual([
        'Ada Agent, extension 1001',
        'Ben Agent, extension 1002',
        'Dee Agent, extension 1003',
      ]);
      // The org without Open CTI is chosen on the home page: the agent links follow the choice.
      await page.getByLabel(/Without Open CTI/).check();
      await expect(page.locator('[data-agents] a').first().getAttribute('href')).resolves.toBe(
        '/agent.html?agent=1&org=lightning',
      );
    },
  ],
  [
    'agent 1',
    '/agent.html?agent=1',
    async (page) => {
      await page.locator('body[data-shell-ready="true"]').waitFor();
      await expect(page.locator('[data-record-row]').count()).resolves.toBe(4);
    },
  ],
  [
    'agent 1 in an org without Open CTI',
    '/agent.html?agent=1&org=lightning',
    async (page) => {
      await page.locator('body[data-shell-ready="true"][data-org-flavour="lightning"]').waitFor();
      await expect(page.locator('[data-utility-button]').count()).resolves.toBe(1);
    },
  ],
  [
    'agent 2',
    '/agent.html?agent=2',
    async (page) => {
      await page.locator('body[data-shell-ready="true"]').waitFor();
      await expect(page.locator('[data-agent-name]').textContent()).resolves.toBe('Ben Agent (ext. 1002)');
    },
  ],
  [
    'admin',
    '/admin.html',
    async (page) => {
      await page.locator('c-softphone-setup [data-id="summary"]').waitFor();
      await expect(page.locator('c-softphone-setup [data-id="load-error"]').count()).resolves.toBe(0);
    },
  ],
  [
    'customer phone',
    '/phone.html?user=4155550101',
    async (page) => {
      await page.locator('wb-phone [data-status="registered"]').waitFor();
    },
  ],
  [
    'Open CTI adapter on its own',
    '/opencti-bridge.html',
    async (page) => {
      await page.locator('softphone-bridge-status[state="error"]').waitFor();
      // The status element renders in its shadow root; Playwright's locators pierce it.
      await page.locator('softphone-bridge-status').getByText('Open CTI did not load').waitFor();
      await expect(page.locator('[data-emulation-note]').textContent()).resolves.toContain(
        'open /agent.html',
      );
    },
  ],
];

describe('workbench pages', () => {
  test.each(pages)('%s (%s) loads without page errors', async (name, path, check) => {
    const { browser, web } = workbench();
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${web.url}${path}`);
    await check(page);
    await page.screenshot({ path: `test-results/workbench-page-${name.replace(/\W+/g, '-')}.png` });
    await context.close();
    expect(errors).toEqual([]);
  });
});
