// Starts Kamailio (ephemeral credentials), the workbench server and headless Chromium for one test file.
// The bundles are built once per run by e2e-global-setup.ts. The emulated org's local data (Tasks,
// favorites, settings) lives in a temporary folder of the file, never in the developer's workbench/data.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startKamailio, type KamailioServer } from '../../scripts/sip-server/kamailio';
import { packageNamespace } from '../../scripts/namespace';
import { lwcNamespace, orgName } from '../../workbench/namespace';
import { lwsDefault, startWorkbenchServer, type WorkbenchServer } from '../../workbench/server';
import { launchChromium } from './browser';
import { currentFileHasFailed } from './test-failed';

export interface WorkbenchFixture {
  sip: KamailioServer;
  web: WorkbenchServer;
  browser: Browser;
  /** The secret Kamailio's auth_ephemeral checks (what /api/sip-credentials signs with). */
  sipSecret: string;
  /** The folder of the emulated org's local data file. */
  dataDir: string;
  /** Stops the workbench server and starts a new one on the same SIP server and data (a new URL). */
  restartWeb(): Promise<WorkbenchServer>;
  /**
   * How a name the softphone gives its browser storage or channels reads from the page, outside the package
   * namespace's Lightning Web Security sandbox (where a test observes): prefixed by the sandbox's key, `c`
   * unpackaged or the org's namespace (SOFTPHONE_NAMESPACE).
   */
  outside: {
    storageKey(name: string): string;
    channelName(name: string): string;
    messageChannel(name: string): string;
  };
}

/** Lifetimes shortened for tests of them (never a faked clock). */
export interface WorkbenchFixtureOptions {
  /** TEST ONLY lifetime of the agents' SIP credentials, seconds (the org setting allows 300..86400). */
  credentialTtlSeconds?: number;
  /** Kamailio grants registrations at most this long, so phones refresh that often. */
  registerMaxExpiresSec?: number;
  /**
   * Lightning Web Security for the pages' LWC (default: on, unless WORKBENCH_LWS=off for the whole run,
   * to compare a failure with and without the sandbox).
   */
  lws?: boolean;
}

/** LWS's namespace markers (@locker/shared): `LSKey[<key>]` on storage keys, `LSKey-<key>$` on channel names. */
function outsideNames(lws: boolean, key = lwcNamespace(packageNamespace())): WorkbenchFixture['outside'] {
  return {
    storageKey: (name) => (lws ? `LSKey[${key}]${name}` : name),
    channelName: (name) => (lws ? `LSKey-${key}$${name}` : name),
    // The package's Lightning message channel as the org names it (`ns__Softphone__c` when namespaced).
    messageChannel: (name) => orgName(packageNamespace(), name),
  };
}

export function useWorkbench(options: WorkbenchFixtureOptions = {}): () => WorkbenchFixture {
  let fixture: Partial<Omit<WorkbenchFixture, 'restartWeb' | 'outside'>> = {};
  const outside = outsideNames(options.lws ?? lwsDefault());
  const webOptions = {
    ...(options.credentialTtlSeconds ? { testCredentialTtlSeconds: options.credentialTtlSeconds } : {}),
    ...(options.lws === undefined ? {} : { lws: options.lws }),
  };
  const restartWeb = async () => {
    const { sip, sipSecret, dataDir } = fixture;
    if (!sip || !sipSecret || !dataDir) throw new Error('workbench fixture not started');
    await fixture.web?.close();
    fixture.web = await startWorkbenchServer({ sip, sipSecret, dataDir, ...webOptions });
    return fixture.web;
  };
  beforeAll(async () => {
    const sipSecret = randomBytes(24).toString('base64url');
    const dataDir = mkdtempSync(join(tmpdir(), 'workbench-data-'));
    const [sip, browser] = await Promise.all([
      startKamailio({
        name: expect.getState().testPath?.split('/').pop(),
        auth: { kind: 'ephemeral', secret: sipSecret },
        ...(options.registerMaxExpiresSec
          ? { registrar: { maxExpires: options.registerMaxExpiresSec } }
          : {}),
      }),
      launchChromium(),
    ]);
    fixture = {
      sip,
      browser,
      sipSecret,
      dataDir,
      web: await startWorkbenchServer({ sip, sipSecret, dataDir, ...webOptions }),
    };
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
    if (fixture.dataDir) rmSync(fixture.dataDir, { recursive: true, force: true });
  });
  return () => {
    const { sip, web, browser, sipSecret, dataDir } = fixture;
    if (!sip || !web || !browser || !sipSecret || !dataDir) {
      throw new Error('workbench fixture not started (beforeAll failed?)');
    }
    return { sip, web, browser, sipSecret, dataDir, restartWeb, outside };
  };
}
