import type { ReconnectPolicy } from './reconnect-policy';

/**
 * The delay before reconnection attempt `attempt` (1-based); `random` returns [0, 1). The exponential base
 * is capped before the jitter, so phones that all reached the cap still spread out (down to 70 % of it).
 */
export function reconnectDelay(attempt: number, policy: ReconnectPolicy, random: () => number): number {
  const base = Math.min(
    policy.maxDelayMs,
    policy.initialDelayMs * policy.multiplier ** Math.max(0, attempt - 1),
  );
  const jittered = base * (1 + policy.jitter * (2 * random() - 1));
  return Math.round(Math.max(0, Math.min(policy.maxDelayMs, jittered)));
}
