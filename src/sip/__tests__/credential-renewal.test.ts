// When the phone renews its ephemeral credentials: before they expire, spread across agents, once per need.
import { CredentialRenewal, credentialLifetimeMs } from '../credential-renewal';
import type { EphemeralCredentials } from '../sip-auth';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const T0 = 1_767_225_600_000;

function minted(at: number, ttlSeconds: number, user = 'alice'): EphemeralCredentials {
  const expiresAt = Math.floor(at / 1000) + ttlSeconds;
  return { username: `${expiresAt}:${user}`, password: `p${expiresAt}`, ttlSeconds, expiresAt };
}

function renewal(
  options: {
    ttlSeconds?: number;
    random?: () => number;
    fail?: () => boolean;
    initial?: EphemeralCredentials;
  } = {},
) {
  const ttl = options.ttlSeconds ?? 300;
  const fetched: number[] = [];
  const applied: EphemeralCredentials[] = [];
  const subject = new CredentialRenewal({
    initial: options.initial ?? minted(Date.now(), ttl),
    fetch: () => {
      fetched.push(Date.now() - T0);
      return options.fail?.()
        ? Promise.reject(new Error('Apex is down'))
        : Promise.resolve(minted(Date.now(), ttl));
    },
    apply: (credentials) => applied.push(credentials),
    random: options.random ?? (() => 0.5),
    logger: silent,
  });
  return { subject, fetched, applied };
}

/** Runs the timers up to `ms` after T0, letting each renewal's promise settle. */
async function advanceTo(ms: number): Promise<void> {
  await jest.advanceTimersByTimeAsync(T0 + ms - Date.now());
}

describe('ephemeral credentials are renewed before they expire', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test('at 80 % of the lifetime Apex gave, again and again, each time handing SIP.js the new ones', async () => {
    const { subject, fetched, applied } = renewal({ ttlSeconds: 300 });
    subject.start();
    await advanceTo(239_999);
    expect(fetched).toEqual([]);
    await advanceTo(3 * 240_000);
    expect(fetched).toEqual([240_000, 480_000, 720_000]);
    expect(applied.map((c) => c.username)).toEqual([
      `${T0 / 1000 + 540}:alice`,
      `${T0 / 1000 + 780}:alice`,
      `${T0 / 1000 + 1020}:alice`,
    ]);
    subject.stop();
  });

  test('agents who signed in together renew spread over 75–85 % of the lifetime, not in the same second', async () => {
    const times: number[] = [];
    for (const random of [0, 0.25, 0.5, 0.75, 0.999]) {
      const { subject, fetched } = renewal({ ttlSeconds: 3600, random: () => random });
      subject.start();
      await advanceTo(3_100_000);
      subject.stop();
      times.push(fetched[0] ?? NaN);
      jest.setSystemTime(T0);
    }
    expect(times[0]).toBe(2_700_000);
    expect(times[4]).toBeCloseTo(3_060_000, -3);
    expect(new Set(times.map((t) => Math.floor(t / 1000))).size).toBe(5);
    expect(times.every((t) => t >= 0.75 * 3_600_000 && t < 0.85 * 3_600_000)).toBe(true);
  });

  test('a failed renewal is tried again while the credentials still hold, then left to the next refusal', async () => {
    let down = true;
    const { subject, fetched, applied } = renewal({ ttlSeconds: 100, fail: () => down });
    subject.start();
    await advanceTo(100_000);
    // 80 s, then every 5 s while the credentials are valid (never after they expired at 100 s).
    expect(fetched).toEqual([80_000, 85_000, 90_000, 95_000]);
    await advanceTo(200_000);
    expect(fetched).toHaveLength(4);
    down = false;
    await expect(subject.renew()).resolves.toBe(true);
    expect(applied).toHaveLength(1);
    await advanceTo(200_000 + 80_000);
    expect(fetched).toHaveLength(6);
    subject.stop();
  });

  test('concurrent refusals share one fetch', async () => {
    const { subject, fetched } = renewal();
    const results = await Promise.all([subject.renew(), subject.renew(), subject.renew()]);
    expect(results).toEqual([true, true, true]);
    expect(fetched).toHaveLength(1);
  });

  test('a stopped phone renews nothing and leaves no timer behind', async () => {
    const { subject, fetched } = renewal();
    subject.start();
    subject.stop();
    expect(jest.getTimerCount()).toBe(0);
    await expect(subject.renew()).resolves.toBe(false);
    await advanceTo(1_000_000);
    expect(fetched).toEqual([]);
  });

  test('the lifetime comes from ttlSeconds, else expiresAt, else the expiry in the user name', () => {
    expect(credentialLifetimeMs({ username: 'x', password: 'p', ttlSeconds: 60 }, T0)).toBe(60_000);
    expect(credentialLifetimeMs({ username: 'x', password: 'p', expiresAt: T0 / 1000 + 30 }, T0)).toBe(
      30_000,
    );
    expect(credentialLifetimeMs({ username: `${T0 / 1000 + 10}:alice`, password: 'p' }, T0)).toBe(10_000);
    expect(credentialLifetimeMs({ username: 'alice', password: 'p' }, T0)).toBeUndefined();
    expect(credentialLifetimeMs({ username: `${T0 / 1000 - 10}:alice`, password: 'p' }, T0)).toBeUndefined();
  });
});
