// Interoperability with an independent SIP implementation: a SIP.js agent in Node (media-less
// description handler whose SDP points at a local RTP sink) and baresip 1.0, both registered to the
// project's Kamailio (UDP for baresip, WebSocket for SIP.js). Calls both ways, hold and resume, DTMF.
import { createSocket, type Socket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { Inviter, SessionState, UserAgent, type Invitation, type Session } from 'sip.js';
import type {
  BodyAndContentType,
  SessionDescriptionHandlerOptions,
} from 'sip.js/lib/api/session-description-handler';
import { useBaresip } from '../support/baresip';
import { useKamailio } from '../support/kamailio-fixture';
import {
  NullSessionDescriptionHandler,
  createNodeAgent,
  type NodeAgent,
  type WireMessage,
} from '../support/node-sip';

const server = useKamailio({ auth: { kind: 'digest', users: { alice: 'alice-pw', bob: 'bob-pw' } } });
const bob = useBaresip(() => ({ sip: server(), user: 'bob', password: 'bob-pw', answerMode: 'auto' }));

interface RtpPacket {
  payloadType: number;
  marker: boolean;
  timestamp: number;
  payload: Buffer;
  at: number;
}

/** A UDP socket that records the RTP sent to it (what baresip puts on the wire). */
class RtpSink {
  readonly packets: RtpPacket[] = [];
  private constructor(
    private readonly socket: Socket,
    readonly port: number,
  ) {
    socket.on('message', (msg) => {
      // RTCP (payload types 200-204 in the second byte) arrives on port + 1 only, but be strict.
      if (msg.length < 12 || msg[0]! >> 6 !== 2) return;
      this.packets.push({
        payloadType: msg[1]! & 0x7f,
        marker: (msg[1]! & 0x80) !== 0,
        timestamp: msg.readUInt32BE(4),
        payload: msg.subarray(12),
        at: Date.now(),
      });
    });
  }

  static async open(): Promise<RtpSink> {
    const socket = createSocket('udp4');
    await new Promise<void>((ok) => socket.bind(0, '127.0.0.1', ok));
    return new RtpSink(socket, socket.address().port);
  }

  /** Packets of payload type `pt` received since `since` (ms epoch). */
  count(pt: number, since = 0): number {
    return this.packets.filter((p) => p.payloadType === pt && p.at >= since).length;
  }

  /** Digits of RFC 4733 telephone-events (payload type 101), one per event (its end packets). */
  telephoneEvents(): string[] {
    const names = '0123456789*#ABCD';
    const ended = new Map<number, string>();
    for (const p of this.packets) {
      const end = p.payloadType === 101 && p.payload.length >= 4 && (p.payload[1]! & 0x80) !== 0;
      if (end) ended.set(p.timestamp, names[p.payload[0]!] ?? '?');
    }
    return [...ended.values()];
  }

  close(): Promise<void> {
    return new Promise((ok) => this.socket.close(() => ok()));
  }
}

/** The media-less handler, with its SDP pointing at an RTP sink instead of the discard port. */
class RtpSinkDescriptionHandler extends NullSessionDescriptionHandler {
  constructor(private readonly sink: RtpSink) {
    super();
  }

  override async getDescription(
    ...args: Parameters<NullSessionDescriptionHandler['getDescription']>
  ): Promise<BodyAndContentType> {
    const description = await super.getDescription(...args);
    return { ...description, body: description.body.replace('m=audio 9 ', `m=audio ${this.sink.port} `) };
  }
}

function reached(session: Session, state: SessionState): Promise<void> {
  return new Promise((ok) => {
    if (session.state === state) return ok();
    session.stateChange.addListener((s) => s === state && ok());
  });
}

/** SIP.js passes re-INVITE options to the handler's getDescription(); the media-less one reads `hold`. */
function holdOption(hold: boolean): SessionDescriptionHandlerOptions {
  const options: SessionDescriptionHandlerOptions & { hold: boolean } = { hold };
  return options;
}

function sdpOf(raw: string): string {
  return raw.split('\r\n\r\n').slice(1).join('\r\n\r\n');
}

function audioDirection(raw: string): string | undefined {
  return /^a=(sendrecv|sendonly|recvonly|inactive)\r?$/m.exec(sdpOf(raw))?.[1];
}

/** Requests from baresip carry `User-Agent: baresip ...`, its responses `Server: baresip ...`. */
const byBaresip = (m: { raw: string }) => /^(User-Agent|Server): baresip v1\./im.test(m.raw);

/** The start line of each SIP message baresip sent on a call, in order, read from its `-s` trace. */
function sentByBaresip(callId: string): string[] {
  const blocks = readFileSync(bob().logFile, 'utf8').split(/^UDP /m).slice(1);
  return blocks
    .filter(
      (b) =>
        b.startsWith(`127.0.0.1:${bob().sipPort} ->`) && new RegExp(`^Call-ID: ${callId}\\r?$`, 'm').test(b),
    )
    .map((b) => b.split(/\r?\n/)[1] ?? '');
}

/** Waits until `check` holds, polling every 20 ms. */
async function eventually(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('interop: a SIP.js agent and baresip through Kamailio', () => {
  let alice: NodeAgent;
  let sink: RtpSink;

  beforeEach(async () => {
    sink = await RtpSink.open();
    alice = createNodeAgent(server(), {
      user: 'alice',
      password: 'alice-pw',
      userAgentOptions: { sessionDescriptionHandlerFactory: () => new RtpSinkDescriptionHandler(sink) },
    });
    await alice.register();
  });

  afterEach(async () => {
    // Leave baresip idle for the next test.
    if (
      bob().events.some((e) => e.type === 'CALL_ESTABLISHED') &&
      !bob().events.some((e) => e.type === 'CALL_CLOSED')
    ) {
      await bob()
        .hangup()
        .catch(() => undefined);
    }
    await alice?.stop();
    await sink?.close();
    bob().clearEvents();
  });

  /** alice calls bob (baresip answers by itself); resolves once both sides are established. */
  async function aliceCallsBob(): Promise<Inviter> {
    const target = UserAgent.makeURI(`sip:bob@${server().domain}`);
    if (!target) throw new Error('bad target');
    const inviter = new Inviter(alice.ua, target);
    await inviter.invite();
    await Promise.all([reached(inviter, SessionState.Established), bob().waitFor('CALL_ESTABLISHED')]);
    return inviter;
  }

  test('baresip registers over UDP with digest authentication and Kamailio lists its contact', async () => {
    expect(await bob().waitFor('REGISTER_OK')).toMatchObject({
      accountaor: 'sip:bob@softphone.test',
      param: '200 OK',
    });
    expect(await bob().registrationInfo()).toMatch(/sip:bob@softphone\.test\s+\S*OK/);
    const contacts = (await server().registrations()).get('bob') ?? [];
    expect(contacts).toEqual([expect.stringContaining(`@127.0.0.1:${bob().sipPort}`)]);
  });

  test('the SIP.js agent calls baresip, baresip answers by itself with audio, and a BYE ends the call on both sides', async () => {
    const inviter = await aliceCallsBob();
    const established = await bob().waitFor('CALL_ESTABLISHED');
    expect(established).toMatchObject({
      direction: 'incoming',
      peeruri: 'sip:alice@softphone.test',
      id: inviter.request.callId,
    });

    const answer = alice.wire.find((m) => m.summary === '200 INVITE' && m.direction === 'received');
    expect(answer && byBaresip(answer)).toBe(true);
    expect(sdpOf(answer?.raw ?? '')).toMatch(/^m=audio \d+ RTP\/AVP 0 101\r?$/m);
    expect(audioDirection(answer?.raw ?? '')).toBe('sendrecv');
    // baresip sends its tone as PCMU to the port our SDP offered.
    await eventually(() => sink.count(0) > 10, 'PCMU packets from baresip');

    await inviter.bye();
    const closed = await bob().waitFor('CALL_CLOSED');
    expect(closed).toMatchObject({ id: inviter.request.callId, param: 'Connection reset by peer' });
    await eventually(() => alice.wireSummary().includes('received 200 BYE'), 'the 200 answering the BYE');
    // baresip sends 180 then 200 back to back over UDP (its own trace shows the order). Kamailio's UDP
    // workers handle them independently: the 180 may reach the agent after the 200, or, when the 200
    // has already settled the transaction, not at all (tm relays no provisional after a final response).
    // So the final-response path is ordered, and the provisional is checked at baresip and on its own
    // at the agent: at most the one baresip sent. Over UDP baresip also
    // retransmits its 200 until our ACK reaches it (RFC 3261 §13.3.1.4; a loaded run saw two), and the
    // agent ACKs each copy: a message identical to an earlier one is such a copy, and only those may repeat.
    const seen = new Set<string>();
    const copies: string[] = [];
    const firstCopy = (m: WireMessage) => {
      const key = `${m.direction} ${m.raw}`;
      const copy = seen.has(key);
      if (copy) copies.push(`${m.direction} ${m.summary}`);
      seen.add(key);
      return !copy;
    };
    const path = (m: WireMessage) => !m.summary.endsWith('REGISTER') && m.summary !== '180 INVITE';
    expect(alice.wireSummary((m) => firstCopy(m) && path(m))).toEqual([
      'sent INVITE',
      'received 407 INVITE',
      'sent ACK',
      'sent INVITE',
      'received 100 INVITE',
      'received 200 INVITE',
      'sent ACK',
      'sent BYE',
      'received 200 BYE',
    ]);
    const responsesSent = sentByBaresip(inviter.request.callId).filter((line) => line.startsWith('SIP/2.0'));
    expect(responsesSent.slice(0, 2)).toEqual(['SIP/2.0 180 Ringing', 'SIP/2.0 200 Answering']);
    const ringing = alice.wire.filter((m) => m.summary === '180 INVITE');
    expect(ringing.length).toBeLessThanOrEqual(1);
    expect(ringing.every((m) => m.direction === 'received' && byBaresip(m))).toBe(true);
    expect(copies.filter((c) => c !== 'received 200 INVITE' && c !== 'sent ACK')).toEqual([]);
  });

  test('baresip calls the SIP.js agent, which answers; baresip hangs up and the agent sees the BYE', async () => {
    const incoming = new Promise<Invitation>((ok) => {
      alice.ua.delegate = { onInvite: (invitation) => ok(invitation) };
    });
    await bob().dial(`sip:alice@${server().domain}`);
    const invitation = await incoming;
    expect(invitation.remoteIdentity.uri.toString()).toBe('sip:bob@softphone.test');
    const offer = alice.wire.find((m) => m.summary === 'INVITE' && m.direction === 'received');
    expect(offer && byBaresip(offer)).toBe(true);
    expect(sdpOf(offer?.raw ?? '')).toMatch(/^a=rtpmap:101 telephone-event\/8000\r?$/m);

    await invitation.accept();
    const established = await bob().waitFor('CALL_ESTABLISHED');
    expect(established).toMatchObject({ direction: 'outgoing', peeruri: 'sip:alice@softphone.test' });
    await eventually(() => sink.count(0) > 10, 'PCMU packets from baresip');

    await bob().hangup();
    await reached(invitation, SessionState.Terminated);
    expect(await bob().waitFor('CALL_CLOSED')).toMatchObject({ direction: 'outgoing' });
    const inbound = alice.wireSummary((m) => m.direction === 'received' && !m.summary.endsWith('REGISTER'));
    expect(inbound).toEqual(['received INVITE', 'received ACK', 'received BYE']);
  });

  test('hold from the SIP.js side: baresip answers a sendonly offer with recvonly and stops sending, resume restores sendrecv', async () => {
    const inviter = await aliceCallsBob();
    await eventually(() => sink.count(0) > 5, 'PCMU packets before hold');

    inviter.sessionDescriptionHandlerOptionsReInvite = holdOption(true);
    const held = new Promise<string>((ok) => {
      void inviter.invite({ requestDelegate: { onAccept: (response) => ok(response.message.body) } });
    });
    const holdAnswer = await held;
    expect(holdAnswer).toMatch(/^a=recvonly\r?$/m);
    const sentOffers = alice.wire.filter((m) => m.summary === 'INVITE' && m.direction === 'sent');
    expect(audioDirection(sentOffers.at(-1)?.raw ?? '')).toBe('sendonly');
    // Held: after the answer settles, baresip's audio stops (a few packets may be in flight).
    await new Promise((r) => setTimeout(r, 100));
    const quietFrom = Date.now();
    await new Promise((r) => setTimeout(r, 400));
    expect(sink.count(0, quietFrom)).toBeLessThanOrEqual(2);

    inviter.sessionDescriptionHandlerOptionsReInvite = holdOption(false);
    const resumed = new Promise<string>((ok) => {
      void inviter.invite({ requestDelegate: { onAccept: (response) => ok(response.message.body) } });
    });
    expect(await resumed).toMatch(/^a=sendrecv\r?$/m);
    const resumedAt = Date.now();
    await eventually(() => sink.count(0, resumedAt) > 5, 'PCMU packets after resume');

    expect(alice.wireSummary((m) => m.summary === '200 INVITE' && m.direction === 'received')).toHaveLength(
      3,
    );
    await inviter.bye();
    await bob().waitFor('CALL_CLOSED');
  });

  test('hold from baresip: its re-INVITE offers sendonly, then sendrecv on resume', async () => {
    const inviter = await aliceCallsBob();
    const reinvites = () => alice.wire.filter((m) => m.summary === 'INVITE' && m.direction === 'received');

    await bob().hold();
    await eventually(() => reinvites().length === 1, 'the hold re-INVITE');
    expect(audioDirection(reinvites()[0]!.raw)).toBe('sendonly');
    await bob().resume();
    await eventually(() => reinvites().length === 2, 'the resume re-INVITE');
    expect(audioDirection(reinvites()[1]!.raw)).toBe('sendrecv');
    await eventually(
      () => alice.wireSummary((m) => m.summary === 'ACK' && m.direction === 'received').length === 2,
      'both ACKs',
    );
    await inviter.bye();
  });

  test('DTMF from baresip reaches the SIP.js side as RFC 4733 telephone-events on the wire, digits queued in order', async () => {
    const inviter = await aliceCallsBob();
    await bob().sendDtmf('1');
    await eventually(() => sink.telephoneEvents().length === 1, 'the first telephone-event');
    await bob().sendDtmf('#9');
    await eventually(() => sink.telephoneEvents().length === 3, 'three telephone-events');
    expect(sink.telephoneEvents()).toEqual(['1', '#', '9']);
    // RFC 4733: the event packets use the payload type negotiated for telephone-event (101).
    expect(sink.count(101)).toBeGreaterThanOrEqual(3 * 3);
    // baresip sent no SIP for the digits.
    expect(alice.wireSummary((m) => m.direction === 'received' && /INFO/.test(m.summary))).toEqual([]);
    await inviter.bye();
  });

  test('DTMF from the SIP.js side (SIP INFO, application/dtmf-relay) reaches baresip as CALL_DTMF events', async () => {
    const inviter = await aliceCallsBob();
    for (const digit of ['4', '2', '*']) {
      const accepted = new Promise<number>((ok) => {
        void inviter.info({
          requestOptions: {
            body: {
              contentDisposition: 'render',
              contentType: 'application/dtmf-relay',
              content: `Signal=${digit}\r\nDuration=100\r\n`,
            },
          },
          requestDelegate: { onAccept: (response) => ok(response.message.statusCode ?? 0) },
        });
      });
      expect(await accepted).toBe(200);
      await bob().waitFor('CALL_DTMF_START', { match: (e) => e.param === digit });
    }
    const keys = bob()
      .events.filter((e) => e.type === 'CALL_DTMF_START')
      .map((e) => e.param);
    expect(keys).toEqual(['4', '2', '*']);
    expect(
      bob()
        .events.filter((e) => e.type === 'CALL_DTMF_START')
        .every((e) => e.id === inviter.request.callId),
    ).toBe(true);
    const infos = alice.wire.filter((m) => m.summary === 'INFO' && m.direction === 'sent');
    expect(infos.map((m) => /^Signal=(.)/m.exec(m.raw)?.[1])).toEqual(['4', '2', '*']);
    expect(alice.wireSummary((m) => /INFO$/.test(m.summary))).toEqual([
      'sent INFO',
      'received 200 INFO',
      'sent INFO',
      'received 200 INFO',
      'sent INFO',
      'received 200 INFO',
    ]);
    await inviter.bye();
  });
});
