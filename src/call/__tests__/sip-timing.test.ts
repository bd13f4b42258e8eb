// The SIP timing rules and the mappings the SIP adapter uses to report failures.
import { callFailureReasonFromSipStatus } from '../call-failure';
import { registrationFailureReason } from '../registration-failure';
import { reconnectDelayMs } from '../sip-timing';

describe('SIP timing rules', () => {
  it('reconnect backoff doubles from the initial delay, is capped, and keeps only the jitter share random', () => {
    const policy = { initialDelayMs: 500, maxDelayMs: 10_000, jitterRatio: 0.2, maxAttempts: 0 };
    expect([1, 2, 3, 4, 5, 6, 30].map((n) => reconnectDelayMs(n, policy, 1))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
    expect(reconnectDelayMs(3, policy, 0)).toBe(1_600);
  });
});

describe('failure reasons from SIP status codes', () => {
  it.each([
    [486, 'busy'],
    [600, 'busy'],
    [480, 'no-answer'],
    [408, 'no-answer'],
    [404, 'not-found'],
    [484, 'not-found'],
    [603, 'declined'],
    [403, 'declined'],
    [503, 'network'],
  ] as const)('a call failing with %i is reported as %s', (status, reason) => {
    expect(callFailureReasonFromSipStatus(status)).toBe(reason);
  });

  it.each([
    [401, 'bad-credentials'],
    [407, 'bad-credentials'],
    [403, 'forbidden'],
    [undefined, 'server-unreachable'],
    [503, 'server-unreachable'],
  ] as const)('a REGISTER failing with %p is reported as %s', (status, reason) => {
    expect(registrationFailureReason(status)).toBe(reason);
  });
});
