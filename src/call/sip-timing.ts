// SIP timing rules the statechart follows: re-INVITE glare retries (RFC 3261 14.1) and reconnect backoff.
import type { ReconnectPolicy } from './phone-settings';

export interface ReinviteFailure {
  statusCode: number;
  /** Seconds from a Retry-After header, when the peer sent one. */
  retryAfterSeconds?: number;
}

/** 491 Request Pending, or 500 with Retry-After: the peer had its own re-INVITE in flight. */
export function isGlare(failure: ReinviteFailure): boolean {
  return (
    failure.statusCode === 491 || (failure.statusCode === 500 && failure.retryAfterSeconds !== undefined)
  );
}

/**
 * Delay before a re-INVITE that met glare is sent again. 491: 2.1–4 s when this side generated the
 * Call-ID (it placed the call), else 0–2 s. 500: the Retry-After value. `random01` is in [0, 1).
 */
export function glareRetryDelayMs(
  failure: ReinviteFailure,
  isCallIdOwner: boolean,
  random01: number,
): number {
  if (failure.statusCode === 500 && failure.retryAfterSeconds !== undefined) {
    return Math.max(0, failure.retryAfterSeconds) * 1000;
  }
  return isCallIdOwner ? Math.round(2100 + random01 * 1900) : Math.round(random01 * 2000);
}

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
