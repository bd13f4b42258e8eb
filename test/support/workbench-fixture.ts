// Starts Kamailio (ephemeral credentials), the workbench server and headless Chromium for one test file.
// The bundles are built once per run by e2e-global-setup.ts.
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { startKamailio, type KamailioServer } from '../../scripts/sip-server/kamailio';
import { startWorkbenchServer, type WorkbenchServer } from '../../workbench/server';
import { launchChromium } from './browser';
import { currentFileHasFailed } from './test-failed';

export interface WorkbenchFixture {
  sip: KamailioServer;
  web: WorkbenchServer;
  browser: Browser;
}

export function useWorkbench(): () => WorkbenchFixture {
  let fixture: Partial<WorkbenchFixture> = {};
  beforeAll(async () => {
    const sipSecret = randomBytes(24).toString('base64url');
    const [sip, browser] = await Promise.all([
      startKamailio({
        name: expect.getState().testPath?.split('/').pop(),
        auth: { kind: 'ephemeral', secret: sipSecret },
      }),
      launchChromium(),
    ]);
    fixture = { sip, browser, web: await startWorkbenchServer({ sip, sipSecret }) };
  });
  afterAll(async () => {
    const failed = currentFileHasFailed();
    if (fixture.sip && failed) {
      process.stderr.write(
        `\nKamailio log kept at ${fixture.sip.logFile}; last lines:\n${fixture.sip.logTail(80)}\n`,
      );
    }
    await fixture.browser?.close();
    await fixture.web?.close();
    await fixture.sip?.stop({ failed });
  });
  return () => {
    const { sip, web, browser } = fixture;
    if (!sip || !web || !browser) throw new Error('workbench fixture not started (beforeAll failed?)');
    return { sip, web, browser };
  };
}
