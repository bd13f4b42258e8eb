// Calls survive the SIP server going away: Kamailio is restarted mid-call; both phones reconnect and register
// again, and the call is refreshed with one ICE-restart re-INVITE, after which it can be held and ended.
// SipPhone never reconnects by itself (the phone machine decides when): these hosts call reconnect() once
// the loss is reported.
import { useKamailio } from '../support/kamailio-fixture';
import { callTraffic, createTestPhone, reconnectAfterLoss, type TestPhone } from '../support/node-sip';
import { tcpRelay } from '../support/tcp-relay';

const server = useKamailio({ auth: { kind: 'digest', users: { alice: 'alice-pw', bob: 'bob-pw' } } });

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition();) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sdpDirection = (message: string | undefined) =>
  /^a=(sendonly|sendrecv|recvonly|inactive)/m.exec(message ?? '')?.[1];

/** The re-INVITEs a phone sent since its wire record held `from` messages. */
const reinvitesSent = (phone: TestPhone, from: number) =>
  phone.wire.wire.slice(from).filter((m) => m.direction === 'sent' && m.summary === 'INVITE').length;
const offeredIceRestart = (phone: TestPhone) =>
  phone.handlers[0]?.descriptionOptions.some((o) => (o.offerOptions as { iceRestart?: boolean })?.iceRestart);

describe('SipPhone across a SIP server restart', () => {
  let phones: TestPhone[] = [];
  async function connected(bobServer: { wsUrl: string } = server()) {
    const [alice, bob] = [
      createTestPhone(server(), { user: 'alice' }),
      createTestPhone({ ...server(), wsUrl: bobServer.wsUrl }, { user: 'bob' }),
    ];
    phones.push(alice, bob);
    await Promise.all([alice.phone.start(), bob.phone.start()]);
    bob.phone.on('sip.invite.received', (e) => void bob.phone.answer(e.callId));
    const { callId } = await alice.phone.dial('sip:bob@softphone.test');
    await new Promise((r) => setTimeout(r, 150));
    return { alice, bob, callId };
  }
  afterEach(async () => {
    await Promise.all(phones.map((p) => p.phone.stop()));
    phones = [];
  });

  test('Kamailio restarted mid-call: both reconnect and re-register; the caller alone refreshes the call (one ICE-restart re-INVITE, no glare); it can still be held and ended', async () => {
    const { alice, bob, callId } = await connected();
    const [aliceMark, bobMark] = [alice.wire.wire.length, bob.wire.wire.length];
    await server().restart();
    await Promise.all([reconnectAfterLoss(alice), reconnectAfterLoss(bob)]);
    await Promise.all([alice.waitFor('sip.call.refreshed'), bob.waitFor('sip.call.refreshed')]);

    for (const side of [alice, bob]) {
      expect(
        side.eventTypes().filter((t) => t.startsWith('sip.transport') || t.startsWith('sip.registration')),
      ).toEqual([
        'sip.transport.connected',
        'sip.registration.registered',
        'sip.transport.disconnected',
        'sip.transport.connected',
        'sip.registration.registered',
      ]);
    }
    // Both re-INVITing at once would be a glare whose rollbacks silence the answering end in Chromium. (Alice
    // may send her refresh more than once: until Bob has registered again, the server answers it 480.)
    expect(offeredIceRestart(alice)).toBe(true);
    expect(reinvitesSent(alice, aliceMark)).toBeGreaterThanOrEqual(1);
    for (const side of [alice, bob]) {
      expect(side.wire.summary().slice(side === alice ? aliceMark : bobMark)).not.toContain(
        'received 491 INVITE',
      );
    }
    expect(offeredIceRestart(bob)).toBe(false);
    expect(reinvitesSent(bob, bobMark)).toBe(0);
    expect(bob.eventsOf('sip.reinvite.received')).toHaveLength(1);
    expect((await server().registrations()).size).toBe(2);

    await alice.phone.hold(callId);
    await bob.waitFor('sip.reinvite.received', (e) => e.remoteHold);
    await alice.phone.hangUp(callId);
    await bob.waitFor('sip.call.ended');
    expect(bob.eventsOf('sip.call.ended')).toEqual([
      { type: 'sip.call.ended', callId, by: 'remote', reason: 'hangup' },
    ]);
    expect(alice.wire.summary(callTraffic).slice(-2)).toEqual(['sent BYE', 'received 200 BYE']);
  });

  test('only the answering end lost its connection: after waiting for a refresh that does not come, it refreshes the call itself', async () => {
    const bobsNetwork = await tcpRelay(server().wsUrl);
    try {
      const { alice, bob, callId } = await connected(bobsNetwork);
      const [aliceMark, bobMark] = [alice.wire.wire.length, bob.wire.wire.length];
      bobsNetwork.cut();
      await reconnectAfterLoss(bob);
      await bob.waitFor('sip.call.refreshed');
      expect(offeredIceRestart(bob)).toBe(true);
      expect(reinvitesSent(bob, bobMark)).toBe(1);
      expect(alice.eventTypes()).not.toContain('sip.transport.disconnected');
      expect(reinvitesSent(alice, aliceMark)).toBe(0);
      expect(alice.eventsOf('sip.reinvite.received')).toHaveLength(1);
      await bob.phone.hangUp(callId);
      await alice.waitFor('sip.call.ended');
    } finally {
      await bobsNetwork.close();
    }
  });

  test('a call on hold before the restart is refreshed still on hold (the refresh offers sendonly)', async () => {
    const { alice, bob, callId } = await connected();
    await alice.phone.hold(callId);
    // Restart only once bob has the hold's ACK: an ACK lost in the crash would leave bob refusing every
    // re-INVITE (500) for SIP's 32 s until his 2xx times out, a real but separate case.
    await until(() => bob.wire.summary().filter((l) => l === 'received ACK').length >= 2);
    await server().restart();
    await Promise.all([reconnectAfterLoss(alice), reconnectAfterLoss(bob)]);
    await Promise.all([alice.waitFor('sip.call.refreshed'), bob.waitFor('sip.call.refreshed')]);

    const refresh = alice.wire.find('sent INVITE').pop();
    expect(sdpDirection(refresh)).toBe('sendonly');
    expect(bob.eventsOf('sip.reinvite.received').map((e) => e.remoteHold)).toContain(true);
    await alice.phone.resume(callId);
    expect(sdpDirection(alice.wire.find('sent INVITE').pop())).toBe('sendrecv');
    await bob.phone.hangUp(callId);
    await alice.waitFor('sip.call.ended');
  });
});
