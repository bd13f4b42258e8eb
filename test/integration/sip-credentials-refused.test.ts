// A request refused because the agent's ephemeral credentials ran out is not given up: the phone renews
// them and sends it once more. Through the project's Kamailio (auth_ephemeral, real clock): credentials of
// 3 s expire while the credential service is down (so the renewal timer could not replace them in time);
// when it is back, an INVITE and a MESSAGE sent with the stale ones get their 407, then go through.
import { randomBytes } from 'node:crypto';
import type { Invitation } from 'sip.js';
import { ephemeralCredentials } from '../../scripts/sip-server/kamailio';
import type { EphemeralCredentials } from '../../src/sip/sip-auth';
import { useKamailio } from '../support/kamailio-fixture';
import { createNodeAgent, createTestPhone, type NodeAgent, type TestPhone } from '../support/node-sip';

const secret = randomBytes(24).toString('base64url');
const server = useKamailio({ auth: { kind: 'ephemeral', secret } });
const SHORT_SEC = 3;

function mint(user: string, ttlSeconds: number): EphemeralCredentials {
  const { username, password } = ephemeralCredentials(secret, user, ttlSeconds);
  return { username, password, ttlSeconds, expiresAt: Number(username.split(':')[0]) };
}

describe('a request refused for stale credentials is sent once more with renewed ones', () => {
  let agent: TestPhone;
  let customer: NodeAgent;
  let serviceUp: boolean;
  let fetches: number;

  beforeEach(async () => {
    serviceUp = false;
    fetches = 0;
    const refresh = async () => {
      fetches += 1;
      if (!serviceUp) throw new Error('Service Unavailable');
      return mint('agent', 3600);
    };
    const short = mint('agent', SHORT_SEC);
    agent = createTestPhone(server(), {
      user: 'agent',
      config: { auth: { kind: 'ephemeral', ...short, refresh } },
    });
    const caller = mint('customer', 3600);
    customer = createNodeAgent(server(), {
      user: 'customer',
      authorizationUsername: caller.username,
      password: caller.password,
    });
    await customer.register();
    await agent.phone.start();
    // The renewal timer tries before expiry and fails (the service is down); then the credentials run out.
    // auth_ephemeral still accepts them during their expiry second (it refuses once its clock, in whole
    // seconds, is past it): wait for the second after it.
    const expiredAtMs = (short.expiresAt! + 1) * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiredAtMs - Date.now()) + 100));
    expect(fetches).toBeGreaterThan(0);
    serviceUp = true;
    fetches = 0;
  });

  afterEach(async () => {
    await agent.phone.stop();
    await customer.stop();
  });

  const sent = (method: string) => (m: { summary: string }) =>
    m.summary.endsWith(` ${method}`) || m.summary === method;

  test('an outgoing call: the INVITE answered 407 twice (stale) is sent again and rings the customer', async () => {
    const rung = new Promise<Invitation>((resolve) => {
      customer.ua.delegate = { onInvite: (invitation) => resolve(invitation) };
    });
    const dialled = agent.phone.dial(`sip:customer@${server().domain}`);
    const invitation = await rung;
    await invitation.accept();
    await dialled;
    expect(fetches).toBe(1);
    const invites = agent.wire.summary(sent('INVITE')).filter((s) => !/ 1\d\d INVITE$/.test(s));
    expect(invites).toEqual([
      // stale credentials: challenged, answered, refused
      'sent INVITE',
      'received 407 INVITE',
      'sent INVITE',
      'received 407 INVITE',
      // renewed ones: the new request is challenged and its answer accepted
      'sent INVITE',
      'received 407 INVITE',
      'sent INVITE',
      'received 200 INVITE',
    ]);
    await agent.phone.hangUp(invitation.request.callId);
  });

  test('a transfer: the REFER answered 403 is sent once more after renewing, and the far end accepts it', async () => {
    const refers: string[] = [];
    customer.ua.delegate = {
      onInvite: (invitation) => {
        invitation.delegate = {
          // In-dialog requests are not challenged by this proxy: the far end stands in for one that refuses.
          onRefer: (referral) => {
            refers.push(referral.request.getHeader('refer-to') ?? '');
            void (refers.length === 1 ? referral.reject({ statusCode: 403 }) : referral.accept());
          },
        };
        void invitation.accept();
      },
    };
    const { callId } = await agent.phone.dial(`sip:customer@${server().domain}`);
    const fetchesBefore = fetches;

    const transfer = agent.phone.transfer(callId, `sip:someone@${server().domain}`).catch(() => undefined);
    await agent.waitFor('sip.transfer.accepted');
    expect(refers).toHaveLength(2);
    expect(fetches - fetchesBefore).toBe(1);
    expect(agent.wire.summary(sent('REFER'))).toEqual([
      'sent REFER',
      'received 403 REFER',
      'sent REFER',
      'received 202 REFER',
    ]);
    await agent.phone.hangUp(callId);
    await transfer;
  });

  test('a text reply to a ringing call: the MESSAGE answered 407 twice (stale) is sent again and delivered', async () => {
    const texts: string[] = [];
    customer.ua.delegate = {
      onMessage: (message) => {
        texts.push(message.request.body);
        void message.accept();
      },
    };
    const { Inviter, UserAgent } = await import('sip.js');
    const inviter = new Inviter(customer.ua, UserAgent.makeURI(`sip:agent@${server().domain}`)!);
    void inviter.invite();
    const { callId } = await agent.waitFor('sip.invite.received');

    await expect(agent.phone.rejectWithMessage(callId, 'In a meeting, call you back')).resolves.toEqual({
      delivered: true,
    });
    expect(texts).toEqual(['In a meeting, call you back']);
    expect(fetches).toBe(1);
    expect(agent.wire.summary(sent('MESSAGE'))).toEqual([
      // stale credentials: challenged, answered, refused
      'sent MESSAGE',
      'received 407 MESSAGE',
      'sent MESSAGE',
      'received 407 MESSAGE',
      // renewed ones: the new request is challenged and its answer accepted
      'sent MESSAGE',
      'received 407 MESSAGE',
      'sent MESSAGE',
      'received 200 MESSAGE',
    ]);
  });
});
