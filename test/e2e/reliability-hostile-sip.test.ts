// A hostile SIP peer (raw SIP over UDP through Kamailio) against the softphone core in Chromium with
// SIP.js's real WebRTC handler: malformed SDP is refused 488, unknown methods and broken requests get an
// error answer, a huge or script-laden caller name reaches the view model as bounded plain text; after
// all of it the agent is still registered and answers a normal call.
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CallPage } from '../../bench/pages/call-page';
import { launchChromium } from '../support/browser';
import { openCallPage } from '../support/call-pages';
import { serveHarness, type HarnessPage } from '../support/harness-page';
import { useKamailio } from '../support/kamailio-fixture';

declare const bench: CallPage;

const USERS = { agent: 'agent-pw', '1001': 'customer-pw' };
const server = useKamailio({ auth: { kind: 'digest', users: USERS } });

/** A SIP peer on a UDP socket that writes requests by hand and records every response by Call-ID. */
class RawPeer {
  readonly responses = new Map<string, string[]>();
  private constructor(
    private readonly socket: Socket,
    readonly port: number,
  ) {
    socket.on('message', (data) => {
      const text = data.toString('utf8');
      const callId = /^(?:Call-ID|i):\s*(.+)$/im.exec(text)?.[1]?.trim() ?? '?';
      this.responses.set(callId, [...(this.responses.get(callId) ?? []), text]);
    });
  }

  static async open(): Promise<RawPeer> {
    const socket = createSocket('udp4');
    await new Promise<void>((ok) => socket.bind(0, '127.0.0.1', ok));
    return new RawPeer(socket, socket.address().port);
  }

  send(message: string): void {
    this.socket.send(Buffer.from(message, 'utf8'), server().udpPort, '127.0.0.1');
  }

  /** Resolves with the first response of `callId` whose status matches `status` (e.g. /^[2-6]\d\d$/). */
  async response(callId: string, status: RegExp, timeoutMs = 10_000): Promise<string> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = (this.responses.get(callId) ?? []).find((r) =>
        status.test(/^SIP\/2\.0 (\d{3})/.exec(r)?.[1] ?? ''),
      );
      if (found) return found;
      if (Date.now() > end) {
        throw new Error(
          `no ${status} for ${callId}; got: ${(this.responses.get(callId) ?? []).map((r) => r.split('\r\n')[0]).join(', ')}`,
        );
      }
      await new Promise((ok) => setTimeout(ok, 20));
    }
  }

  close(): Promise<void> {
    return new Promise((ok) => this.socket.close(() => ok()));
  }
}

interface Request {
  method?: string;
  /** Header lines replacing the defaults of the same name; `null` leaves a default header out. */
  headers?: Record<string, string | null>;
  body?: string;
}

/** A request to the agent; returns its Call-ID and branch (for CANCEL/ACK). */
function request(peer: RawPeer, { method = 'INVITE', headers = {}, body = '' }: Request) {
  const id = randomBytes(6).toString('hex');
  const callId = `${id}@hostile.invalid`;
  const branch = `z9hG4bK-${id}`;
  const { domain } = server();
  const defaults: Record<string, string> = {
    Via: `SIP/2.0/UDP 127.0.0.1:${peer.port};branch=${branch};rport`,
    'Max-Forwards': '70',
    From: `"Mallory" <sip:mallory@hostile.invalid>;tag=${id}`,
    To: `<sip:agent@${domain}>`,
    'Call-ID': callId,
    CSeq: `1 ${method}`,
    Contact: `<sip:mallory@127.0.0.1:${peer.port}>`,
    ...(body ? { 'Content-Type': 'application/sdp' } : {}),
  };
  const lines = Object.entries({ ...defaults, ...headers })
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `${name}: ${value}`);
  peer.send(
    `${method} sip:agent@${domain} SIP/2.0\r\n${lines.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`,
  );
  return { callId, branch, id };
}

/** ACK of a non-2xx final response (same branch, hop by hop), CANCEL of a ringing INVITE. */
function inTransaction(
  peer: RawPeer,
  method: 'ACK' | 'CANCEL',
  sent: ReturnType<typeof request>,
  toTag = '',
) {
  const { domain } = server();
  peer.send(
    [
      `${method} sip:agent@${domain} SIP/2.0`,
      `Via: SIP/2.0/UDP 127.0.0.1:${peer.port};branch=${sent.branch};rport`,
      'Max-Forwards: 70',
      `From: "Mallory" <sip:mallory@hostile.invalid>;tag=${sent.id}`,
      `To: <sip:agent@${domain}>${toTag}`,
      `Call-ID: ${sent.callId}`,
      `CSeq: 1 ${method}`,
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n'),
  );
}

const toTagOf = (response: string) => {
  const tag = /^(?:To|t):.*(;tag=[^;\s]+)/im.exec(response)?.[1];
  return tag ?? '';
};

let browser: Browser;
let harness: HarnessPage;
let agent: Page;
let customer: Page;
let peer: RawPeer;
const pageErrors: string[] = [];

const openPage = (start: Parameters<typeof openCallPage>[3]) =>
  openCallPage(browser, harness, server(), start, pageErrors);

const view = () => agent.evaluate(() => bench.view());

beforeAll(async () => {
  [browser, harness, peer] = await Promise.all([
    launchChromium(),
    serveHarness(resolve(__dirname, '../../bench/pages/call-page.ts')),
    RawPeer.open(),
  ]);
  agent = await openPage({ kind: 'softphone', user: 'agent', password: USERS.agent });
  customer = await openPage({ kind: 'bare', user: '1001', password: USERS['1001'] });
});
afterAll(async () => {
  await agent?.evaluate(() => bench.stop()).catch(() => undefined);
  await customer?.evaluate(() => bench.stop()).catch(() => undefined);
  await browser?.close();
  await harness?.close();
  await peer?.close();
});

describe('a hostile SIP peer', () => {
  test("an INVITE with malformed SDP is refused 488 at once, before it reaches the agent's calls", async () => {
    await agent.evaluate(() => bench.onIncoming('answer'));
    const sent = request(peer, { body: 'v=0\r\nthis is not a session description\r\nm=audio nope\r\n' });
    const final = await peer.response(sent.callId, /^[3-6]\d\d$/);
    inTransaction(peer, 'ACK', sent, toTagOf(final));
    expect(final.split('\r\n')[0]).toBe('SIP/2.0 488 Not Acceptable Here');
    expect((await view())?.calls).toEqual([]);
  });

  test('an unknown method and requests missing mandatory headers get an error answer, not silence', async () => {
    const unknown = request(peer, { method: 'FROBNICATE', headers: { Contact: null } });
    expect((await peer.response(unknown.callId, /^[4-6]\d\d$/)).split('\r\n')[0]).toMatch(
      /^SIP\/2\.0 (405|501) /,
    );

    // No Contact on an INVITE: the agent cannot answer it, and must say so.
    const noContact = request(peer, { headers: { Contact: null }, body: 'v=0\r\n' });
    const final = await peer.response(noContact.callId, /^[4-6]\d\d$/);
    inTransaction(peer, 'ACK', noContact, toTagOf(final));
    expect(final.split('\r\n')[0]).toMatch(/^SIP\/2\.0 4\d\d /);
    expect((await view())?.calls).toEqual([]);
  });

  test('a huge, script-laden caller name reaches the view as bounded plain text', async () => {
    await agent.evaluate(() => bench.onIncoming('ring'));
    const name = `<script>alert(1)</script><img src=x onerror=alert(2)>\u202Eevil ${'A'.repeat(6000)}`;
    const sent = request(peer, {
      headers: { From: `"${name}" <sip:mallory@hostile.invalid>;tag=${randomBytes(4).toString('hex')}` },
      body: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n',
    });
    const ringing = await peer.response(sent.callId, /^18\d$/);
    const call = (await view())?.calls.find((c) => c.status === 'ringing');
    expect(call).toBeDefined();
    for (const text of [call!.title, call!.remote.displayName ?? '']) {
      expect(text).not.toMatch(/[<>\u202E]/);
      expect(text.length).toBeLessThanOrEqual(64);
    }
    expect(call!.title).toMatch(/^alert\(1\) evil A+…$/);
    inTransaction(peer, 'CANCEL', sent);
    const final = await peer.response(sent.callId, /^487$/);
    inTransaction(peer, 'ACK', sent, toTagOf(final) || toTagOf(ringing));
    await agent.waitForFunction(() => (bench.view()?.calls ?? []).every((c) => c.status !== 'ringing'));
  });

  test('afterwards the agent is still registered and answers a normal call with media', async () => {
    await agent.evaluate(() => bench.onIncoming('answer'));
    expect((await view())?.registration).toBe('registered');
    const ms = await customer.evaluate(() => bench.call('agent'));
    expect(ms).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
