// Timing rules the statechart follows: reconnect backoff and call-log save retries. Re-INVITE glare is
// retried inside the SIP adapter (it knows who owns the Call-ID): a failure that reaches the chart is final.
import type { ReconnectPolicy } from './phone-settings';

/** Exponential backoff capped at maxDelayMs, with the last jitterRatio share randomised. */
export function reconnectDelayMs(attempt: number, policy: ReconnectPolicy, random01: number): number {
  const exponent = Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(exponent, 30));
  const jitter = Math.min(1, Math.max(0, policy.jitterRatio));
  return Math.round(capped * (1 - jitter) + capped * jitter * random01);
}

/** A call-log save never waits longer than this between tries. */
export const MAX_SAVE_RETRY_DELAY_MS = 60_000;

/**
 * Delay before the next try of a failed call-log save: the base delay doubled after each failure in a
 * row, capped at a minute (an Apex outage is not hammered, and a blip costs one base delay).
 */
export function saveRetryDelayMs(failures: number, baseDelayMs: number): number {
  const exponent = Math.min(Math.max(0, failures - 1), 30);
  return Math.min(MAX_SAVE_RETRY_DELAY_MS, Math.max(0, baseDelayMs) * 2 ** exponent);
}
