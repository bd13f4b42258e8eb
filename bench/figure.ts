// One benchmark figure as bench/results.json records it, and the statistics the figures are made of.

export interface Figure {
  id: string;
  name: string;
  unit: string;
  /** The softphone's measurement (a median unless the name says otherwise). */
  value: number;
  /** The same measurement of the bare baseline, taken in the same run. */
  baseline: number;
  ratio: number;
  goal: string;
  pass: boolean;
  /** How it was measured and anything a reader needs to judge it (samples, p95, what failed). */
  detail?: Record<string, unknown>;
  /** Timed figures: every run's value by series (softphone, baseline…), drawn in docs/performance/<id>.svg. */
  samples?: Record<string, number[]>;
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const p95 = (values: readonly number[]) => quantile(values, 0.95);

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** `{median, p95, n}` of a sample, rounded for the record. */
export function summary(values: readonly number[]): { median: number; p95: number; n: number } {
  return { median: round(median(values)), p95: round(p95(values)), n: values.length };
}

/** A figure's samples as recorded: 0.1 of its unit is enough to draw and to read. */
export const rounded = (values: readonly number[]) => values.map((v) => round(v, 1));

export function ratio(value: number, baseline: number): number {
  return baseline === 0 ? Number.NaN : round(value / baseline, 3);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
}

/** Resolves when `check` holds, polling every `everyMs`; rejects with `label` after `timeoutMs`. */
export async function until(
  check: () => boolean,
  label: string,
  timeoutMs = 10_000,
  everyMs = 2,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
    await sleep(everyMs);
  }
}
