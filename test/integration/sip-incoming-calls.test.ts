// Incoming calls of a SipPhone through the project's Kamailio: who is calling (safely), answering after a
// microphone check, refusing (busy, decline, 302, text reply), a missed call versus one answered elsewhere,
// and several calls at once.
import { Inviter, UserAgent, type InviterOptions } from 'sip.js';
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

describe('SipPhone incoming calls', () => {
  let phones: TestPhone[] = [];
  let agents: NodeAgent[] = [];
  async function phone(user: string, config?: Parameters<typeof createTestPhone>[1]['config']) {
    const p = createTestPhone(server(), { user, config });
    phones.push(p);
    await p.phone.start();
    return p;
  }
  /** A plain SIP.js caller: it can put anything in From and P-Asserted-Identity. */
  async function caller(user: string) {
    const a = createNodeAgent(server(), { user, password: `${user}-pw` });
    agents.push(a);
    await a.register();
    return a;
  }
  function call(from: NodeAgent, to: string, options: InviterOptions = {}): Inviter {
    const target = UserAgent.makeURI(to);
    if (!target) throw new Error(`bad uri ${to}`);
    const inviter = new Inviter(from.ua, target, options);
    void inviter.invite();
    return inviter;
  }
  afterEach(async () => {
    // Our phones first, so that the plain agents still answer their BYEs.
    await Promise.all(phones.map((p) => p.phone.stop()));
    await Promise.all(agents.map((a) => a.stop()));
    phones = [];
    agents = [];
  });

  test('a ringing call names its caller from From, with the display name the caller set', async () => {
    const [alice, bob] = await Promise.all([
      phone('alice', { displayName: 'Alice "the" Agent\\' }),
      phone('bob'),
    ]);
    void alice.phone.dial('sip:bob@softphone.test').catch(() => undefined);
    const ringing = await bob.waitFor('sip.invite.received');
    expect(ringing.caller).toEqual({
      uri: 'sip:alice@softphone.test',
      user: 'alice',
      displayName: 'Alice the Agent',
      source: 'from',
    });
    expect(ringing.context).toBeUndefined();
    expect(ringing.replacesCallId).toBeUndefined();
  });

  test('P-Asserted-Identity from the network wins over From', async () => {
    const [bob, dave] = await Promise.all([phone('bob'), caller('dave')]);
    call(dave, 'sip:bob@softphone.test', {
      params: { fromDisplayName: 'Spoofed Bank' },
      extraHeaders: ['P-Asserted-Identity: "Customer Care" <sip:+14155550100@carrier.example>'],
    });
    const ringing = await bob.waitFor('sip.invite.received');
    expect(ringing.caller).toEqual({
      uri: 'sip:+14155550100@carrier.example',
      user: '+14155550100',
      displayName: 'Customer Care',
      source: 'p-asserted-identity',
    });
  });

  test.each([
    ['a right-to-left override that would reverse the text', 'Bank\u202Eknab', 'Bankknab'],
    ['zero-width and invisible characters', 'Al\u200Bi\u2060ce', 'Alice'],
    ['markup', '<img src=x onerror=alert(1)>Mallory', 'Mallory'],
    ['a name of 300 characters', 'A'.repeat(300), `${'A'.repeat(63)}…`],
    ['a pile of combining marks', 'Z\u0301\u0302\u0303\u0304\u0305\u0306ed', '\u0179\u0302\u0303\u0304ed'],
  ])(
    'a hostile display name with %s is shown sanitised and length-limited',
    async (_label, hostile, shown) => {
      const [bob, dave] = await Promise.all([phone('bob'), caller('dave')]);
      call(dave, 'sip:bob@softphone.test', {
        extraHeaders: [`P-Asserted-Identity: "${hostile}" <sip:dave@softphone.test>`],
      });
      const ringing = await bob.waitFor('sip.invite.received');
      expect(ringing.caller.displayName).toBe(shown);
      expect([...ringing.caller.displayName].length).toBeLessThanOrEqual(64);
    },
  );

  test('an identity header that cannot be parsed (control characters) is ignored in favour of From', async () => {
    const [bob, dave] = await Promise.all([phone('bob'), caller('dave')]);
    call(dave, 'sip:bob@softphone.test', {
      params: { fromDisplayName: 'Dave' },
      extraHeaders: ['P-Asserted-Identity: "Eve\u0007\u001b[31mRed" <sip:eve@softphone.test>'],
    });
    const ringing = await bob.waitFor('sip.invite.received');
    expect(ringing.caller).toMatchObject({ user: 'dave', displayName: 'Dave', source: 'from' });
  });

  test('answering checks the microphone first: a refusal is a clear error, nothing is sent, and the call keeps ringing', async () => {
    let allowed = false;
    const microphoneCheck = jest.fn(() =>
      allowed
        ? Promise.resolve()
        : Promise.reject(Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' })),
    );
    const [alice, bob] = await Promise.all([phone('alice'), phone('bob', { microphoneCheck })]);
    const dialing = alice.phone.dial('sip:bob@softphone.test');
    const { callId } = await bob.waitFor('sip.invite.received');

    const refusal = await bob.phone.answer(callId).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'microphone-unavailable', name: 'MicrophoneUnavailableError' });
    expect((refusal as Error).message).toMatch(/Allow microphone access/);
    expect(bob.eventsOf('sip.answer.failed')).toEqual([
      { type: 'sip.answer.failed', callId, error: refusal },
    ]);
    expect(bob.wire.summary(callTraffic)).toEqual(['received INVITE', 'sent 100 INVITE', 'sent 180 INVITE']);

    allowed = true;
    await bob.phone.answer(callId);
    await dialing;
    expect(microphoneCheck).toHaveBeenCalledTimes(2);
    expect(bob.eventTypes(callId)).toEqual(['sip.invite.received', 'sip.answer.failed', 'sip.call.answered']);
  });

  test('redirect sends a 302 with the Contact; an invalid target is refused and the call keeps ringing', async () => {
    const [bob, dave] = await Promise.all([phone('bob'), caller('dave')]);
    const inviter = call(dave, 'sip:bob@softphone.test');
    const { callId } = await bob.waitFor('sip.invite.received');
    await expect(bob.phone.redirect(callId, 'sip:carol@softphone.test>\r\nX-Evil: 1')).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await bob.phone.redirect(callId, 'sip:carol@softphone.test');

    const redirect = bob.wire.find('sent 302 INVITE')[0] ?? '';
    expect(redirect).toMatch(/^Contact: <sip:carol@softphone\.test>\r?$/m);
    expect(redirect).not.toMatch(/X-Evil/);
    await new Promise<void>((resolve) =>
      inviter.stateChange.addListener((s) => s === 'Terminated' && resolve()),
    );
    expect(bob.eventsOf('sip.invite.rejected')).toEqual([
      { type: 'sip.invite.rejected', callId, statusCode: 302 },
    ]);
  });

  test('reject with a text reply: the caller receives the MESSAGE body first, then the busy answer', async () => {
    const [alice, bob] = await Promise.all([phone('alice'), phone('bob')]);
    const dialing = alice.phone.dial('sip:bob@softphone.test').catch((e: unknown) => e);
    const { callId } = await bob.waitFor('sip.invite.received');
    const result = await bob.phone.rejectWithMessage(callId, 'In a meeting — I will call you back at 3 pm.');

    expect(result).toEqual({ delivered: true });
    expect(await dialing).toMatchObject({ code: 'busy', statusCode: 486 });
    const text = await alice.waitFor('sip.message.received');
    expect(text).toEqual({
      type: 'sip.message.received',
      from: { uri: 'sip:bob@softphone.test', user: 'bob', displayName: '', source: 'from' },
      body: 'In a meeting — I will call you back at 3 pm.',
    });
    const bobsCallTraffic = bob.wire.summary(callTraffic);
    expect(bobsCallTraffic.indexOf('received 200 MESSAGE')).toBeLessThan(
      bobsCallTraffic.indexOf('sent 486 INVITE'),
    );
    expect(bob.wire.find('sent MESSAGE').pop()).toMatch(/^Content-Type: text\/plain;charset=utf-8/m);
  });

  test('reject with a text reply to a caller that refuses messages still rejects the call and says so', async () => {
    const [bob, dave] = await Promise.all([phone('bob'), caller('dave')]);
    dave.ua.delegate = { onMessage: (message) => void message.reject({ statusCode: 415 }) };
    const inviter = call(dave, 'sip:bob@softphone.test');
    const { callId } = await bob.waitFor('sip.invite.received');
    expect(await bob.phone.rejectWithMessage(callId, 'Busy', 'decline')).toEqual({ delivered: false });
    await new Promise<void>((resolve) =>
      inviter.stateChange.addListener((s) => s === 'Terminated' && resolve()),
    );
    expect(bob.wire.summary(callTraffic)).toContain('sent 603 INVITE');
  });

  test('a caller hanging up before the answer is a missed call (sip.invite.cancelled)', async () => {
    const [bob, dave] = await Promise.all([phone('bob'), caller('dave')]);
    const inviter = call(dave, 'sip:bob@softphone.test');
    const { callId } = await bob.waitFor('sip.invite.received');
    await inviter.cancel();
    await bob.waitFor('sip.invite.cancelled');
    expect(bob.eventTypes(callId)).toEqual(['sip.invite.received', 'sip.invite.cancelled']);
    await expect(bob.phone.answer(callId)).rejects.toMatchObject({ code: 'call-not-found' });
  });

  test('a CANCEL saying "Call completed elsewhere" is answered elsewhere, not a missed call', async () => {
    const [bob, dave] = await Promise.all([phone('bob'), caller('dave')]);
    const inviter = call(dave, 'sip:bob@softphone.test');
    const { callId } = await bob.waitFor('sip.invite.received');
    await inviter.cancel({ extraHeaders: ['Reason: SIP;cause=200;text="Call completed elsewhere"'] });
    await bob.waitFor('sip.invite.answeredElsewhere');

    expect(bob.wire.find('received CANCEL')[0]).toMatch(
      /^Reason: SIP;cause=200;text="Call completed elsewhere"/m,
    );
    expect(bob.eventTypes(callId)).toEqual(['sip.invite.received', 'sip.invite.answeredElsewhere']);
  });

  test('call waiting: a second call rings during the first; hold the first, answer the second, then go back', async () => {
    const [alice, bob, carol] = await Promise.all([phone('alice'), phone('bob'), phone('carol')]);
    bob.phone.on('sip.invite.received', (e) => {
      if (e.caller.user === 'alice') void bob.phone.answer(e.callId);
    });
    const first = await alice.phone.dial('sip:bob@softphone.test');
    const second = carol.phone.dial('sip:bob@softphone.test');
    const waiting = await bob.waitFor('sip.invite.received', (e) => e.caller.user === 'carol');
    expect(bob.phone.callIds().sort()).toEqual([first.callId, waiting.callId].sort());

    await bob.phone.hold(first.callId);
    await bob.phone.answer(waiting.callId);
    await second;
    await bob.phone.hangUp(waiting.callId);
    await bob.phone.resume(first.callId);

    expect(bob.phone.callIds()).toEqual([first.callId]);
    expect(bob.eventTypes(first.callId)).toEqual([
      'sip.invite.received',
      'sip.call.answered',
      'sip.call.held',
      'sip.call.resumed',
    ]);
    expect(alice.eventsOf('sip.reinvite.received').map((e) => e.remoteHold)).toEqual([true, false]);
    await carol.waitFor('sip.call.ended');
  });
});
