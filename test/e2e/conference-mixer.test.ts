// ConferenceMixer in real Chromium with real WebRTC legs: the measured spectrum of what each
// participant receives shows it hears everyone else and not itself (mix-minus), with five people.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveHarness, type HarnessPage } from '../support/harness-page';
import { expectMixMinus, PARTY_HZ, type HeardLevels } from '../support/mix-minus';

declare const harness: {
  addParty(id: string, frequency: number): Promise<void>;
  removeParty(id: string): Promise<void>;
  spectrum(): HeardLevels;
  legIds(): string[];
  resume(): Promise<void>;
};

const parties = PARTY_HZ.map((frequency, i) => [`p${i + 1}`, frequency] as const);

async function settledHeardLevels(page: Page): Promise<HeardLevels> {
  await page.waitForTimeout(2000);
  return page.evaluate(() => harness.spectrum());
}

describe('conference mix-minus in the browser', () => {
  let browser: Browser;
  let server: HarnessPage;
  let page: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([
      launchChromium(),
      serveHarness(resolve(__dirname, 'harness/conference-mixer-harness.ts')),
    ]);
    page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.title === 'ready');
    await page.evaluate(() => harness.resume());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('with the agent and four parties, each hears the other four and not itself', async () => {
    for (const [id, frequency] of parties) {
      await page.evaluate(([i, f]) => harness.addParty(i, f), [id, frequency] as const);
    }
    const spectrum = await settledHeardLevels(page);
    process.stdout.write(`5-party spectrum (dB):\n${JSON.stringify(spectrum, null, 1)}\n`);
    expect(Object.keys(spectrum)).toEqual(['agent', 'p1', 'p2', 'p3', 'p4']);
    expectMixMinus(spectrum);
  });

  test('a sixth participant is refused with a clear error', async () => {
    await expect(page.evaluate(() => harness.addParty('p5', 1430))).rejects.toThrow(/at most 5 people/);
    await page.evaluate(() => harness.removeParty('p5')).catch(() => undefined);
  });

  test('removing one party leaves the other three and the agent hearing each other', async () => {
    await page.evaluate(() => harness.removeParty('p2'));
    expect(await page.evaluate(() => harness.legIds())).toEqual(['p1', 'p3', 'p4']);
    const spectrum = await settledHeardLevels(page);
    expect(Object.keys(spectrum)).toEqual(['agent', 'p1', 'p3', 'p4']);
    expectMixMinus(spectrum);
  });
});
