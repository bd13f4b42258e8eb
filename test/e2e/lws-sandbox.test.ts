// Canary: the browser tests really run the softphone under Lightning Web Security (@locker/sandbox), as an
// org does. The key the softphone writes in localStorage lands namespaced outside the package's sandbox (`c`
// unpackaged, the org's namespace under SOFTPHONE_NAMESPACE), and a
// `data:` Worker is refused inside it while the page itself may create one. `?lws=off` runs the same
// bundle without the sandbox: the key is then the softphone's own.
import type { Page } from 'playwright-core';
import { packageNamespace } from '../../scripts/namespace';
import { lwcNamespace } from '../../workbench/namespace';
import { agentPage, open, until, useJourneys } from '../support/journeys';

// The canary pins LWS on: it must fail when the sandbox is missing, whatever WORKBENCH_LWS says.
const fixture = useJourneys({ lws: true });
/** The sandbox the package's LWC run in: the org's namespace, `c` unpackaged. */
const SANDBOX = lwcNamespace(packageNamespace());

/** The softphone's instance key for agent 1 (src/continuity: `softphone.instance:<user>:<sip address>`). */
const INSTANCE_KEY = /^softphone\.instance:005\w+:sip:1001@/;

const storageKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage));

/** Runs `source` in the package namespace's sandbox, as the page's loader does; answers its value or error. */
function inSandbox(page: Page, source: string): Promise<string> {
  // A string: the test compiler would rewrite a dynamic import() in a function.
  return page.evaluate(`import('/assets/locker-sandbox.js').then((sandbox) => {
    try {
      return String(sandbox.evaluateInSandbox(${JSON.stringify(SANDBOX)}, ${JSON.stringify(source)}));
    } catch (e) {
      return 'refused: ' + (e instanceof Error ? e.message : String(e));
    }
  })`);
}

/**
 * Lightning renders the namespace's components in synthetic shadow, so SLDS (loaded once by the page) styles
 * them and the page's queries see their text: the polyfill must be in place before the engine is evaluated.
 */
const rendersInSyntheticShadow = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('c-softphone')?.shadowRoot as
      (ShadowRoot & { synthetic?: boolean }) | null;
    return root?.synthetic === true;
  });

const DATA_WORKER = `new Worker('data:text/javascript,postMessage(1)') && 'created'`;

test('the softphone runs in its namespace’s sandbox: its storage key is namespaced outside, a data: worker is refused inside', async () => {
  const agent = await agentPage(1);
  const outside = fixture().outside.storageKey('');
  expect(outside).toBe(`LSKey[${SANDBOX}]`);
  expect(await agent.evaluate(() => document.documentElement.dataset.lws)).toBe('on');
  expect(await rendersInSyntheticShadow(agent)).toBe(true);
  const keys = await until('the softphone to keep its instance', async () => {
    const all = await storageKeys(agent);
    return all.some((k) => k.startsWith(`${outside}softphone.`)) && all;
  });
  expect(keys.find((k) => k.startsWith(outside))?.slice(outside.length)).toMatch(INSTANCE_KEY);
  expect(keys.filter((k) => k.startsWith('softphone.'))).toEqual([]);

  // Inside the sandbox the softphone sees its own key name.
  expect(await inSandbox(agent, `Object.keys(localStorage).join(' ')`)).toMatch(/softphone\.instance:/);
  expect(await inSandbox(agent, DATA_WORKER)).toMatch(/^refused: .*Lightning Web Security.*Worker/);
  expect(await agent.evaluate((code) => String(eval(code)), DATA_WORKER)).toBe('created');
});

test('?lws=off runs the same namespace without the sandbox: the key is the softphone’s own', async () => {
  const agent = await open('/agent.html?agent=1&lws=off');
  await agent.locator('body[data-shell-ready="true"]').waitFor();
  expect(await agent.evaluate(() => document.documentElement.dataset.lws)).toBe('off');
  const keys = await until('the softphone to keep its instance', async () => {
    const all = await storageKeys(agent);
    return all.some((k) => INSTANCE_KEY.test(k)) && all;
  });
  expect(keys.filter((k) => k.startsWith('LSKey['))).toEqual([]);
  expect(await rendersInSyntheticShadow(agent)).toBe(true);
});
