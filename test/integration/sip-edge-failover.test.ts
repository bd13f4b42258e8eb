// A node of the clustered SIP edge dies mid-shift (SIGKILL by PID): the agents it carried reconnect to
// the other node (the softphone's list of servers), register there, and still receive calls; the nodes
// share registrations (dmq_usrloc), so a call arriving at either node reaches an agent on the other.
import { edgePhone, useEdge } from '../support/edge-fixture';
import { reconnectAfterLoss, type TestPhone } from '../support/node-sip';

const edge = useEdge({ nodes: 2 });

/** The AORs a node knows, once `user` is among them (replication is asynchronous). */
async function knownTo(node: { registrations(): Promise<Map<string, string[]>> }, user: string) {
  for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
    const aors = [...(await node.registrations()).keys()];
    if (aors.includes(user)) return aors;
    await new Promise((r) => setTimeout(r, 100));
  }
  return [...(await node.registrations()).keys()];
}

describe('a clustered SIP edge', () => {
  let phones: TestPhone[] = [];
  async function agent(user: string, node: number) {
    // One refresh attempt: the call in progress through the dead node shows its fate within the test.
    const p = edgePhone(edge(), user, { node, config: { reinviteMaxAttempts: 1 } });
    phones.push(p);
    await p.phone.start();
    return p;
  }
  afterEach(async () => {
    await Promise.all(phones.map((p) => p.phone.stop()));
    phones = [];
  });

  test('shares registrations: an agent on one node is called from the other', async () => {
    const [alice, bob] = await Promise.all([agent('alice', 0), agent('bob', 1)]);
    const [first, second] = edge().nodes;
    expect(await knownTo(first!, 'bob')).toContain('bob');
    expect(await knownTo(second!, 'alice')).toContain('alice');
    const dialing = alice.phone.dial(`sip:bob@${edge().domain}`);
    const { callId } = await bob.waitFor('sip.invite.received');
    await bob.phone.answer(callId);
    await dialing;
  });

  test('a node killed mid-shift: its agents re-register on the other and still receive calls; its calls lose their signalling', async () => {
    const [first, second] = edge().nodes;
    if (!first || !second) throw new Error('two nodes expected');
    const [alice, bob, carol] = await Promise.all([agent('alice', 0), agent('bob', 1), agent('carol', 0)]);
    // A call in progress whose signalling runs through the first node (alice's connection).
    const dialing = alice.phone.dial(`sip:bob@${edge().domain}`);
    const ringing = await bob.waitFor('sip.invite.received');
    await bob.phone.answer(ringing.callId);
    const { callId: inProgress } = await dialing;

    const killed = first.pid;
    await first.kill();
    expect(() => process.kill(killed, 0)).toThrow();

    // alice and carol lose their WebSocket, fail once against the dead node, then register on the second.
    for (const p of [alice, carol]) {
      await reconnectAfterLoss(p);
      await p.waitFor(
        'sip.registration.registered',
        (e) => p.eventsOf('sip.registration.registered').indexOf(e) > 0,
        10_000,
      );
    }
    const contacts = await second.registrations();
    expect(contacts.get('alice')).toHaveLength(1);
    expect(contacts.get('carol')).toHaveLength(1);

    // New calls reach them through the surviving node.
    const toCarol = bob.phone.dial(`sip:carol@${edge().domain}`);
    const atCarol = await carol.waitFor('sip.invite.received', (e) => e.caller.user === 'bob');
    await carol.phone.answer(atCarol.callId);
    await toCarol;
    const toAlice = bob.phone.dial(`sip:alice@${edge().domain}`);
    const atAlice = await alice.waitFor('sip.invite.received', (e) => e.callId !== inProgress);
    await alice.phone.reject(atAlice.callId);
    await expect(toAlice).rejects.toMatchObject({ code: 'busy' });

    // The call in progress: its route set names the dead node (its WebSocket side first), so alice's
    // refresh after the reconnect cannot reach bob: the surviving node has no connection to forward it on
    // and answers 500 at once. The phone does not drop the call and its media (peer to peer or through
    // rtpengine) is untouched, but no hold, transfer or hang-up of it reaches bob any more.
    const failed = await alice.waitFor('sip.reinvite.failed', (e) => e.callId === inProgress, 15_000);
    expect(failed).toMatchObject({ operation: 'refresh', error: { statusCode: 500 } });
  }, 60_000);
});
