// The project's SipPhone (media-less handler) against an independent SIP implementation: baresip 1.0
// registered to the same Kamailio over UDP. Calls both ways, hold, DTMF, and unsupervised transfers
// of a baresip caller decided by baresip's NOTIFY sipfrag.
import { useBaresip } from '../support/baresip';
import { useKamailio } from '../support/kamailio-fixture';
import { callTraffic, createTestPhone, type TestPhone } from '../support/node-sip';

const server = useKamailio({
  auth: { kind: 'digest', users: { alice: 'alice-pw', bob: 'bob-pw', carol: 'carol-pw' } },
});
const bob = useBaresip(() => ({ sip: server(), user: 'bob', password: 'bob-pw', answerMode: 'manual' }));
const carol = useBaresip(() => ({ sip: server(), user: 'carol', password: 'carol-pw', answerMode: 'auto' }));

let alice: TestPhone;

beforeEach(async () => {
  // No RTP telephone-events from a media-less handler: DTMF goes as SIP INFO, which baresip reports.
  alice = createTestPhone(server(), { user: 'alice', media: { rfc4733: false } });
  await alice.phone.start();
});
afterEach(async () => {
  await alice.phone.stop();
  bob().clearEvents();
  carol().clearEvents();
});

const uri = (user: string) => `sip:${user}@${server().domain}`;

async function aliceCallsBob(): Promise<string> {
  const answered = alice.phone.dial(uri('bob'));
  // Bob answers once Alice has heard it ring, as a person does. Answering at once, baresip sends its 180 and
  // 200 back to back, and Kamailio's UDP workers may relay them out of order (the 180 after the 200 is then
  // rightly ignored): seen once in CI under load.
  await alice.waitFor('sip.call.progress');
  await bob().accept();
  const { callId } = await answered;
  await bob().waitFor('CALL_ESTABLISHED', { match: (e) => e.id === callId });
  return callId;
}

describe('SipPhone and baresip through Kamailio', () => {
  test('SipPhone calls baresip, which answers; SipPhone hangs up and baresip sees the call close', async () => {
    const callId = await aliceCallsBob();
    expect(alice.eventTypes(callId)).toEqual(['sip.call.dialing', 'sip.call.progress', 'sip.call.answered']);
    await alice.phone.hangUp(callId);
    expect(await bob().waitFor('CALL_CLOSED')).toMatchObject({ id: callId });
    await alice.waitFor('sip.call.ended', (e) => e.callId === callId && e.by === 'local');
  });

  test('baresip calls SipPhone, which answers; baresip hangs up and SipPhone reports a remote hang-up', async () => {
    await bob().dial(uri('alice'));
    const invite = await alice.waitFor('sip.invite.received');
    expect(invite.caller).toMatchObject({ user: 'bob' });
    await alice.phone.answer(invite.callId);
    await bob().waitFor('CALL_ESTABLISHED');
    await bob().hangup();
    const ended = await alice.waitFor('sip.call.ended', (e) => e.callId === invite.callId);
    expect(ended.by).toBe('remote');
  });

  test('hold and resume from SipPhone are accepted by baresip; baresip’s own hold reaches SipPhone as remote hold', async () => {
    const callId = await aliceCallsBob();
    await alice.phone.hold(callId);
    await alice.phone.resume(callId);
    expect(alice.eventTypes(callId)).toEqual(expect.arrayContaining(['sip.call.held', 'sip.call.resumed']));
    await bob().hold();
    const held = await alice.waitFor('sip.reinvite.received', (e) => e.callId === callId && e.remoteHold);
    expect(held.remoteHold).toBe(true);
    // A person resumes after a moment. Within milliseconds of the hold, SIP.js may still be finishing the
    // hold's offer/answer and refuses the next re-INVITE with 500 + Retry-After (RFC 3261 §14.2), which
    // baresip 1.0 never retries: that would test baresip's glare handling, not ours.
    await new Promise((settled) => setTimeout(settled, 500));
    await bob().resume();
    await alice.waitFor('sip.reinvite.received', (e) => e.callId === callId && !e.remoteHold);
    await alice.phone.hangUp(callId);
  });

  test('DTMF from SipPhone reaches baresip digit by digit, in order', async () => {
    const callId = await aliceCallsBob();
    await alice.phone.sendDtmf(callId, '42*');
    await bob().waitFor('CALL_DTMF_START', { match: (e) => e.param === '*' });
    expect(
      bob()
        .events.filter((e) => e.type === 'CALL_DTMF_START')
        .map((e) => e.param),
    ).toEqual(['4', '2', '*']);
    await alice.phone.hangUp(callId);
  });

  test('an unsupervised transfer of baresip to another baresip succeeds on the final NOTIFY and SipPhone hangs up', async () => {
    const callId = await aliceCallsBob();
    await alice.phone.transfer(callId, uri('carol'));
    expect(await carol().waitFor('CALL_ESTABLISHED')).toMatchObject({ peeruri: uri('bob') });
    await alice.waitFor('sip.call.ended', (e) => e.callId === callId && e.reason === 'transferred');
    expect(alice.eventTypes(callId)).toEqual(
      expect.arrayContaining(['sip.transfer.accepted', 'sip.transfer.succeeded', 'sip.call.ended']),
    );
    expect(alice.wire.summary(callTraffic)).toEqual(
      expect.arrayContaining(['sent REFER', 'received 202 REFER', 'received NOTIFY', 'sent BYE']),
    );
    await bob().hangup();
    await carol().waitFor('CALL_CLOSED');
  });

  test('a transfer to an unregistered user fails on the NOTIFY sipfrag and the caller stays with SipPhone', async () => {
    const callId = await aliceCallsBob();
    await expect(alice.phone.transfer(callId, uri('nobody'))).rejects.toMatchObject({
      code: 'transfer-failed',
    });
    expect(alice.phone.callIds()).toContain(callId);
    expect(alice.eventTypes(callId)).not.toContain('sip.call.ended');
    await alice.phone.hold(callId);
    await alice.phone.resume(callId);
    await alice.phone.hangUp(callId);
    // baresip's own attempt to reach the target closed first (404); the call with SipPhone now ends.
    await bob().waitFor('CALL_CLOSED', { match: (e) => e.id === callId });
  });
});
