// Interoperability with real media: a workbench browser phone (WebRTC: ICE, DTLS-SRTP, rtcp-mux, in
// headless Chromium) and baresip (plain RTP over UDP) through Kamailio, with rtpengine bridging the two.
// Audio is measured on both ends: the browser's getStats and the WAV baresip records of what it heard.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ephemeralCredentials } from '../../scripts/sip-server/kamailio';
import { startWorkbenchServer, type WorkbenchServer } from '../../workbench/server';
import { useBaresip } from '../support/baresip';
import { launchChromium } from '../support/browser';
import { useKamailioWithRtpengine } from '../support/rtpengine';

const sipSecret = randomBytes(24).toString('base64url');
const relay = useKamailioWithRtpengine({ auth: { kind: 'ephemeral', secret: sipSecret } });
const bob = useBaresip(() => {
  // baresip authenticates with the same kind of time-limited credentials the workbench mints.
  const { username, password } = ephemeralCredentials(sipSecret, 'bob');
  return {
    sip: relay().sip,
    user: 'bob',
    authUser: username,
    password,
    answerMode: 'manual',
    audio: { tone: 440 },
  };
});

let browser: Browser;
let web: WorkbenchServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [browser, web] = await Promise.all([
    launchChromium(),
    startWorkbenchServer({ sip: relay().sip, sipSecret }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  bob().clearEvents();
});

async function openPhone(user: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${web.url}/phone.html?user=${user}`);
  await page.locator('wb-phone [data-status="registered"]').waitFor({ timeout: 10_000 });
  return page;
}

async function callState(page: Page, state: string) {
  await page.locator(`wb-phone [data-call-state="${state}"]`).waitFor({ timeout: 10_000 });
}

function audioStats(page: Page) {
  return page.evaluate(() => document.querySelector('wb-phone')!.audioStats());
}

/** One second of call: the browser must receive and send at least half of PCMU's 8000 bytes/s. */
async function expectAudioBothWaysInBrowser(page: Page) {
  const before = await audioStats(page);
  await page.waitForTimeout(1000);
  const after = await audioStats(page);
  expect(after.bytesReceived - before.bytesReceived).toBeGreaterThan(4000);
  expect(after.bytesSent - before.bytesSent).toBeGreaterThan(4000);
}

/** What baresip heard, from its recording once the call is closed: about a second of non-silence. */
function expectBaresipHeardTheBrowser() {
  const heard = bob().receivedAudio();
  expect(heard).toBeDefined();
  expect(heard!.seconds).toBeGreaterThan(0.8);
  expect(heard!.rms).toBeGreaterThan(300);
}

describe('interop in the browser: a WebRTC phone and baresip through Kamailio and rtpengine', () => {
  test('the browser calls baresip, baresip accepts, audio flows both ways, and the browser hangs up', async () => {
    const alice = await openPhone('alice');
    await bob().waitFor('REGISTER_OK');

    await alice.getByLabel('Number').fill('bob');
    await alice.getByRole('button', { name: 'Call' }).click();
    const incoming = await bob().waitFor('CALL_INCOMING');
    expect(incoming).toMatchObject({ peeruri: 'sip:alice@softphone.test', direction: 'incoming' });
    await bob().accept();
    await Promise.all([callState(alice, 'connected'), bob().waitFor('CALL_ESTABLISHED')]);

    await expectAudioBothWaysInBrowser(alice);

    await alice.getByRole('button', { name: 'Hang up' }).click();
    expect(await bob().waitFor('CALL_CLOSED')).toMatchObject({ id: incoming.id });
    await callState(alice, 'idle');
    expectBaresipHeardTheBrowser();
  });

  test('baresip calls the browser, the browser answers, audio flows both ways, and baresip hangs up', async () => {
    const alice = await openPhone('alice');
    await bob().dial(`sip:alice@${relay().sip.domain}`);
    await callState(alice, 'ringing');
    await alice.getByRole('button', { name: 'Answer' }).click();
    await Promise.all([callState(alice, 'connected'), bob().waitFor('CALL_ESTABLISHED')]);

    await expectAudioBothWaysInBrowser(alice);

    await bob().hangup();
    await Promise.all([callState(alice, 'idle'), bob().waitFor('CALL_CLOSED')]);
    expectBaresipHeardTheBrowser();
  });

  test('a call forked to a browser and baresip of the same user is bridged only towards baresip', async () => {
    // bob is registered twice: a browser (WebSocket) and baresip (UDP). Each fork gets its own SDP:
    // WebRTC as offered for the browser, plain RTP through rtpengine for baresip. baresip registers
    // again so that the browser is the first fork (the R-URI a per-request decision would look at).
    const bobsBrowser = await openPhone('bob');
    await bob().unregister();
    await bob().register();
    const contacts = (await relay().sip.registrations()).get('bob') ?? [];
    expect(contacts).toEqual([
      expect.stringMatching(/\.invalid;transport=ws$/),
      expect.stringContaining(`@127.0.0.1:${bob().sipPort}`),
    ]);
    const alice = await openPhone('alice');

    await alice.getByLabel('Number').fill('bob');
    await alice.getByRole('button', { name: 'Call' }).click();
    await Promise.all([callState(bobsBrowser, 'ringing'), bob().waitFor('CALL_INCOMING')]);
    await bob().accept();
    await Promise.all([callState(alice, 'connected'), callState(bobsBrowser, 'idle')]);

    await expectAudioBothWaysInBrowser(alice);

    await alice.getByRole('button', { name: 'Hang up' }).click();
    await bob().waitFor('CALL_CLOSED');
    expectBaresipHeardTheBrowser();
  });
});
