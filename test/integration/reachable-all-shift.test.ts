// An agent stays reachable across many lifetimes of their ephemeral credentials: the whole core (as
// createSoftphone builds it) registered at the project's Kamailio with auth_ephemeral, credentials of a few
// seconds and a registration expiry just above them (both shortened by settings; Kamailio's clock is real),
// and a real SIP.js caller whose INVITE must ring the agent in every lifetime. When the credential service
// fails, the agent sees it within one registration refresh, and the phone recovers once the service is back.
import { randomBytes } from 'node:crypto';
import { Inviter, SessionState, UserAgent } from 'sip.js';
import { ephemeralCredentials } from '../../scripts/sip-server/kamailio';
import { createSoftphone, type Softphone } from '../../src/create-softphone';
import type { EphemeralCredentials } from '../../src/sip/sip-auth';
import type { SoftphoneView } from '../../src/view/softphone-view';
import { useKamailio } from '../support/kamailio-fixture';
import {
  createNodeAgent,
  nodeSoftphoneSip,
  viewWhere,
  type NodeAgent,
  crmOfNobody,
} from '../support/node-sip';

const secret = randomBytes(24).toString('base64url');
const server = useKamailio({ auth: { kind: 'ephemeral', secret } });

/** The credential lifetime (Softphone Setup's setting, shortened) and the REGISTER expiry asked for. */
const LIFETIME_SEC = 8;
const REGISTER_EXPIRES_SEC = 10;
// A longer shift for a soak: SOFTPHONE_SHIFT_LIFETIMES=40 (the test's timeout grows with it).
const LIFETIMES = Number(process.env.SOFTPHONE_SHIFT_LIFETIMES ?? 4);

/** What Apex SoftphoneCredentials.getSipCredentials returns, minted now. */
function mint(user: string, ttlSeconds: number): EphemeralCredentials {
  const { username, password } = ephemeralCredentials(secret, user, ttlSeconds);
  return { username, password, ttlSeconds, expiresAt: Number(username.split(':')[0]) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an agent stays reachable all shift', () => {
  let softphone: Softphone;
  let customer: NodeAgent;
  let serviceDown = false;
  let fetches = 0;
  /** Every registration state the agent's panel showed, in order (repeats dropped). */
  let shown: SoftphoneView['registration'][];

  beforeEach(async () => {
    serviceDown = false;
    fetches = 0;
    shown = [];
    const refresh = async () => {
      fetches += 1;
      if (serviceDown) throw new Error('SoftphoneCredentials.getSipCredentials: Service Unavailable');
      return mint('agent', LIFETIME_SEC);
    };
    softphone = createSoftphone({
      sip: {
        ...nodeSoftphoneSip(server(), 'agent', ''),
        auth: { kind: 'ephemeral', ...mint('agent', LIFETIME_SEC), refresh },
        registerExpiresSec: REGISTER_EXPIRES_SEC,
      },
      crm: crmOfNobody,
      phone: { reconnect: { initialDelayMs: 300, maxDelayMs: 2_000, jitterRatio: 0.3, maxAttempts: 0 } },
      storage: { calls: null, local: null },
    });
    softphone.subscribe((view) => {
      if (shown.at(-1) !== view.registration) shown.push(view.registration);
    });
    const caller = mint('customer', 3600);
    customer = createNodeAgent(server(), {
      user: 'customer',
      authorizationUsername: caller.username,
      password: caller.password,
    });
    await customer.register();
    softphone.start();
    await viewWhere(softphone, (v) => v.registration === 'registered', 'registered');
    shown = ['registered'];
  });

  afterEach(async () => {
    await softphone.stop();
    await customer.stop();
  });

  /** The customer calls the agent: the panel must ring; the agent declines so the next call finds a free line. */
  async function customerCallRings(): Promise<void> {
    const inviter = new Inviter(customer.ua, UserAgent.makeURI(`sip:agent@${server().domain}`)!);
    const refused = new Promise<number | undefined>((resolve) => {
      void inviter.invite({
        requestDelegate: { onReject: (response) => resolve(response.message.statusCode) },
      });
      inviter.stateChange.addListener((state) => state === SessionState.Terminated && resolve(undefined));
    });
    const ringing = await Promise.race([
      viewWhere(softphone, (v) => v.calls.some((c) => c.status === 'ringing'), 'the call ringing', 5_000),
      refused.then((status) => {
        throw new Error(`the customer's call never reached the agent (SIP ${status ?? 'no answer'})`);
      }),
    ]);
    const call = ringing.calls.find((c) => c.status === 'ringing')!;
    softphone.send({ type: 'ui.reject', callId: call.callId });
    await refused;
    await viewWhere(softphone, (v) => v.calls.every((c) => c.callId !== call.callId), 'the call gone');
  }

  test(
    `a customer's call rings the agent in each of ${LIFETIMES} consecutive credential lifetimes of ${LIFETIME_SEC} s`,
    async () => {
      const start = Date.now();
      for (let lifetime = 1; lifetime <= LIFETIMES; lifetime++) {
        // Late in each lifetime: after the credentials of the one before have expired at the server.
        await sleep(Math.max(0, start + (lifetime - 0.2) * LIFETIME_SEC * 1000 - Date.now()));
        await customerCallRings();
      }
      // Renewed before expiry, so the registration was never lost, and the panel never had to say so.
      expect(shown).toEqual(['registered']);
      expect(fetches).toBeGreaterThanOrEqual(LIFETIMES - 1);
      process.stdout.write(
        `reachable across ${LIFETIMES} lifetimes of ${LIFETIME_SEC} s (register expiry ${REGISTER_EXPIRES_SEC} s, ` +
          `${fetches} renewals in ${((Date.now() - start) / 1000).toFixed(1)} s)\n`,
      );
    },
    30_000 + LIFETIMES * LIFETIME_SEC * 1000,
  );

  test('when the credential service fails, the panel says so within one registration refresh, and the phone recovers when it is back', async () => {
    serviceDown = true;
    const down = Date.now();
    // The credentials run out, the registration's refresh is refused: the phone knows it is not reachable.
    const lost = await viewWhere(
      softphone,
      (v) => v.registration === 'lost',
      'the lost registration shown',
      (LIFETIME_SEC + REGISTER_EXPIRES_SEC) * 1000,
    );
    expect(lost.canDial).toBe(false);
    expect(Date.now() - down).toBeLessThanOrEqual((REGISTER_EXPIRES_SEC + 1) * 1000);
    const failedFetches = fetches;
    // It keeps trying (with fresh credentials each time) while the service is down.
    await sleep(3_000);
    expect(fetches).toBeGreaterThan(failedFetches);
    expect(softphone.view().registration).toBe('lost');

    serviceDown = false;
    await viewWhere(softphone, (v) => v.registration === 'registered', 'registered again', 5_000);
    await customerCallRings();
    expect(shown).toEqual(['registered', 'lost', 'registered']);
  }, 60_000);
});
