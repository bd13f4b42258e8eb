import { reinviteRetryDelay, unreachableRetryDelay } from '../leg/reinvite';

describe('SIP timing', () => {
  test('a refresh the far end cannot take yet is retried after delays that double around their centre', () => {
    const centre = () => 0.5;
    expect([1, 2, 3, 4, 5].map((n) => unreachableRetryDelay(n, centre))).toEqual([
      500, 1000, 2000, 4000, 8000,
    ]);
  });

  test('the jitter of those retries spreads each delay by ±30 %, and nothing exceeds the cap', () => {
    expect(unreachableRetryDelay(1, () => 0)).toBe(350);
    expect(unreachableRetryDelay(1, () => 0.999999)).toBe(650);
    expect(unreachableRetryDelay(12, () => 0.999999)).toBe(30_000);
    expect(unreachableRetryDelay(40, () => 0)).toBe(21_000);
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
