// Softphone Setup's Test connection, through the project's Kamailio (auth_ephemeral): the probe the setup tab
// runs in the admin's browser registers a probe identity with credentials in the agents' scheme, reports each
// step, and leaves no registration behind. A wrong secret and a wrong address each fail at their own step.
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { ephemeralCredentials } from '../../scripts/sip-server/kamailio';
import { freeTcpPort } from '../../scripts/sip-server/ports';
import { probeConnection, type ConnectionProbeInput } from '../../src/sip';
import { useKamailio } from '../support/kamailio-fixture';

// The browser's WebSocket, in Node.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const secret = randomBytes(24).toString('base64url');
const server = useKamailio({ auth: { kind: 'ephemeral', secret } });
const PROBE_USER = 'softphone-setup-probe';

function input(signedWith: string, overrides: Partial<ConnectionProbeInput> = {}): ConnectionProbeInput {
  const { username, password } = ephemeralCredentials(signedWith, PROBE_USER, 300);
  return {
    webSocketUrl: server().wsUrl,
    domain: server().domain,
    sipUser: PROBE_USER,
    username,
    password,
    pageIsSecure: false,
    timeoutMs: 5000,
    ...overrides,
  };
}

const outcomes = (results: { step: string; outcome: string; reason: string }[]) =>
  results.map(({ step, outcome, reason }) => `${step} ${outcome} ${reason}`);

describe('Test connection (probe)', () => {
  it('registers the probe with the right secret, reports every step, then unregisters', async () => {
    const results = await probeConnection(input(secret));

    expect(outcomes(results)).toEqual([
      'websocket ok reachable',
      // ws:// from a page without HTTPS: allowed, and said to be unencrypted.
      'tls warning unencrypted',
      'credentials ok accepted',
      'registration ok registered',
    ]);
    expect(results[3]?.detail).toMatch(/^200 /);
    const registered = await server().registrations();
    expect([...registered.keys()].filter((aor) => aor.includes(PROBE_USER))).toEqual([]);
  });

  it('says the credentials were refused when the secret is wrong', async () => {
    const results = await probeConnection(input('not-the-servers-secret-0123'));

    expect(outcomes(results)).toEqual([
      'websocket ok reachable',
      'tls warning unencrypted',
      'credentials failed refused',
      'registration skipped notTried',
    ]);
    expect(results[2]?.detail).toMatch(/^(401|403|407) /);
  });

  it('says the WebSocket is not reachable when nothing listens at the address', async () => {
    const closed = `ws://127.0.0.1:${await freeTcpPort()}`;

    const results = await probeConnection(input(secret, { webSocketUrl: closed }));

    expect(outcomes(results)).toEqual([
      'websocket failed unreachable',
      'tls skipped unencrypted',
      'credentials skipped notTried',
      'registration skipped notTried',
    ]);
  });

  it('refuses ws:// from an HTTPS page and anything that is not a WebSocket address, without connecting', async () => {
    expect(outcomes(await probeConnection(input(secret, { pageIsSecure: true })))).toEqual([
      'websocket failed blocked',
      'tls failed notEncrypted',
      'credentials skipped notTried',
      'registration skipped notTried',
    ]);
    expect(
      outcomes(await probeConnection(input(secret, { webSocketUrl: 'https://sip.example.com' })))[0],
    ).toBe('websocket failed invalidUrl');
  });
});
