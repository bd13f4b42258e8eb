import type { RejectReason } from './reject-reason';

/** Outcome of checking data from the other host: the checked copy, or why it was refused. */
export type ValidationResult<T> =
  { ok: true; value: T } | { ok: false; reason: RejectReason; detail: string };
