// The real softphone LWC on the workbench stays reachable across several lifetimes of its SIP credentials,
// shortened for the test (the workbench's TEST ONLY credential lifetime, Kamailio granting registrations of
// 10 s), never by faking a clock: the badge says Connected all along and a customer's call rings. With the
// emulated credential endpoint failing, the badge says so in words instead of Connected, then recovers.
import type { Page } from 'playwright-core';
import {
  agentPage,
  button,
  call,
  customerPage,
  customerState,
  seriousViolations,
  softphone,
  useJourneys,
  utilityButton,
} from '../support/journeys';

const LIFETIME_SEC = 8;
const REGISTER_EXPIRES_SEC = 10;
const LIFETIMES = 3;
const NOT_RECEIVING = 'Not receiving calls: reconnecting…';

const workbench = useJourneys({
  credentialTtlSeconds: LIFETIME_SEC,
  registerMaxExpiresSec: REGISTER_EXPIRES_SEC,
});

const badge = (agent: Page) => softphone(agent).locator('[data-id="registration"]');

/** Every text the badge showed during `ms`, in order (repeats dropped), read as the agent would see it. */
async function badgeTexts(agent: Page, ms: number): Promise<string[]> {
  const texts: string[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const text = (await badge(agent).textContent())?.trim() ?? '';
    if (texts.at(-1) !== text) texts.push(text);
    await agent.waitForTimeout(250);
  }
  return texts;
}

async function customerCallRings(agent: Page): Promise<void> {
  const customer = await customerPage('4155550101');
  await call(customer, '1001');
  const incoming = softphone(agent).locator('[data-id="incoming"]');
  await incoming.waitFor({ timeout: 10_000 });
  await button(incoming, 'reject').click();
  await customerState(customer, 'idle');
  await customer.context().close();
}

describe('an agent stays reachable all shift (browser)', () => {
  test(`with ${LIFETIME_SEC} s credentials the badge says Connected through ${LIFETIMES} lifetimes and a customer call rings after them`, async () => {
    const agent = await agentPage(1);
    await utilityButton(agent).click();
    await badge(agent).filter({ hasText: 'Connected' }).waitFor({ timeout: 10_000 });

    expect(await badgeTexts(agent, LIFETIMES * LIFETIME_SEC * 1000)).toEqual(['Connected']);
    await customerCallRings(agent);
  }, 120_000);

  test('with the credential endpoint failing the badge says "Not receiving calls: reconnecting…", then recovers when it is back', async () => {
    const agent = await agentPage(1);
    await utilityButton(agent).click();
    await badge(agent).filter({ hasText: 'Connected' }).waitFor({ timeout: 10_000 });
    const { faults } = workbench().web.emulation.apex;
    faults.failNext('SoftphoneCredentials', 'getSipCredentials', 1_000, 'network');
    try {
      // The credentials run out and the next registration refresh is refused: within one refresh.
      await badge(agent)
        .filter({ hasText: NOT_RECEIVING })
        .waitFor({ timeout: (LIFETIME_SEC + REGISTER_EXPIRES_SEC + 2) * 1000 });
      expect(await badge(agent).getAttribute('class')).not.toContain('slds-theme_success');
      expect(faults.failed.get('SoftphoneCredentials.getSipCredentials')).toBeGreaterThan(0);
      expect(await seriousViolations(agent)).toEqual([]);
    } finally {
      faults.clear();
    }
    await badge(agent).filter({ hasText: 'Connected' }).waitFor({ timeout: 15_000 });
    await customerCallRings(agent);
  }, 120_000);
});
