// A click-to-dial is a request (issue 13): a component that may publish on the softphone's message channel
// (since ADR 0007 only the package's own: the channel is not exposed) can send a well-formed clickToDial
// no agent clicked, and while the agent talks to a customer it must not put the customer on hold. The real softphone LWC on the workbench's agent page,
// the real customer phone, Kamailio's log as the wire.
import type { Page } from 'playwright-core';
import { CLICK_TO_DIAL_LIMIT } from '../../src/call';
import {
  button,
  connectedCall,
  customerState,
  expectAudioBothWays,
  seriousViolations,
  shot,
  sipRequests,
  softphone,
  until,
  useJourneys,
  utilityButton,
  utilityPanel,
} from '../support/journeys';
import { publishClickOnChannel } from '../support/channel-click';

const fixture = useJourneys();

/** What a rogue component does: publish a valid clickToDial on the channel, no click on any phone field. */
async function publishClick(agent: Page, number: string): Promise<void> {
  const record = { recordId: '003WB0000000001YAA', recordName: 'Alice Nguyen', objectType: 'Contact' };
  const channelName = fixture().outside.messageChannel('Softphone__c');
  await publishClickOnChannel(agent, channelName, { number, ...record }, 'click');
}

const invitesTo = (number: string) =>
  sipRequests('INVITE').filter((line) => line.includes(`REQ INVITE sip:${number}@`));

/** Kamailio logs "{<msg type> <CSeq> <Call-ID>}" before each request: every INVITE of one dialog. */
const invitesIn = (callId: string) =>
  sipRequests('INVITE').filter((line) => line.includes(` INVITE ${callId}} `));

function customerCallId(): string {
  const line = invitesTo('1001').at(-1) ?? '';
  const callId = / INVITE ([^}\s]+)\} /.exec(line)?.[1];
  if (!callId) throw new Error(`no Call-ID in the customer's INVITE: ${line}`);
  return callId;
}

describe('click-to-dial while the agent is on a call', () => {
  test('a click published on the channel asks first: no hold until Call, Cancel leaves the call alone, a burst is refused in words', async () => {
    const { agent, customer, active } = await connectedCall('4155550101');
    if ((await utilityButton(agent).getAttribute('aria-expanded')) !== 'true')
      await utilityButton(agent).click();
    const card = softphone(agent).locator('c-softphone-click-to-dial');
    // The customer called the agent: re-INVITEs (a hold) would go in that dialog, to the customer's Contact.
    const dialog = customerCallId();
    const customerInvites = invitesIn(dialog).length;
    expect(customerInvites).toBeGreaterThan(0);

    // 1. The click shows a card; the customer is not held (no re-INVITE) and nothing is dialled.
    await publishClick(agent, '(415) 555-0102');
    await card.locator('[data-id="click-to-dial-title"]').waitFor({ timeout: 5000 });
    await expect(card.locator('[data-id="click-to-dial-title"]').textContent()).resolves.toBe(
      'Call (415) 555-0102?',
    );
    await expect(card.locator('[data-id="click-to-dial-record"]').textContent()).resolves.toBe(
      'From Alice Nguyen',
    );
    await agent.waitForTimeout(1500);
    expect(invitesIn(dialog)).toHaveLength(customerInvites);
    expect(invitesTo('4155550102')).toEqual([]);
    await button(active, 'hold').waitFor();
    expect(await seriousViolations(agent)).toEqual([]);
    await shot(utilityPanel(agent), 'click-to-dial-confirm');

    // 2. Cancel: the card goes, the call goes on as it was, both ways.
    await button(card, 'click-to-dial-cancel').click();
    await card.waitFor({ state: 'detached', timeout: 5000 });
    await expectAudioBothWays(customer);
    expect(invitesIn(dialog)).toHaveLength(customerInvites);
    expect(invitesTo('4155550102')).toEqual([]);

    // 3. Call: what a click during a call always did: the customer is held, then the number is dialled.
    await publishClick(agent, '(415) 555-0102');
    await button(card, 'click-to-dial-call').click();
    await card.waitFor({ state: 'detached', timeout: 5000 });
    await until('the customer held by a re-INVITE', async () => invitesIn(dialog).length > customerInvites);
    await until('the clicked number dialled', async () => invitesTo('4155550102').length > 0);

    // 4. A burst: the requests past the limit are refused and the agent reads why.
    const burst = Array.from({ length: CLICK_TO_DIAL_LIMIT.maxRequests + 2 }, (_, i) => `415555011${i}`);
    for (const number of burst) await publishClick(agent, number);
    const refusal = softphone(agent)
      .locator('c-softphone-error-panel')
      .getByText(/click-to-dial requests arrived within 10 seconds/);
    await refusal.waitFor({ timeout: 5000 });
    expect(burst.flatMap((number) => invitesTo(number))).toEqual([]);
    await shot(utilityPanel(agent), 'click-to-dial-burst');

    await customer.getByRole('button', { name: 'Hang up' }).click();
    await customerState(customer, 'idle');
  });
});
