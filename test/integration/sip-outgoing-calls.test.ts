// Outgoing calls of a SipPhone through the project's Kamailio: set-up, early media, cancel, 3xx redirects
// followed by the phone, and every failure response mapped to a typed error the agent can read.
import { Inviter, UserAgent, type Invitation } from 'sip.js';
import { useKamailio } from '../support/kamailio-fixture';
import {
  callTraffic,
  createNodeAgent,
  createTestPhone,
  type NodeAgent,
  type TestPhone,
} from '../support/node-sip';

const users = ['alice', 'bob', 'carol', 'dave'];
const server = useKamailio({
  auth: { kind: 'digest', users: Object.fromEntries(users.map((u) => [u, `${u}-pw`])) },
});

describe('SipPhone outgoing calls', () => {
  let phones: TestPhone[] = [];
  let agents: NodeAgent[] = [];
  async function phone(user: string, config?: Parameters<typeof createTestPhone>[1]['config']) {
    const p = createTestPhone(server(), { user, config });
    phones.push(p);
    await p.phone.start();
    return p;
  }
  /** A plain SIP.js agent (not our port) for far ends our phone cannot play: early media, odd answers. */
  async function agent(user: string, onInvite: (invitation: Invitation) => void) {
    const a = createNodeAgent(server(), { user, password: `${user}-pw` });
    agents.push(a);
    a.ua.delegate = { onInvite };
    await a.register();
    return a;
  }
  /** Answers every incoming call of `p`. */
  const autoAnswer = (p: TestPhone) =>
    p.phone.on('sip.invite.received', (e) => void p.phone.answer(e.callId));
  afterEach(async () => {
    // Our phones first, so that the plain agents still answer their BYEs.
    await Promise.all(phones.map((p) => p.phone.stop()));
    await Promise.all(agents.map((a) => a.stop()));
    phones = [];
    agents = [];
  });

  test('alice calls bob: dialing, ringing, answered, with the SIP Call-ID as the call id on both sides', async () => {
    const [alice, bob] = await Promise.all([phone('alice'), phone('bob')]);
    autoAnswer(bob);
    const { callId } = await alice.phone.dial('sip:bob@softphone.test');

    expect(alice.eventTypes(callId)).toEqual(['sip.call.dialing', 'sip.call.progress', 'sip.call.answered']);
    expect(alice.eventsOf('sip.call.progress')[0]).toMatchObject({ statusCode: 180, earlyMedia: false });
    await bob.waitFor('sip.call.answered');
    expect(bob.eventTypes(callId)).toEqual(['sip.invite.received', 'sip.call.answered']);
    expect(alice.wire.summary(callTraffic)).toEqual([
      'sent INVITE',
      'received 407 INVITE',
      'sent ACK',
      'sent INVITE',
      'received 100 INVITE',
      'received 180 INVITE',
      'received 200 INVITE',
      'sent ACK',
    ]);
    expect(alice.wire.find('sent INVITE')[1]).toContain(`Call-ID: ${callId}`);
    await alice.phone.hangUp(callId);
    await bob.waitFor('sip.call.ended');
    expect(alice.eventsOf('sip.call.ended')).toEqual([
      { type: 'sip.call.ended', callId, by: 'local', reason: 'hangup' },
    ]);
    expect(bob.eventsOf('sip.call.ended')).toEqual([
      { type: 'sip.call.ended', callId, by: 'remote', reason: 'hangup' },
    ]);
    expect(alice.phone.callIds()).toEqual([]);
  });

  test('call set-up takes milliseconds in Node (median of 10 calls reported)', async () => {
    const [alice, bob] = await Promise.all([phone('alice'), phone('bob')]);
    autoAnswer(bob);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const { callId } = await alice.phone.dial('sip:bob@softphone.test');
      times.push(performance.now() - started);
      await alice.phone.hangUp(callId);
    }
    times.sort((a, b) => a - b);
    process.stdout.write(
      `call set-up dial()→answered: median ${times[5]?.toFixed(1)} ms, max ${times[9]?.toFixed(1)} ms\n`,
    );
    expect(times[5]).toBeLessThan(500);
  });

  test('a caller-chosen Call-ID is used on the wire; a malformed one is refused before anything is sent', async () => {
    const [alice, bob] = await Promise.all([phone('alice'), phone('bob')]);
    autoAnswer(bob);
    await alice.phone.dial('sip:bob@softphone.test', { callId: 'statechart-chosen-0001' });
    expect(bob.eventsOf('sip.invite.received')[0]?.callId).toBe('statechart-chosen-0001');
    await expect(
      alice.phone.dial('sip:bob@softphone.test', { callId: 'bad id\r\nX: 1' }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(alice.phone.dial('sip:bob@softphone.test?X-Evil=1')).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });

  test('early media: a 183 with SDP is reported as progress with early media and its answer reaches the media handler', async () => {
    const alice = await phone('alice');
    const answered = new Promise<void>((resolve) => {
      void agent('dave', (invitation) => {
        void invitation
          .progress({ statusCode: 183 })
          .then(() => new Promise((r) => setTimeout(r, 50)))
          .then(() => invitation.accept())
          .then(() => resolve());
      });
    });
    await new Promise((r) => setTimeout(r, 50));
    const { callId } = await alice.phone.dial('sip:dave@softphone.test');
    await answered;

    const progress = alice.eventsOf('sip.call.progress').filter((e) => e.callId === callId);
    expect(progress.map((e) => [e.statusCode, e.earlyMedia])).toContainEqual([183, true]);
    expect(alice.handlers[0]?.remoteSdp).toHaveLength(1);
    expect(alice.eventTypes(callId).slice(-1)).toEqual(['sip.call.answered']);
  });

  test('cancel: the caller hangs up while it rings; CANCEL, 487, a cancelled error, and a missed call for bob', async () => {
    const [alice, bob] = await Promise.all([phone('alice'), phone('bob')]);
    const dialing = alice.phone.dial('sip:bob@softphone.test', { callId: 'cancel-test-call-1' });
    await alice.waitFor('sip.call.progress');
    await alice.phone.cancel('cancel-test-call-1');

    await expect(dialing).rejects.toMatchObject({ code: 'cancelled' });
    const missed = await bob.waitFor('sip.invite.cancelled');
    expect(missed.callId).toBe('cancel-test-call-1');
    expect(alice.wire.summary(callTraffic)).toEqual(
      expect.arrayContaining(['sent CANCEL', 'received 200 CANCEL', 'received 487 INVITE', 'sent ACK']),
    );
    expect(alice.eventsOf('sip.call.failed')).toEqual([
      {
        type: 'sip.call.failed',
        callId: 'cancel-test-call-1',
        error: expect.objectContaining({ code: 'cancelled' }),
      },
    ]);
    expect(bob.eventsOf('sip.invite.answeredElsewhere')).toEqual([]);
    expect(alice.phone.callIds()).toEqual([]);
    expect(bob.phone.callIds()).toEqual([]);
  });

  test.each([
    ['busy', 486, 'busy', (p: TestPhone, id: string) => p.phone.reject(id, 'busy')],
    ['declined', 603, 'declined', (p: TestPhone, id: string) => p.phone.reject(id, 'decline')],
  ] as const)(
    'a callee that answers %s makes the call fail with the %s code',
    async (_label, status, code, refuse) => {
      const [alice, bob] = await Promise.all([phone('alice'), phone('bob')]);
      bob.phone.on('sip.invite.received', (e) => void refuse(bob, e.callId));
      const failure = await alice.phone.dial('sip:bob@softphone.test').catch((e: unknown) => e);

      expect(failure).toMatchObject({ code, statusCode: status });
      expect(alice.wire.summary(callTraffic)).toContain(`received ${status} INVITE`);
      expect(bob.eventsOf('sip.invite.rejected')[0]).toMatchObject({ statusCode: status });
    },
  );

  test('calling a user who is not registered fails with not-found and an agent-readable message', async () => {
    const alice = await phone('alice');
    const failure = await alice.phone.dial('sip:nobody@softphone.test').catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'not-found', statusCode: 404, name: 'NotFoundError' });
    expect((failure as Error).message).toBe(
      'This number or address does not exist. Check it and dial again.',
    );
  });

  test('nobody answering before the callee gives up (480) fails with no-answer; bob sees a timed-out invite', async () => {
    const [alice, bob] = await Promise.all([phone('alice'), phone('bob', { noAnswerTimeoutSec: 1 })]);
    const failure = await alice.phone.dial('sip:bob@softphone.test').catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'no-answer', statusCode: 480 });
    expect(bob.eventTypes()).toContain('sip.invite.timedOut');
  });

  test.each([
    [403, 'forbidden'],
    [488, 'incompatible-media'],
    // A proxy never forwards a 503 (RFC 3261 §16.7): Kamailio turns it into a 500.
    [503, 'server-error'],
    [420, 'rejected'],
  ] as const)('a far end answering %i fails the call with %s', async (status, code) => {
    const alice = await phone('alice');
    await agent('dave', (invitation) => void invitation.reject({ statusCode: status }));
    const failure = await alice.phone.dial('sip:dave@softphone.test').catch((e: unknown) => e);
    expect(failure).toMatchObject({ code, statusCode: status === 503 ? 500 : status });
    const failed = alice.eventsOf('sip.call.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error).toBe(failure);
  });

  test('dialling while the connection is down fails at once: network while reconnecting, not-started after stop()', async () => {
    const alice = await phone('alice');
    const restarting = server().restart();
    await alice.waitFor('sip.transport.disconnected');
    const failure = await alice.phone.dial('sip:bob@softphone.test').catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'network', name: 'NetworkError' });
    expect((failure as Error).message).toMatch(/reconnecting/);
    await restarting;
    await alice.phone.reconnect();
    await alice.waitForNth('sip.registration.registered', 2);
    await alice.phone.stop();
    await expect(alice.phone.dial('sip:bob@softphone.test')).rejects.toMatchObject({ code: 'not-started' });
  });

  test('a 302 is followed: alice reaches carol with the same Call-ID, and the redirect is reported', async () => {
    const [alice, bob, carol] = await Promise.all([phone('alice'), phone('bob'), phone('carol')]);
    bob.phone.on('sip.invite.received', (e) => void bob.phone.redirect(e.callId, 'sip:carol@softphone.test'));
    autoAnswer(carol);
    const { callId } = await alice.phone.dial('sip:bob@softphone.test');

    const types = alice.eventTypes(callId);
    expect(types.filter((t) => t !== 'sip.call.progress')).toEqual([
      'sip.call.dialing',
      'sip.call.redirected',
      'sip.call.answered',
    ]);
    expect(types.slice(types.indexOf('sip.call.redirected'))).toContain('sip.call.progress');
    expect(alice.eventsOf('sip.call.redirected')[0]).toMatchObject({
      target: 'sip:carol@softphone.test',
      hop: 1,
    });
    expect(carol.eventsOf('sip.invite.received')[0]?.callId).toBe(callId);
    expect(bob.wire.find('sent 302 INVITE')[0]).toMatch(/^Contact: <sip:carol@softphone\.test>/m);
    const invites = alice.wire.find('sent INVITE');
    expect(invites.map((m) => /^INVITE (\S+)/.exec(m)?.[1])).toEqual([
      'sip:bob@softphone.test',
      'sip:bob@softphone.test',
      'sip:carol@softphone.test',
      'sip:carol@softphone.test',
    ]);
    expect(invites.every((m) => m.includes(`Call-ID: ${callId}`))).toBe(true);
    await alice.phone.hangUp(callId);
    await carol.waitFor('sip.call.ended');
  });

  test('redirects that loop stop with too-many-redirects instead of ringing forever', async () => {
    const [alice, bob, carol] = await Promise.all([phone('alice'), phone('bob'), phone('carol')]);
    bob.phone.on('sip.invite.received', (e) => void bob.phone.redirect(e.callId, 'sip:carol@softphone.test'));
    carol.phone.on(
      'sip.invite.received',
      (e) => void carol.phone.redirect(e.callId, 'sip:bob@softphone.test'),
    );
    const failure = await alice.phone.dial('sip:bob@softphone.test').catch((e: unknown) => e);

    expect(failure).toMatchObject({ code: 'too-many-redirects', statusCode: 302 });
    expect(alice.eventsOf('sip.call.redirected').map((e) => e.target)).toEqual(['sip:carol@softphone.test']);
  });

  test('no more hops than maxRedirects are followed', async () => {
    const [alice, bob, carol, dave] = await Promise.all([
      phone('alice', { maxRedirects: 1 }),
      phone('bob'),
      phone('carol'),
      phone('dave'),
    ]);
    bob.phone.on('sip.invite.received', (e) => void bob.phone.redirect(e.callId, 'sip:carol@softphone.test'));
    carol.phone.on(
      'sip.invite.received',
      (e) => void carol.phone.redirect(e.callId, 'sip:dave@softphone.test'),
    );
    autoAnswer(dave);
    await expect(alice.phone.dial('sip:bob@softphone.test')).rejects.toMatchObject({
      code: 'too-many-redirects',
    });
    expect(dave.eventsOf('sip.invite.received')).toEqual([]);
  });

  test('a plain SIP.js caller (not our port) reaches our phone: the port is interoperable on the wire', async () => {
    const bob = await phone('bob');
    autoAnswer(bob);
    const carl = createNodeAgent(server(), { user: 'carol', password: 'carol-pw' });
    agents.push(carl);
    await carl.register();
    const target = UserAgent.makeURI('sip:bob@softphone.test');
    if (!target) throw new Error('bad uri');
    await new Inviter(carl.ua, target).invite();
    await bob.waitFor('sip.call.answered');
    expect(bob.eventsOf('sip.invite.received')[0]?.caller).toEqual({
      uri: 'sip:carol@softphone.test',
      user: 'carol',
      displayName: '',
      source: 'from',
    });
  });
});
