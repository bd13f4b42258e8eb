// SipPhone registration against the project's Kamailio: digest and ephemeral credentials, failures as typed
// errors, reconnecting after the server goes away (when is the host's decision: the phone machine's backoff
// in the product), and the keep-alive that notices a silent server.
import { execFileSync } from 'node:child_process';
import { ephemeralCredentials } from '../../scripts/sip-server/kamailio';
import { useKamailio } from '../support/kamailio-fixture';
import { createTestPhone, type TestPhone } from '../support/node-sip';
import { tcpRelay } from '../support/tcp-relay';

const server = useKamailio({ auth: { kind: 'digest', users: { alice: 'alice-pw', bob: 'bob-pw' } } });
const secret = 'registration-test-secret';
const ephemeralServer = useKamailio({
  auth: { kind: 'ephemeral', secret },
  name: 'sip-registration-ephemeral',
});

const REGISTER = (m: { summary: string }) => m.summary.endsWith('REGISTER');

describe('SipPhone registration', () => {
  let phones: TestPhone[] = [];
  const track = (p: TestPhone) => (phones.push(p), p);
  afterEach(async () => {
    await Promise.all(phones.map((p) => p.phone.stop()));
    phones = [];
  });

  test('an agent registers with digest credentials: REGISTER, 401, REGISTER, 200, then sip.registration.registered', async () => {
    const alice = track(createTestPhone(server(), { user: 'alice' }));
    const started = Date.now();
    await alice.phone.start();
    const latency = Date.now() - started;

    expect(alice.wire.summary(REGISTER)).toEqual([
      'sent REGISTER',
      'received 401 REGISTER',
      'sent REGISTER',
      'received 200 REGISTER',
    ]);
    const registered = await alice.waitFor('sip.registration.registered');
    expect(registered).toEqual({
      type: 'sip.registration.registered',
      aor: 'sip:alice@softphone.test',
      expiresSec: 600,
    });
    expect((await server().registrations()).has('alice')).toBe(true);
    expect(alice.eventTypes()).toEqual(['sip.transport.connected', 'sip.registration.registered']);
    process.stdout.write(`register latency (connect + digest REGISTER): ${latency} ms\n`);
  });

  test('a wrong password rejects start() with authentication-failed and the agent is not registered', async () => {
    const alice = track(createTestPhone(server(), { user: 'alice', password: 'wrong' }));
    await expect(alice.phone.start()).rejects.toMatchObject({
      code: 'authentication-failed',
      statusCode: 401,
    });
    const failed = await alice.waitFor('sip.registration.failed');
    expect(failed.error.message).toMatch(/credentials/);
    expect((await server().registrations()).has('alice')).toBe(false);
  });

  test('an unreachable server rejects start() with a network error', async () => {
    const alice = track(
      createTestPhone(server(), {
        user: 'alice',
        config: { server: 'ws://127.0.0.1:9', connectionTimeoutMs: 300 },
      }),
    );
    await expect(alice.phone.start()).rejects.toMatchObject({ code: 'network' });
    expect(alice.eventsOf('sip.registration.failed')).toHaveLength(1);
  });

  test('ephemeral credentials register; refused ones are refreshed once through the provider', async () => {
    const expired = ephemeralCredentials(secret, 'alice', 60, Date.now() - 3_600_000);
    const refresh = jest.fn(() => Promise.resolve(ephemeralCredentials(secret, 'alice')));
    const alice = track(
      createTestPhone(ephemeralServer(), {
        user: 'alice',
        config: { auth: { kind: 'ephemeral', ...expired, refresh } },
      }),
    );
    await alice.phone.start();

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(alice.eventsOf('sip.registration.registered')).toHaveLength(1);
    expect((await ephemeralServer().registrations()).has('alice')).toBe(true);
  });

  test('ephemeral credentials issued for another user are forbidden', async () => {
    const alice = track(
      createTestPhone(ephemeralServer(), {
        user: 'bob',
        config: { auth: { kind: 'ephemeral', ...ephemeralCredentials(secret, 'alice') } },
      }),
    );
    await expect(alice.phone.start()).rejects.toMatchObject({ code: 'forbidden', statusCode: 403 });
  });

  test('stop() unregisters: Kamailio no longer lists the agent', async () => {
    const alice = createTestPhone(server(), { user: 'alice' });
    await alice.phone.start();
    await alice.phone.stop();
    expect(alice.wire.summary(REGISTER).slice(-2)).toEqual(['sent REGISTER', 'received 200 REGISTER']);
    expect(alice.wire.find('sent REGISTER').pop()).toMatch(/expires=0/);
    expect((await server().registrations()).has('alice')).toBe(false);
  });

  test('when Kamailio restarts, the phone reports the loss and waits: one reconnect() connects and registers again', async () => {
    const alice = track(createTestPhone(server(), { user: 'alice' }));
    await alice.phone.start();
    await server().restart();
    await alice.waitFor('sip.transport.disconnected');
    // Nothing by itself, however long: retrying is its host's decision (the phone machine's backoff).
    await new Promise((r) => setTimeout(r, 1500));
    expect(alice.eventTypes().slice(-1)).toEqual(['sip.transport.disconnected']);
    expect(alice.wire.summary(REGISTER)).toHaveLength(4); // sign-in: unauthenticated + digest, each answered

    await alice.phone.reconnect();
    const types = alice.eventTypes();
    expect(types).toEqual([
      'sip.transport.connected',
      'sip.registration.registered',
      'sip.transport.disconnected',
      'sip.transport.connected',
      'sip.registration.registered',
    ]);
    expect(alice.wire.summary(REGISTER).filter((s) => s === 'received 200 REGISTER')).toHaveLength(2);
    expect((await server().registrations()).has('alice')).toBe(true);
  });

  test('the keep-alive notices a server that stopped answering and reconnects once it answers again', async () => {
    const alice = track(
      createTestPhone(server(), {
        user: 'alice',
        config: { keepAlive: { intervalMs: 150, timeoutMs: 300 }, connectionTimeoutMs: 400 },
      }),
    );
    await alice.phone.start();
    await new Promise((r) => setTimeout(r, 400));
    expect(alice.wire.summary((m) => m.summary.endsWith('OPTIONS')).slice(0, 2)).toEqual([
      'sent OPTIONS',
      'received 200 OPTIONS',
    ]);

    const pids = [
      server().pid,
      ...execFileSync('pgrep', ['-P', String(server().pid)])
        .toString()
        .split(/\s+/),
    ]
      .filter(Boolean)
      .map(Number);
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    try {
      await alice.waitFor('sip.transport.disconnected', undefined, 3000);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      for (const pid of pids) process.kill(pid, 'SIGCONT');
    }
    await alice.phone.reconnect();
    await alice.waitForNth('sip.registration.registered', 2);
    expect(alice.eventTypes().slice(-2)).toEqual(['sip.transport.connected', 'sip.registration.registered']);
  });
});

describe('a phone stopped as its network dies', () => {
  test('leaves no timer of its registration behind: nothing of it runs once the registration would have expired', async () => {
    const network = await tcpRelay(server().wsUrl);
    const warnings: string[] = [];
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (line: string) => void warnings.push(line),
      error: () => undefined,
    };
    const alice = createTestPhone(
      { ...server(), wsUrl: network.wsUrl },
      { user: 'alice', config: { registerExpiresSec: 10, logger } },
    );
    try {
      await alice.phone.start();
      network.down();
      // The un-REGISTER goes out on a connection that has just died and is never answered.
      await alice.phone.stop();
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      // SIP.js's expiry timer, left running, would fire here (and keep a Node process alive until it did).
      expect(warnings.filter((line) => line.includes('Registration expired'))).toEqual([]);
    } finally {
      await alice.phone.stop();
      await network.close();
    }
  }, 30_000);
});
