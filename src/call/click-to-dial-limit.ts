// The one rule on how many click-to-dial requests the phone takes in a short window. Any component of the
// org can publish on the Lightning message channel: a burst is refused, not dialled one after another.

export const CLICK_TO_DIAL_LIMIT = Object.freeze({
  /** Requests taken within `windowMs`; the next one inside the window is refused. */
  maxRequests: 3,
  windowMs: 10_000,
});

function withinWindow(times: readonly number[], at: number): number[] {
  return times.filter((t) => at - t < CLICK_TO_DIAL_LIMIT.windowMs && t <= at);
}

/** True when a request at `at` would be one too many, given the times of the latest requests. */
export function exceedsClickToDialLimit(times: readonly number[], at: number): boolean {
  return withinWindow(times, at).length >= CLICK_TO_DIAL_LIMIT.maxRequests;
}

/**
 * The times to keep once a request at `at` arrived (refused ones count too, so a flood stays refused
 * until it stops): never more than the rule looks at.
 */
export function rememberClickToDial(times: readonly number[], at: number): number[] {
  return [...withinWindow(times, at), at].slice(-CLICK_TO_DIAL_LIMIT.maxRequests);
}
