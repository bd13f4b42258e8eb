// Browser smoke test of the real stack: two workbench phones in headless Chromium (fake media
// devices) register through Kamailio and call each other with real WebRTC; audio flows both ways.
import type { Page } from 'playwright-core';
import { useWorkbench } from '../support/workbench-fixture';

const workbench = useWorkbench();

async function openPhone(user: string): Promise<Page> {
  const { browser, web } = workbench();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${web.url}/phone.html?user=${user}`);
  await page.locator('wb-phone [data-status="registered"]').waitFor({ timeout: 10_000 });
  return page;
}

function audioStats(page: Page) {
  return page.evaluate(() => document.querySelector('wb-phone')!.audioStats());
}

async function callState(page: Page, state: string) {
  await page.locator(`wb-phone [data-call-state="${state}"]`).waitFor({ timeout: 10_000 });
}

describe('WebRTC smoke: two browser phones through Kamailio', () => {
  test('alice calls bob, bob answers, and audio flows both ways until alice hangs up', async () => {
    const [alice, bob] = await Promise.all([openPhone('alice'), openPhone('bob')]);
    expect([...(await workbench().sip.registrations()).keys()].sort()).toEqual(['alice', 'bob']);

    await alice.getByLabel('Number').fill('bob');
    await alice.getByRole('button', { name: 'Call' }).click();
    await callState(bob, 'ringing');
    await expect(bob.locator('wb-phone [data-call-state]').textContent()).resolves.toContain('alice');
    await bob.getByRole('button', { name: 'Answer' }).click();
    await Promise.all([callState(alice, 'connected'), callState(bob, 'connected')]);

    const before = await Promise.all([audioStats(alice), audioStats(bob)]);
    await alice.waitForTimeout(1000);
    const after = await Promise.all([audioStats(alice), audioStats(bob)]);
    for (const i of [0, 1]) {
      expect(after[i]!.bytesReceived).toBeGreaterThan(before[i]!.bytesReceived + 1000);
      expect(after[i]!.bytesSent).toBeGreaterThan(before[i]!.bytesSent + 1000);
    }

    await alice.getByRole('button', { name: 'Hang up' }).click();
    await Promise.all([callState(alice, 'idle'), callState(bob, 'idle')]);
  });
});
