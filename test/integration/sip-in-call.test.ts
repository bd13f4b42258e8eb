// A connected call of a SipPhone: hold and resume by re-INVITE (serialised, retried on glare: 491 and
// 500 + Retry-After), mute through the media hook, DTMF by RFC 4733 with SIP INFO as the fallback.
import type { Invitation } from 'sip.js';
import type { ReinviteRetryCause } from '../../src/sip';
import { useKamailio } from '../support/kamailio-fixture';
import {
  callTraffic,
  createNodeAgent,
  createTestPhone,
  fastTimers,
  type NodeAgent,
  type TestPhone,
  type WireMessage,
} from '../support/node-sip';

const users = ['alice', 'bob', 'dave'];
const server = useKamailio({
  auth: { kind: 'digest', users: Object.fromEntries(users.map((u) => [u, `${u}-pw`])) },
});

/** Lets a plain SIP.js far end answer the next re-INVITE itself (a 500 or a 488), then behave again. */
function refuseNextReinvite(
  invitation: Invitation,
  statusCode: number,
  extraHeaders: string[] = [],
  times = 1,
) {
  const session = invitation as unknown as { onInviteRequest(request: unknown): void };
  const original = session.onInviteRequest.bind(session);
  let left = times;
  session.onInviteRequest = (request) => {
    if (left-- <= 0) return original(request);
    (request as { reject(o: object): void }).reject({ statusCode, extraHeaders });
  };
}

/** Call traffic without the 100 Trying that Kamailio may or may not send for a re-INVITE. */
const dialogTraffic = (m: WireMessage) => callTraffic(m) && m.summary !== '100 INVITE';

const sdpDirection = (message: string | undefined) =>
  /^a=(sendonly|sendrecv|recvonly|inactive)/m.exec(message ?? '')?.[1];

describe('SipPhone in a call', () => {
  let phones: TestPhone[] = [];
  let agents: NodeAgent[] = [];
  async function phone(user: string, options: Omit<Parameters<typeof createTestPhone>[1], 'user'> = {}) {
    const p = createTestPhone(server(), { user, ...options });
    phones.push(p);
    await p.phone.start();
    return p;
  }
  /** alice (our phone) calls bob (our phone), who answers. */
  async function connected(aliceOptions = {}, bobOptions = {}) {
    const [alice, bob] = await Promise.all([phone('alice', aliceOptions), phone('bob', bobOptions)]);
    bob.phone.on('sip.invite.received', (e) => void bob.phone.answer(e.callId));
    const { callId } = await alice.phone.dial('sip:bob@softphone.test');
    await bob.waitFor('sip.call.answered');
    return { alice, bob, callId };
  }
  /** alice (our phone) calls dave, a plain SIP.js agent that answers. */
  async function connectedToAgent(aliceOptions = {}) {
    const alice = await phone('alice', aliceOptions);
    const dave = createNodeAgent(server(), { user: 'dave', password: 'dave-pw' });
    agents.push(dave);
    const invitation = new Promise<Invitation>((resolve) => {
      dave.ua.delegate = { onInvite: (i) => void i.accept().then(() => resolve(i)) };
    });
    await dave.register();
    const { callId } = await alice.phone.dial('sip:dave@softphone.test');
    return { alice, dave, callId, invitation: await invitation };
  }
  afterEach(async () => {
    // Our phones first, so that the plain agents still answer their BYEs.
    await Promise.all(phones.map((p) => p.phone.stop()));
    await Promise.all(agents.map((a) => a.stop()));
    phones = [];
    agents = [];
  });

  test('hold offers sendonly and resume sendrecv; the far end hears about it as remote hold', async () => {
    const { alice, bob, callId } = await connected();
    await new Promise((r) => setTimeout(r, 150)); // past the ACK head start, to time the re-INVITE alone
    const started = performance.now();
    await alice.phone.hold(callId);
    const holdMs = performance.now() - started;
    await alice.phone.resume(callId);

    const reinvites = alice.wire.find('sent INVITE').slice(2);
    expect(reinvites.map(sdpDirection)).toEqual(['sendonly', 'sendrecv']);
    expect(alice.eventTypes(callId).slice(-2)).toEqual(['sip.call.held', 'sip.call.resumed']);
    expect(bob.eventsOf('sip.reinvite.received')).toEqual([
      { type: 'sip.reinvite.received', callId, remoteHold: true },
      { type: 'sip.reinvite.received', callId, remoteHold: false },
    ]);
    process.stdout.write(`hold re-INVITE round trip in Node: ${holdMs.toFixed(1)} ms\n`);
  });

  test('hold the moment a call is answered: the callee waits for the ACK, the caller lets its ACK go first', async () => {
    const [alice, bob] = await Promise.all([phone('alice'), phone('bob')]);
    bob.phone.on(
      'sip.invite.received',
      (e) => void bob.phone.answer(e.callId).then(() => bob.phone.hold(e.callId)),
    );
    const { callId } = await alice.phone.dial('sip:bob@softphone.test');
    await alice.phone.hold(callId);
    await bob.waitFor('sip.call.held');

    // SIP.js alone would have the callee's re-INVITE overtake the ACK and hang up with 488.
    const bobs = bob.wire.summary(dialogTraffic);
    expect(bobs.indexOf('received ACK')).toBeLessThan(bobs.indexOf('sent INVITE'));
    expect(bobs).not.toContain('sent BYE');
    expect(alice.eventsOf('sip.reinvite.failed')).toEqual([]);
    expect(bob.eventsOf('sip.reinvite.failed')).toEqual([]);
    expect(alice.phone.callIds()).toEqual([callId]);
  });

  test('hold and resume asked for in the same tick are serialised: one re-INVITE at a time, no 491', async () => {
    const { alice, callId } = await connected();
    await Promise.all([alice.phone.hold(callId), alice.phone.resume(callId), alice.phone.hold(callId)]);

    expect(alice.wire.summary(dialogTraffic).slice(7)).toEqual([
      'sent INVITE',
      'received 200 INVITE',
      'sent ACK',
      'sent INVITE',
      'received 200 INVITE',
      'sent ACK',
      'sent INVITE',
      'received 200 INVITE',
      'sent ACK',
    ]);
    expect(alice.eventTypes(callId).slice(-3)).toEqual([
      'sip.call.held',
      'sip.call.resumed',
      'sip.call.held',
    ]);
  });

  test('glare: both sides hold at once, both get 491, the non-owner retries first, and both end up held', async () => {
    const causes: { user: string; cause: ReinviteRetryCause }[] = [];
    const delay = (user: string) => (cause: ReinviteRetryCause) => {
      causes.push({ user, cause });
      return fastTimers.reinviteRetryDelay?.(cause) ?? 0;
    };
    const { alice, bob, callId } = await connected(
      { config: { reinviteRetryDelay: delay('alice') } },
      { config: { reinviteRetryDelay: delay('bob') } },
    );
    // Past both sides' wait after the answer (see the next test), then both at once.
    await new Promise((r) => setTimeout(r, 150));
    await Promise.all([alice.phone.hold(callId), bob.phone.hold(callId)]);

    expect(alice.wire.summary(callTraffic)).toContain('received 491 INVITE');
    expect(bob.wire.summary(callTraffic)).toContain('received 491 INVITE');
    expect(causes).toEqual(
      expect.arrayContaining([
        { user: 'alice', cause: { statusCode: 491, isCallIdOwner: true, retry: 1 } },
        { user: 'bob', cause: { statusCode: 491, isCallIdOwner: false, retry: 1 } },
      ]),
    );
    // bob (not the Call-ID owner) went first: alice saw his hold before hers was accepted.
    expect(alice.eventTypes(callId).slice(-2)).toEqual(['sip.reinvite.received', 'sip.call.held']);
    expect(bob.eventTypes(callId).slice(-2)).toEqual(['sip.call.held', 'sip.reinvite.received']);
    for (const side of [alice, bob]) {
      expect(side.eventsOf('sip.reinvite.received').map((e) => e.remoteHold)).toEqual([true]);
      expect(side.eventsOf('sip.reinvite.failed')).toEqual([]);
    }
    // Consistent afterwards: each can resume without another collision.
    await alice.phone.resume(callId);
    await bob.phone.resume(callId);
    expect(alice.wire.find('sent INVITE').slice(-1).map(sdpDirection)).toEqual(['sendrecv']);
  });

  test("glare while bob's offer is still being made (ICE gathering): alice's INVITE gets 491, not 488, and both end up held", async () => {
    const { alice, bob, callId } = await connected({}, { media: { offerDelayMs: 300 } });
    await new Promise((r) => setTimeout(r, 150));
    await Promise.all([alice.phone.hold(callId), bob.phone.hold(callId)]);

    // alice's hold reached bob before his own INVITE left: he refused it, and his went first.
    const bobs = bob.wire.summary(callTraffic);
    expect(bobs).toContain('sent 491 INVITE');
    expect(bobs.indexOf('sent 491 INVITE')).toBeLessThan(bobs.lastIndexOf('sent INVITE'));
    expect(bobs).not.toContain('sent 488 INVITE');
    expect(alice.wire.summary(callTraffic)).toContain('received 491 INVITE');
    for (const side of [alice, bob]) {
      expect(side.eventsOf('sip.reinvite.received').map((e) => e.remoteHold)).toEqual([true]);
      expect(side.eventsOf('sip.reinvite.failed')).toEqual([]);
      expect(side.eventTypes(callId)).toContain('sip.call.held');
    }
  });

  test('a 500 with Retry-After is retried after the Retry-After', async () => {
    const causes: ReinviteRetryCause[] = [];
    const { alice, callId, invitation } = await connectedToAgent({
      config: { reinviteRetryDelay: (c: ReinviteRetryCause) => (causes.push(c), 50) },
    });
    refuseNextReinvite(invitation, 500, ['Retry-After: 1']);
    await alice.phone.hold(callId);

    expect(causes).toEqual([{ statusCode: 500, isCallIdOwner: true, retryAfterSec: 1, retry: 1 }]);
    expect(alice.wire.summary(dialogTraffic).slice(7)).toEqual([
      'sent INVITE',
      'received 500 INVITE',
      'sent ACK',
      'sent INVITE',
      'received 200 INVITE',
      'sent ACK',
    ]);
    expect(alice.eventTypes(callId).slice(-1)).toEqual(['sip.call.held']);
  });

  test('a hold the far end refuses for good fails with reinvite-failed; the call stays up and is not left half-held', async () => {
    const { alice, callId, invitation } = await connectedToAgent();
    refuseNextReinvite(invitation, 488);
    const failure = await alice.phone.hold(callId).catch((e: unknown) => e);

    expect(failure).toMatchObject({ code: 'reinvite-failed', statusCode: 488 });
    expect(alice.eventsOf('sip.reinvite.failed')).toEqual([
      { type: 'sip.reinvite.failed', callId, operation: 'hold', error: failure },
    ]);
    expect(alice.phone.callIds()).toEqual([callId]);
    // The refused hold did not stick: a DTMF INFO still works, and a later resume offers sendrecv.
    await alice.phone.resume(callId);
    expect(alice.wire.find('sent INVITE').map(sdpDirection).slice(-2)).toEqual(['sendonly', 'sendrecv']);
  });

  test('glare that never clears gives up after reinviteMaxAttempts with reinvite-failed', async () => {
    const { alice, callId, invitation } = await connectedToAgent({ config: { reinviteMaxAttempts: 3 } });
    refuseNextReinvite(invitation, 491, [], 3);
    await expect(alice.phone.hold(callId)).rejects.toMatchObject({
      code: 'reinvite-failed',
      statusCode: 491,
    });
    expect(alice.wire.summary(callTraffic).filter((l) => l === 'received 491 INVITE')).toHaveLength(3);
  });

  test('mute goes to the media hook and puts nothing on the wire', async () => {
    const muteHook = jest.fn();
    const { alice, callId } = await connected({ config: { muteHook } });
    const before = alice.wire.wire.length;
    await alice.phone.mute(callId, true);
    await alice.phone.mute(callId, false);

    expect(muteHook.mock.calls).toEqual([
      [{ callId, peerConnection: undefined }, true],
      [{ callId, peerConnection: undefined }, false],
    ]);
    expect(alice.wire.wire.length).toBe(before);
    await expect(alice.phone.mute('no-such-call', true)).rejects.toMatchObject({ code: 'call-not-found' });
  });

  test('hold silences the microphone through the media hook until resumed; unmuting a held call keeps it silent', async () => {
    const muteHook = jest.fn();
    const { alice, callId } = await connected({ config: { muteHook } });
    await alice.phone.hold(callId);
    await alice.phone.mute(callId, true);
    await alice.phone.mute(callId, false);
    await alice.phone.resume(callId);
    await alice.phone.mute(callId, true);
    await alice.phone.hold(callId);
    await alice.phone.resume(callId);

    expect(muteHook.mock.calls.map(([, muted]: [unknown, boolean]) => muted)).toEqual([
      true, // hold
      true, // mute while held
      true, // unmute while held: still held
      false, // resume
      true, // mute
      true, // hold while muted
      true, // resume while muted: still muted
    ]);
  });

  test('media() names the call and has no peer connection with a media-less handler', async () => {
    const { alice, callId } = await connected();
    expect(alice.phone.media(callId)).toEqual({ callId, peerConnection: undefined });
    expect(alice.phone.media('no-such-call')).toBeUndefined();
  });

  test('DTMF goes as RFC 4733 telephone-events of 160 ms through the media handler, with no SIP INFO', async () => {
    const { alice, callId } = await connected();
    await alice.phone.sendDtmf(callId, '12#');
    expect(alice.handlers[0]?.dtmf).toEqual(['12#']);
    // Long enough to be heard as tones after Chromium's NetEq shortens them (see KEY_TONE_MS).
    expect(alice.handlers[0]?.dtmfOptions).toEqual([{ duration: 160, interToneGap: 70 }]);
    expect(alice.wire.summary(callTraffic)).not.toContain('sent INFO');
  });

  test('when the media handler cannot send telephone-events, DTMF falls back to one SIP INFO per tone', async () => {
    const { alice, bob, callId } = await connected({ media: { rfc4733: false } });
    await alice.phone.sendDtmf(callId, '5*a');

    expect(alice.wire.summary(callTraffic).filter((l) => l.endsWith('INFO'))).toEqual([
      'sent INFO',
      'received 200 INFO',
      'sent INFO',
      'received 200 INFO',
      'sent INFO',
      'received 200 INFO',
    ]);
    expect(alice.wire.find('sent INFO')[0]).toMatch(
      /Content-Type: application\/dtmf-relay[\s\S]*Signal=5\r\nDuration=160/,
    );
    expect(bob.eventsOf('sip.dtmf.received').map((e) => e.tone)).toEqual(['5', '*', 'A']);
  });

  test('DTMF mode "info" always uses SIP INFO; tones outside the keypad are refused', async () => {
    const { alice, bob, callId } = await connected({ config: { dtmf: 'info' } });
    await alice.phone.sendDtmf(callId, '9');
    expect(alice.handlers[0]?.dtmf).toEqual([]);
    expect(bob.eventsOf('sip.dtmf.received').map((e) => e.tone)).toEqual(['9']);
    await expect(alice.phone.sendDtmf(callId, '9\r\nX')).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
