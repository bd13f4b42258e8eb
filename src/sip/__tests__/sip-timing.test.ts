import { reconnectDelay } from '../reconnect-delay';
import type { ReconnectPolicy } from '../reconnect-policy';
import { reinviteRetryDelay } from '../leg/reinvite';

const policy: ReconnectPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  multiplier: 2,
  jitter: 0.3,
  maxAttempts: 10,
};

describe('SIP timing', () => {
  test('reconnect delays double per attempt around their centre', () => {
    const centre = () => 0.5;
    expect([1, 2, 3, 4, 5].map((n) => reconnectDelay(n, policy, centre))).toEqual([
      500, 1000, 2000, 4000, 8000,
    ]);
  });

  test('reconnect jitter spreads each delay by ±30 %, and nothing exceeds the cap', () => {
    expect(reconnectDelay(1, policy, () => 0)).toBe(350);
    expect(reconnectDelay(1, policy, () => 0.999999)).toBe(650);
    expect(reconnectDelay(12, policy, () => 0.999999)).toBe(30_000);
    expect(reconnectDelay(40, policy, () => 0)).toBe(21_000);
  });

  test('after 491 the Call-ID owner waits 2.1–4 s and the other side 0–2 s (RFC 3261 §14.1)', () => {
    const owner = { statusCode: 491 as const, isCallIdOwner: true, retry: 1 };
    const other = { ...owner, isCallIdOwner: false };
    expect(reinviteRetryDelay(owner, () => 0)).toBe(2100);
    expect(reinviteRetryDelay(owner, () => 0.999999)).toBeCloseTo(4000, -1);
    expect(reinviteRetryDelay(other, () => 0)).toBe(0);
    expect(reinviteRetryDelay(other, () => 0.999999)).toBeCloseTo(2000, -1);
  });

  test('after 500 the delay is the Retry-After, at most 10 s', () => {
    expect(reinviteRetryDelay({ statusCode: 500, isCallIdOwner: true, retryAfterSec: 3, retry: 1 })).toBe(
      3000,
    );
    expect(reinviteRetryDelay({ statusCode: 500, isCallIdOwner: false, retryAfterSec: 60, retry: 1 })).toBe(
      10_000,
    );
  });
});
