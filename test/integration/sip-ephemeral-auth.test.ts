// Ephemeral (time-limited HMAC) SIP credentials, as the Apex credential service issues them, are
// accepted by the project's Kamailio; expired or foreign ones are refused.
import { ephemeralCredentials } from '../../scripts/sip-server/kamailio';
import { useKamailio } from '../support/kamailio-fixture';
import { createNodeAgent, type NodeAgent } from '../support/node-sip';

const secret = 'test-shared-secret';
const server = useKamailio({ auth: { kind: 'ephemeral', secret } });

describe('SIP ephemeral credentials', () => {
  let agent: NodeAgent | undefined;
  afterEach(async () => {
    await agent?.stop();
    agent = undefined;
  });

  test('an agent registers with credentials derived from the shared secret', async () => {
    const { username, password } = ephemeralCredentials(secret, 'alice');
    agent = createNodeAgent(server(), { user: 'alice', authorizationUsername: username, password });
    await agent.register();
    expect((await server().registrations()).has('alice')).toBe(true);
  });

  test('expired credentials are refused', async () => {
    const { username, password } = ephemeralCredentials(secret, 'alice', 60, Date.now() - 3_600_000);
    agent = createNodeAgent(server(), { user: 'alice', authorizationUsername: username, password });
    await expect(agent.register()).rejects.toThrow(/rejected: 40[13]/);
  });

  test('credentials issued for another user cannot register as bob', async () => {
    const { username, password } = ephemeralCredentials(secret, 'alice');
    agent = createNodeAgent(server(), { user: 'bob', authorizationUsername: username, password });
    await expect(agent.register()).rejects.toThrow(/rejected: 403/);
    expect((await server().registrations()).has('bob')).toBe(false);
  });

  test('credentials signed with another secret are refused', async () => {
    const { username, password } = ephemeralCredentials('not-the-secret', 'alice');
    agent = createNodeAgent(server(), { user: 'alice', authorizationUsername: username, password });
    await expect(agent.register()).rejects.toThrow(/rejected: 40[13]/);
  });
});
