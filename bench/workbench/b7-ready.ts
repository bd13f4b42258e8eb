// B7: from the softphone LWC's start (connectedCallback: static resource, settings and credentials from
// Apex, registration) to the phone registered and able to ring, on the real workbench agent page, against a
// bare page that starts loading SIP.js at its own start and registers with the same kind of credentials.
// Cold: each load in a new browser context (empty cache, new connections). Warm: loads in one context after
// a first one. The softphone runs with Lightning Web Security (as in an org) and, for B10, without it.
import type { BrowserContext } from 'playwright-core';
import { median, p95, ratio, round, summary, type Figure } from '../figure';
import type { BareServer } from './bare-server';
import { benchPage, markTime, type WorkbenchLab } from './lab';

// 6 loads a round (3 variants, cold and warm): 10 rounds keep the whole bench within its 8 minutes.
const LOADS = Number(process.env.BENCH_B7_LOADS ?? 10);
/** Agent 2 (SIP user 1002): B8 and the dial latency use agent 1, so no stale contact of these loads rings. */
const AGENT = 2;
const BARE_USER = 'bare7';

export type ReadyVariant = 'lws' | 'noLws' | 'bare';
export interface Load {
  /** The component's (or bare page's) start → registered, ms. */
  startToReady: number;
  /** Navigation start → registered, ms. */
  navigationToReady: number;
  /** Softphone: start → the core script received, and → the last Apex answer (Resource Timing), ms. */
  coreFetched?: number;
  apexAnswered?: number;
}
export type ReadySamples = Record<'cold' | 'warm', Record<ReadyVariant, Load[]>>;

function target(lab: WorkbenchLab, bare: BareServer, variant: ReadyVariant) {
  if (variant === 'bare')
    return { url: `${bare.url}/?user=${BARE_USER}`, marks: ['bare:start', 'bare:registered'] };
  const lws = variant === 'noLws' ? '&lws=off' : '';
  return {
    url: `${lab.web.url}/agent.html?agent=${AGENT}${lws}`,
    marks: ['softphone:start', 'softphone:registered'],
  };
}

async function loadOnce(context: BrowserContext, url: string, marks: string[]): Promise<Load> {
  const errors: string[] = [];
  const page = await benchPage(context, errors);
  try {
    await page.goto(url);
    const [start = '', ready = ''] = marks;
    const started = await markTime(page, start);
    const registered = await markTime(page, ready);
    if (errors.length > 0) throw new Error(`page errors on ${url}: ${errors.join('; ')}`);
    const fetched = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        name: r.name,
        end: r.responseEnd,
      })),
    );
    const last = (pattern: RegExp) => {
      const ends = fetched.filter((r) => pattern.test(r.name)).map((r) => r.end - started);
      return ends.length > 0 ? Math.max(...ends) : undefined;
    };
    return {
      startToReady: registered - started,
      navigationToReady: registered,
      coreFetched: last(/\/resources\/softphoneCore$/),
      apexAnswered: last(/\/api\/apex\//),
    };
  } finally {
    await page.close();
  }
}

const VARIANTS: ReadyVariant[] = ['lws', 'noLws', 'bare'];
const empty = (): Record<ReadyVariant, Load[]> => ({ lws: [], noLws: [], bare: [] });

/** Interleaved loads of every variant, cold then warm, so the machine's load spreads over all of them. */
export async function measureReady(lab: WorkbenchLab, bare: BareServer): Promise<ReadySamples> {
  const samples: ReadySamples = { cold: empty(), warm: empty() };
  for (let i = 0; i < LOADS; i++) {
    for (const variant of VARIANTS) {
      const context = await lab.browser.newContext();
      const { url, marks } = target(lab, bare, variant);
      try {
        samples.cold[variant].push(await loadOnce(context, url, marks));
      } finally {
        await context.close();
      }
    }
  }
  const contexts = await Promise.all(VARIANTS.map(() => lab.browser.newContext()));
  try {
    for (let i = -1; i < LOADS; i++) {
      for (const [n, variant] of VARIANTS.entries()) {
        const { url, marks } = target(lab, bare, variant);
        const load = await loadOnce(contexts[n] as BrowserContext, url, marks);
        // The first load of each context fills it: not counted.
        if (i >= 0) samples.warm[variant].push(load);
      }
    }
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
  return samples;
}

const started = (loads: Load[]) => loads.map((l) => l.startToReady);
const navigated = (loads: Load[]) => loads.map((l) => l.navigationToReady);

export function b7(samples: ReadySamples): Figure {
  const { cold, warm } = samples;
  const warmRatio = ratio(median(started(warm.lws)), median(started(warm.bare)));
  const coldRatio = ratio(median(started(cold.lws)), median(started(cold.bare)));
  return {
    id: 'B7',
    name: 'ready: softphone LWC start → registered (workbench, LWS on), warm median',
    unit: 'ms',
    value: round(median(started(warm.lws))),
    baseline: round(median(started(warm.bare))),
    ratio: warmRatio,
    goal: 'ratio <= 1.20, warm and cold',
    pass: warmRatio <= 1.2 && coldRatio <= 1.2,
    detail: {
      warm: { softphone: summary(started(warm.lws)), bare: summary(started(warm.bare)), ratio: warmRatio },
      cold: { softphone: summary(started(cold.lws)), bare: summary(started(cold.bare)), ratio: coldRatio },
      p95RatioWarm: ratio(p95(started(warm.lws)), p95(started(warm.bare))),
      // Where the softphone's start goes (warm, ms after its start): what the rest is, is the core's own.
      warmCoreScriptReceived: summary(warm.lws.flatMap((l) => l.coreFetched ?? [])),
      warmLastApexAnswered: summary(warm.lws.flatMap((l) => l.apexAnswered ?? [])),
      warmWithoutLws: summary(started(warm.noLws)),
      coldWithoutLws: summary(started(cold.noLws)),
      agent: `workbench agent ${AGENT}, Lightning Web Security on`,
    },
    samples: {
      'softphone warm': started(warm.lws),
      'bare SIP.js warm': started(warm.bare),
      'softphone cold': started(cold.lws),
      'bare SIP.js cold': started(cold.bare),
    },
  };
}

export function b7Load(samples: ReadySamples): Figure {
  const { cold, warm } = samples;
  const value = median(navigated(warm.lws));
  return {
    id: 'B7L',
    name: 'agent page load: navigation start → phone registered (workbench, LWS on), warm median',
    unit: 'ms',
    value: round(value),
    baseline: round(median(navigated(warm.bare))),
    ratio: ratio(value, median(navigated(warm.bare))),
    goal: 'value <= 1000 ms',
    pass: value <= 1000,
    detail: {
      warm: { softphone: summary(navigated(warm.lws)), bare: summary(navigated(warm.bare)) },
      cold: { softphone: summary(navigated(cold.lws)), bare: summary(navigated(cold.bare)) },
      softphoneStartAfterNavigationWarm: summary(warm.lws.map((l) => l.navigationToReady - l.startToReady)),
    },
    samples: { 'agent page warm': navigated(warm.lws), 'bare page warm': navigated(warm.bare) },
  };
}
