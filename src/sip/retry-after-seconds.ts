/** The delta-seconds of a Retry-After header value (`5`, `5;duration=10`, `5 (comment)`), if any. */
export function retryAfterSeconds(value: string | undefined): number | undefined {
  const match = /^\s*(\d{1,6})/.exec(value ?? '');
  return match?.[1] ? Number(match[1]) : undefined;
}
