// Transfers by a SipPhone agent through the project's Kamailio. The customer is a plain SIP.js agent (like a
// carrier or PBX leg), which follows REFERs and reports progress by NOTIFY sipfrag. Unsupervised: the final
// NOTIFY decides. Supervised: REFER with Replaces once the consult call is up. Both carry the customer's
// context (X-Softphone-Context) so the receiving agent can pop the customer's record.
import { Inviter, SessionState, UserAgent, type Referral, type Session } from 'sip.js';
import type { CallContext } from '../../src/sip';
import { useKamailio } from '../support/kamailio-fixture';
import {
  callTraffic,
  createNodeAgent,
  createTestPhone,
  type NodeAgent,
  type TestPhone,
} from '../support/node-sip';

const users = ['alice', 'bob', 'cust'];
const server = useKamailio({
  auth: { kind: 'digest', users: Object.fromEntries(users.map((u) => [u, `${u}-pw`])) },
});
const context: CallContext = { number: '+14155550100', recordId: '001D000000IqhSLIAZ' };

type ReferBehaviour = 'follow' | 'accept-and-stay-silent';

/** How the customer's phone handles a REFER: follow it (copying Refer-To URI headers, RFC 3515 §2.1) or not. */
function onRefer(session: Session, behaviour: ReferBehaviour) {
  session.delegate = {
    onRefer: (referral: Referral) => {
      void referral.accept();
      if (behaviour !== 'follow') return;
      const carried = referral.referTo.uri.getHeader('X-Softphone-Context');
      const extraHeaders = carried?.[0] ? [`X-Softphone-Context: ${decodeURIComponent(carried[0])}`] : [];
      void referral.makeInviter({ extraHeaders }).invite();
    },
  };
}

const ended = (session: Session) =>
  new Promise<void>((resolve) => {
    if (session.state === SessionState.Terminated) return resolve();
    session.stateChange.addListener((s) => s === SessionState.Terminated && resolve());
  });

describe('SipPhone transfers', () => {
  let phones: TestPhone[] = [];
  let agents: NodeAgent[] = [];
  async function phone(user: string, config?: Parameters<typeof createTestPhone>[1]['config']) {
    const p = createTestPhone(server(), { user, config });
    phones.push(p);
    await p.phone.start();
    return p;
  }
  /** The customer calls alice, who answers: returns the customer's session and alice's Call-ID. */
  async function customerCallsAlice(alice: TestPhone, behaviour: ReferBehaviour = 'follow') {
    const cust = createNodeAgent(server(), { user: 'cust', password: 'cust-pw' });
    agents.push(cust);
    await cust.register();
    alice.phone.on('sip.invite.received', (e) => {
      if (e.caller.user === 'cust') void alice.phone.answer(e.callId);
    });
    const target = UserAgent.makeURI('sip:alice@softphone.test');
    if (!target) throw new Error('bad uri');
    const inviter = new Inviter(cust.ua, target);
    onRefer(inviter, behaviour);
    await inviter.invite();
    const { callId } = await alice.waitFor('sip.call.answered');
    await new Promise((r) => setTimeout(r, 20)); // let the ACK arrive
    return { cust, session: inviter as Session, callId };
  }
  afterEach(async () => {
    // Our phones first, so that the plain agents still answer their BYEs.
    await Promise.all(phones.map((p) => p.phone.stop()));
    await Promise.all(agents.map((a) => a.stop()));
    phones = [];
    agents = [];
  });

  test('unsupervised: REFER, NOTIFY 2xx, then alice hangs up; bob gets the customer with the context', async () => {
    const [alice, bob] = await Promise.all([phone('alice'), phone('bob')]);
    bob.phone.on('sip.invite.received', (e) => void bob.phone.answer(e.callId));
    const { session, callId } = await customerCallsAlice(alice);
    await alice.phone.hold(callId);
    await alice.phone.transfer(callId, 'sip:bob@softphone.test', { context });

    const refer = alice.wire.find('sent REFER')[0] ?? '';
    expect(refer).toMatch(
      /^Refer-To: <sip:bob@softphone\.test\?X-Softphone-Context=number%3D%2B14155550100%3Brecord%3D001D000000IqhSLIAZ>\r?$/m,
    );
    expect(refer).toMatch(/^X-Softphone-Context: number=\+14155550100;record=001D000000IqhSLIAZ\r?$/m);
    expect(
      alice.eventTypes(callId).filter((t) => t.startsWith('sip.transfer') || t === 'sip.call.ended'),
    ).toEqual([
      'sip.transfer.accepted',
      'sip.transfer.progress',
      'sip.transfer.progress',
      'sip.transfer.succeeded',
      'sip.call.ended',
    ]);
    expect(alice.eventsOf('sip.call.ended')).toEqual([
      { type: 'sip.call.ended', callId, by: 'local', reason: 'transferred' },
    ]);
    const aliceTraffic = alice.wire.summary(callTraffic);
    expect(aliceTraffic.indexOf('sent BYE')).toBeGreaterThan(aliceTraffic.lastIndexOf('received NOTIFY'));
    const received = await bob.waitFor('sip.invite.received');
    expect(received.caller.user).toBe('cust');
    expect(received.context).toEqual(context);
    await ended(session);
    expect(alice.phone.callIds()).toEqual([]);
  });

  test.each([
    ['a user who is not registered', 'sip:nobody@softphone.test', 404],
    ['a busy agent', 'sip:bob@softphone.test', 486],
  ])(
    'unsupervised to %s fails on the NOTIFY sipfrag; the customer stays with alice and can be resumed',
    async (_label, target, status) => {
      const [alice, bob] = await Promise.all([phone('alice'), phone('bob')]);
      bob.phone.on('sip.invite.received', (e) => void bob.phone.reject(e.callId, 'busy'));
      const { session, callId } = await customerCallsAlice(alice);
      await alice.phone.hold(callId);
      const failure = await alice.phone.transfer(callId, target).catch((e: unknown) => e);

      expect(failure).toMatchObject({ code: 'transfer-failed', statusCode: status });
      expect((failure as Error).message).toMatch(/The caller is still on the line with you\.$/);
      expect(alice.eventsOf('sip.transfer.failed')).toEqual([
        { type: 'sip.transfer.failed', callId, error: failure },
      ]);
      expect(alice.wire.summary(callTraffic)).not.toContain('sent BYE');
      await alice.phone.resume(callId);
      expect(session.state).toBe(SessionState.Established);
      await alice.phone.hangUp(callId);
      await ended(session);
    },
  );

  test('a far end that never sends the final NOTIFY times out; the call is kept', async () => {
    const alice = await phone('alice', { transferTimeoutMs: 300 });
    const { session, callId } = await customerCallsAlice(alice, 'accept-and-stay-silent');
    const failure = await alice.phone.transfer(callId, 'sip:bob@softphone.test').catch((e: unknown) => e);

    expect(failure).toMatchObject({ code: 'transfer-timeout', name: 'TransferTimeoutError' });
    expect(alice.eventTypes(callId).slice(-2)).toEqual(['sip.transfer.accepted', 'sip.transfer.failed']);
    expect(session.state).toBe(SessionState.Established);
    expect(alice.phone.callIds()).toEqual([callId]);
  });

  test('a far end REFER is declined and reported, never followed; a REFER we send to such a phone fails', async () => {
    const [alice, bob] = await Promise.all([phone('alice'), phone('bob')]);
    bob.phone.on('sip.invite.received', (e) => void bob.phone.answer(e.callId));
    const { callId } = await alice.phone.dial('sip:bob@softphone.test');
    await new Promise((r) => setTimeout(r, 150));
    const failure = await alice.phone.transfer(callId, 'sip:cust@softphone.test').catch((e: unknown) => e);

    expect(failure).toMatchObject({ code: 'transfer-failed', statusCode: 603 });
    expect(bob.eventsOf('sip.refer.received')).toEqual([
      { type: 'sip.refer.received', callId, target: 'sip:cust@softphone.test' },
    ]);
    expect(bob.wire.summary(callTraffic)).toContain('sent 603 REFER');
    expect(bob.wire.summary(callTraffic).filter((l) => l === 'sent INVITE')).toEqual([]);
    expect(bob.phone.callIds()).toEqual([callId]);
  });

  test('supervised: consult call with context, REFER with Replaces, bob takes the customer over from the consult call', async () => {
    const [alice, bob] = await Promise.all([phone('alice'), phone('bob')]);
    bob.phone.on('sip.invite.received', (e) => void bob.phone.answer(e.callId));
    const { session, callId } = await customerCallsAlice(alice);
    await alice.phone.hold(callId);
    const consult = await alice.phone.dial('sip:bob@softphone.test', { context });
    const consultAtBob = await bob.waitFor('sip.invite.received');
    expect(consultAtBob.context).toEqual(context);
    await new Promise((r) => setTimeout(r, 150));

    await alice.phone.attendedTransfer(callId, consult.callId, { context });

    const refer = alice.wire.find('sent REFER')[0] ?? '';
    expect(refer).toMatch(/^Refer-To: .*\?Replaces=/m);
    const replacing = await bob.waitFor('sip.invite.received', (e) => e.caller.user === 'cust');
    expect(replacing.replacesCallId).toBe(consult.callId);
    expect(bob.wire.find('received INVITE').pop()).toMatch(/^Replaces: /m);
    await bob.waitFor('sip.call.ended', (e) => e.callId === consult.callId);
    expect(bob.eventsOf('sip.call.ended')).toEqual([
      { type: 'sip.call.ended', callId: consult.callId, by: 'local', reason: 'replaced' },
    ]);
    expect(alice.eventsOf('sip.transfer.succeeded')).toEqual([{ type: 'sip.transfer.succeeded', callId }]);
    await alice.waitFor('sip.call.ended', (e) => e.callId === consult.callId);
    expect(alice.eventsOf('sip.call.ended')).toEqual(
      expect.arrayContaining([
        { type: 'sip.call.ended', callId, by: 'local', reason: 'transferred' },
        { type: 'sip.call.ended', callId: consult.callId, by: 'remote', reason: 'hangup' },
      ]),
    );
    await ended(session);
    expect(bob.phone.callIds()).toEqual([replacing.callId]);
    expect(alice.phone.callIds()).toEqual([]);
  });

  test('a supervised transfer needs a connected consult call', async () => {
    const [alice, bob] = await Promise.all([phone('alice'), phone('bob')]);
    const { callId } = await customerCallsAlice(alice);
    const ringing = alice.phone.dial('sip:bob@softphone.test').catch(() => undefined);
    const { callId: consultId } = await alice.waitFor('sip.call.dialing', (e) => e.target.includes('bob'));
    await bob.waitFor('sip.invite.received');
    await expect(alice.phone.attendedTransfer(callId, consultId)).rejects.toMatchObject({
      code: 'invalid-state',
    });
    await alice.phone.cancel(consultId);
    await ringing;
  });

  test('an X-Softphone-Context from outside is used only when it is exactly right', async () => {
    const bob = await phone('bob');
    const cust = createNodeAgent(server(), { user: 'cust', password: 'cust-pw' });
    agents.push(cust);
    await cust.register();
    const target = UserAgent.makeURI('sip:bob@softphone.test');
    if (!target) throw new Error('bad uri');
    for (const header of [
      'number=+14155550100;record=001D000000IqhSLIAA',
      'number=+14155550100;record=001D000000IqhSLIAZ;url=https://evil.example',
      'number=<script>;record=001D000000IqhSLIAZ',
      'number=+14155550100;record=001D000000IqhSLIAZ',
    ]) {
      void new Inviter(cust.ua, target, { extraHeaders: [`X-Softphone-Context: ${header}`] }).invite();
    }
    await bob.waitForNth('sip.invite.received', 4);
    expect(bob.eventsOf('sip.invite.received').map((e) => e.context)).toEqual(
      expect.arrayContaining([undefined, undefined, undefined, context]),
    );
    expect(bob.eventsOf('sip.invite.received').filter((e) => e.context)).toHaveLength(1);
  });
});
