/** How the phone retries after losing its WebSocket: exponential backoff with jitter, capped. */
export interface ReconnectPolicy {
  /** Delay before the first attempt (default 500 ms). */
  initialDelayMs: number;
  /** Upper bound of any delay, jitter included (default 30 s). */
  maxDelayMs: number;
  /** Growth per attempt (default 2). */
  multiplier: number;
  /** Spread as a fraction of the delay, 0..1 (default 0.3: ±30 %), so phones do not reconnect in step. */
  jitter: number;
  /** Give up after this many attempts (default: never). */
  maxAttempts: number;
}
