// RFC 3261 §14.1: after a 491 the Call-ID owner waits 2.1–4 s, the other side 0–2 s, so the two retries
// do not collide again; a 500 is retried after its Retry-After (at most 10 s).
import type { ReinviteRetryCause } from './reinvite-retry-cause';

export function reinviteRetryDelay(cause: ReinviteRetryCause, random: () => number = Math.random): number {
  if (cause.statusCode === 500) return Math.min(cause.retryAfterSec ?? 0, 10) * 1000;
  return cause.isCallIdOwner ? 2100 + random() * 1900 : random() * 2000;
}
