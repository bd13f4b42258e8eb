// ADR 0007: Visualforce reaches the utility only by postMessage, and only from the package's Visualforce origin
// (the workbench serves it on its own origin, workbench/origins.ts). A well-formed clickToDial posted by anything
// else in the agent's browser (a component of the Lightning page, a sandboxed frame, a script forging the
// origin on a synthetic event) dials nobody and shows nothing; a real click on a phone field, posted after them
// by the real bridge, dials. The real softphone LWC under Lightning Web Security, Kamailio's log as the wire.
import type { Page } from 'playwright-core';
import { createMessage } from '../../src/protocol';
import { packageNamespace } from '../../scripts/namespace';
import { workbenchOrigins } from '../../workbench/origins';
import { agentPage, sipRequests, softphone, until, useJourneys, utilityButton } from '../support/journeys';

const fixture = useJourneys();
const ALICE = '003WB0000000001YAA';
const FOREIGN_NUMBER = '4155550177';

/** Each way a sender that is not the package's Visualforce posts a valid click on the Lightning window. */
async function postFromForeignSenders(agent: Page, visualforce: string): Promise<void> {
  const built = createMessage('clickToDial', { number: FOREIGN_NUMBER }, 'foreign');
  if (!built.ok) throw new Error('the test built an invalid message');
  await agent.evaluate(
    ({ message, claimed }) => {
      // Any script of the Lightning page (another namespace's component, an extension's content script).
      window.postMessage(message, '*');
      // A synthetic event claiming the package's origin: LWS lets anyone dispatch a MessageEvent.
      window.dispatchEvent(new MessageEvent('message', { data: message, origin: claimed }));
      // A frame without an origin of its own (opaque: "null").
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.srcdoc = `<script>parent.postMessage(${JSON.stringify(message)}, '*')</script>`;
      document.body.append(frame);
      return new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
    },
    { message: built.value, claimed: visualforce },
  );
}

test('a clickToDial from anything but the package’s Visualforce origin dials nobody and shows nothing; the bridge’s own click dials', async () => {
  const { web } = fixture();
  const agent = await agentPage(1, undefined, 'opencti');
  await agent.evaluate((id) => (location.hash = `#/record/${id}`), ALICE);
  await agent.locator('body[data-click-to-dial="true"]').waitFor({ timeout: 15_000 });
  const invitesBefore = sipRequests('INVITE').length;

  await postFromForeignSenders(
    agent,
    workbenchOrigins(new URL(web.url).port, packageNamespace()).visualforce,
  );
  await agent.locator(`[data-record-page="${ALICE}"] [data-click-to-dial="(415) 555-0101"]`).first().click();

  // The bridge's post came after the foreign ones: once its INVITE is on the wire, theirs would be too.
  await until('the clicked number to be dialled', async () =>
    sipRequests('INVITE')
      .slice(invitesBefore)
      .some((line) => line.includes('INVITE sip:4155550101@')),
  );
  const invites = sipRequests('INVITE').slice(invitesBefore);
  expect(invites.filter((line) => line.includes(FOREIGN_NUMBER))).toEqual([]);
  await expect(utilityButton(agent).getAttribute('aria-expanded')).resolves.toBe('true');
  await expect(softphone(agent).locator('c-softphone-click-to-dial').count()).resolves.toBe(0);
  await expect(softphone(agent).getByText('555-0177').count()).resolves.toBe(0);
  // The page's emulation log shows every post from the Visualforce origin: the bridge's, none of the others.
  const posted = agent.locator('[data-log="post"][data-lms-type="clickToDial"] [data-message]');
  await expect(posted.allTextContents()).resolves.toEqual([expect.stringContaining('(415) 555-0101')]);
});
