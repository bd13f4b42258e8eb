// Smoke test of the real SIP stack: two SIP.js agents register through the project's Kamailio with
// digest authentication and complete a call.
import { Inviter, SessionState, UserAgent, type Invitation, type Session } from 'sip.js';
import { useKamailio } from '../support/kamailio-fixture';
import { createNodeAgent, type NodeAgent } from '../support/node-sip';

const server = useKamailio({ auth: { kind: 'digest', users: { alice: 'alice-pw', bob: 'bob-pw' } } });

function reached(session: Session, state: SessionState): Promise<void> {
  return new Promise((ok) => {
    if (session.state === state) return ok();
    session.stateChange.addListener((s) => s === state && ok());
  });
}

describe('SIP smoke: two agents through Kamailio', () => {
  let alice: NodeAgent;
  let bob: NodeAgent;
  afterEach(async () => {
    await Promise.all([alice?.stop(), bob?.stop()]);
  });

  test('both agents register with digest authentication and Kamailio lists them', async () => {
    alice = createNodeAgent(server(), { user: 'alice', password: 'alice-pw' });
    bob = createNodeAgent(server(), { user: 'bob', password: 'bob-pw' });
    await Promise.all([alice.register(), bob.register()]);

    expect(alice.wireSummary((m) => m.summary.endsWith('REGISTER'))).toEqual([
      'sent REGISTER',
      'received 401 REGISTER',
      'sent REGISTER',
      'received 200 REGISTER',
    ]);
    const registered = await server().registrations();
    expect([...registered.keys()].sort()).toEqual(['alice', 'bob']);
  });

  test('a wrong password is refused and the agent is not registered', async () => {
    alice = createNodeAgent(server(), { user: 'alice', password: 'wrong' });
    await expect(alice.register()).rejects.toThrow(/rejected: 40[13]/);
    expect((await server().registrations()).has('alice')).toBe(false);
  });

  test('alice calls bob: INVITE, 200, ACK, then BYE ends the call on both sides', async () => {
    alice = createNodeAgent(server(), { user: 'alice', password: 'alice-pw' });
    bob = createNodeAgent(server(), { user: 'bob', password: 'bob-pw' });
    const incoming = new Promise<Invitation>((ok) => {
      bob.ua.delegate = { onInvite: (invitation) => ok(invitation) };
    });
    await Promise.all([alice.register(), bob.register()]);

    const target = UserAgent.makeURI(`sip:bob@${server().domain}`);
    if (!target) throw new Error('bad target');
    const inviter = new Inviter(alice.ua, target);
    await inviter.invite();
    const invitation = await incoming;
    expect(invitation.remoteIdentity.uri.user).toBe('alice');
    await invitation.accept();
    await Promise.all([
      reached(inviter, SessionState.Established),
      reached(invitation, SessionState.Established),
    ]);

    const byeAccepted = new Promise<number | undefined>((ok) => {
      void inviter.bye({ requestDelegate: { onAccept: (response) => ok(response.message.statusCode) } });
    });
    await Promise.all([byeAccepted, reached(invitation, SessionState.Terminated)]);

    const callLeg = (m: { summary: string }) => !m.summary.endsWith('REGISTER');
    expect(alice.wireSummary(callLeg)).toEqual([
      'sent INVITE',
      'received 407 INVITE',
      'sent ACK',
      'sent INVITE',
      'received 100 INVITE',
      'received 180 INVITE',
      'received 200 INVITE',
      'sent ACK',
      'sent BYE',
      'received 200 BYE',
    ]);
    expect(bob.wireSummary(callLeg)).toEqual([
      'received INVITE',
      'sent 100 INVITE',
      'sent 180 INVITE',
      'sent 200 INVITE',
      'received ACK',
      'received BYE',
      'sent 200 BYE',
    ]);
  });
});
