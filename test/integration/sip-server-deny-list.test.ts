// Toll restrictions on the SIP server itself: the example Kamailio refuses (403) INVITEs to numbers the
// admin's dial plan denies, sent straight to it by a SIP client that never ran the browser's rules.
import { Inviter, UserAgent } from 'sip.js';
import { defaultDialingSettings } from '../../src/dialing';
import { denyPattern } from '../../scripts/sip-server/kamailio';
import { useKamailio } from '../support/kamailio-fixture';
import { createNodeAgent, type NodeAgent } from '../support/node-sip';

const dialing = { ...defaultDialingSettings, dialPlan: { allow: [], deny: ['+1 900', '+44 909'] } };

const server = useKamailio({
  auth: { kind: 'digest', users: { agent: 'agent-pw', '9005550100': 'customer-pw' } },
  dialing,
});

describe('the SIP server enforces the dial plan deny list', () => {
  let agent: NodeAgent;
  let customer: NodeAgent;

  beforeAll(async () => {
    agent = createNodeAgent(server(), { user: 'agent', password: 'agent-pw' });
    await agent.register();
    // Someone is even registered under a denied national number: the deny list still wins.
    customer = createNodeAgent(server(), { user: '9005550100', password: 'customer-pw' });
    customer.ua.delegate = { onInvite: (invitation) => void invitation.reject({ statusCode: 486 }) };
    await customer.register();
  });
  afterAll(async () => {
    await agent.stop();
    await customer.stop();
  });

  /** The final status of an INVITE the agent's SIP client sends as it likes (no dialing rules). */
  async function finalStatus(user: string): Promise<number> {
    const target = UserAgent.makeURI(`sip:${user}@${server().domain}`)!;
    return new Promise<number>((ok, fail) => {
      const inviter = new Inviter(agent.ua, target);
      inviter
        .invite({
          requestDelegate: {
            onReject: (response) => ok(response.message.statusCode ?? 0),
            onAccept: () => ok(200),
          },
        })
        .catch(fail);
    });
  }

  test.each([
    ['E.164', '+19005550100'],
    ['national with the long-distance 1', '19005550100'],
    ['national after the outside-line 9', '919005550100'],
    ['national, 10 digits', '9005550100'],
    ['international after 011', '01144909123456'],
    ['international after 00', '0044909123456'],
  ])('an INVITE to a denied number (%s: %s) gets 403 from the server', async (_, user) => {
    expect(await finalStatus(user)).toBe(403);
  });

  test('numbers the dial plan allows are routed as before', async () => {
    // Nobody is registered as this number: the server looked it up (404) rather than refuse it.
    expect(await finalStatus('+18005550100')).toBe(404);
    expect(await finalStatus('5550100')).toBe(404);
  });

  test('the deny pattern comes from the same dialing settings as the browser rules, and refuses bad ones', () => {
    expect(denyPattern({ ...defaultDialingSettings, dialPlan: { allow: [], deny: ['+1-900'] } })).toBe(
      '^[+]1900|^9?(00|011)1900|^9?1?900[0-9]{7}',
    );
    expect(denyPattern(defaultDialingSettings)).toBeNull();
    expect(() =>
      denyPattern({ ...defaultDialingSettings, dialPlan: { allow: [], deny: ['900!g"'] } }),
    ).toThrow(/dial plan entry must be a number prefix/);
  });
});
