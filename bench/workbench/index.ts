// The figures measured on the real workbench (LWC build, Lightning Web Security, Kamailio): B7 ready, B8
// answer to audio, B10 the sandbox's overhead, B12 click-to-dial latency. One lab for all of them, started
// once on first use; only the measurements the wanted figures need are taken.
import { loadavg } from 'node:os';
import { median, p95, ratio, round, rounded, summary, type Figure } from '../figure';
import { b7, b7Load, measureReady, type ReadySamples } from './b7-ready';
import { b8, measureAnswers } from './b8-answer';
import { serveBarePage } from './bare-server';
import { agentOnAlice, calledPhone, measureDials, type DialSamples } from './dial-latency';
import { startWorkbenchLab, type WorkbenchLab } from './lab';

export type WorkbenchFigures = Record<string, Figure>;

async function dials(lab: WorkbenchLab, lws: boolean): Promise<DialSamples> {
  const errors: string[] = [];
  const called = await calledPhone(lab, errors);
  const agent = await agentOnAlice(lab, lws, errors);
  try {
    const samples = await measureDials(agent, called);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return samples;
  } finally {
    await Promise.all([called, agent].map((p) => p.context().close()));
  }
}

function b12(withLws: DialSamples): Figure {
  const value = median(withLws.clickToDial);
  const base = median(withLws.dialField);
  const r = ratio(value, base);
  return {
    id: 'B12',
    name: 'click-to-dial: click on a phone field (Open CTI bridge) → INVITE at the called phone, median',
    unit: 'ms',
    value: round(value),
    baseline: round(base),
    ratio: r,
    goal: 'for the record (baseline: the dial field)',
    pass: true,
    detail: {
      clickToDial: summary(withLws.clickToDial),
      dialField: summary(withLws.dialField),
      p95Ratio: ratio(p95(withLws.clickToDial), p95(withLws.dialField)),
      path: 'record page phone field → Open CTI onClickToDial in the bridge page → postMessage → utility',
    },
    samples: { 'click-to-dial': withLws.clickToDial, 'dial field': withLws.dialField },
  };
}

function b10(ready: ReadySamples, on: DialSamples, off: DialSamples): Figure {
  const warm = (variant: 'lws' | 'noLws') => ready.warm[variant].map((l) => l.startToReady);
  const cold = (variant: 'lws' | 'noLws') => ready.cold[variant].map((l) => l.startToReady);
  const ratios = {
    readyWarm: ratio(median(warm('lws')), median(warm('noLws'))),
    readyCold: ratio(median(cold('lws')), median(cold('noLws'))),
    dialField: ratio(median(on.dialField), median(off.dialField)),
    clickToDial: ratio(median(on.clickToDial), median(off.clickToDial)),
  };
  const worst = Math.max(...Object.values(ratios));
  return {
    id: 'B10',
    name: 'Lightning Web Security overhead: B7 ready (warm) with the sandbox / without, median',
    unit: 'ms',
    value: round(median(warm('lws'))),
    baseline: round(median(warm('noLws'))),
    ratio: ratios.readyWarm,
    goal: 'every ratio <= 1.10',
    pass: worst <= 1.1,
    detail: {
      ratios,
      readyWarm: { lws: summary(warm('lws')), noLws: summary(warm('noLws')) },
      readyCold: { lws: summary(cold('lws')), noLws: summary(cold('noLws')) },
      dialFieldToInvite: { lws: summary(on.dialField), noLws: summary(off.dialField) },
      clickToDialToInvite: { lws: summary(on.clickToDial), noLws: summary(off.clickToDial) },
    },
    samples: {
      'ready, LWS on': warm('lws'),
      'ready, LWS off': warm('noLws'),
      'dial field, LWS on': on.dialField,
      'dial field, LWS off': off.dialField,
    },
  };
}

const failures: Record<string, unknown> = {};

async function measure(wanted: (id: string) => boolean): Promise<WorkbenchFigures> {
  const lab = await startWorkbenchLab();
  const bare = await serveBarePage(lab.sip, lab.sipSecret);
  const figures: WorkbenchFigures = {};
  const load = () => ({ loadAverage: loadavg().map((l) => round(l)) });
  const timed = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const value = await run();
    process.stdout.write(`  ${what} in ${Math.round((Date.now() - started) / 1000)} s\n`);
    return value;
  };
  const withLoad = (f: Figure): Figure => ({
    ...f,
    detail: { ...f.detail, machine: load() },
    samples: Object.fromEntries(Object.entries(f.samples ?? {}).map(([k, v]) => [k, rounded(v)])),
  });
  // A failed measurement fails its own figures (with its error), never the others or the run.
  const attempt = async <T>(ids: string[], what: string, run: () => Promise<T>): Promise<T | undefined> => {
    if (!ids.some(wanted)) return undefined;
    try {
      return await timed(what, run);
    } catch (error) {
      for (const id of ids) failures[id] = error;
      return undefined;
    }
  };
  try {
    const ready = await attempt(['B7', 'B7L', 'B10'], 'B7 loads', () => measureReady(lab, bare));
    if (ready) [b7(ready), b7Load(ready)].forEach((f) => (figures[f.id] = withLoad(f)));
    const on = await attempt(['B12', 'B10'], 'dials, LWS on', () => dials(lab, true));
    if (on) figures.B12 = withLoad(b12(on));
    const off = await attempt(['B10'], 'dials, LWS off', () => dials(lab, false));
    if (ready && on && off) figures.B10 = withLoad(b10(ready, on, off));
    const answers = await attempt(['B8'], 'B8 answers', () => measureAnswers(lab, bare));
    if (answers) figures.B8 = withLoad(b8(answers));
    return figures;
  } finally {
    await bare.close();
    await lab.stop();
  }
}

/** The workbench figures, measured once when first asked for. */
export function workbenchFigures(wanted: (id: string) => boolean): () => Promise<WorkbenchFigures> {
  let measured: Promise<WorkbenchFigures> | undefined;
  return () => (measured ??= measure(wanted));
}

/** The figure `id` of a workbench measurement, or why it is missing. */
export async function workbenchFigure(all: () => Promise<WorkbenchFigures>, id: string): Promise<Figure> {
  const figure = (await all())[id];
  if (failures[id] !== undefined) throw failures[id];
  if (!figure) throw new Error(`${id} was not measured (a measurement it needs failed)`);
  return figure;
}
