// One CallQualitySample from a WebRTC stats report: jitter from inbound-rtp, RTT from
// remote-inbound-rtp, loss over the interval since the previous report (cumulative counters).
import type { CallQualitySample } from './call-quality-sample';

/** The counters a sample is computed from, kept between two readings. */
export interface QualityCounters {
  packetsReceived: number;
  packetsLost: number;
}

interface StatsEntry {
  type: string;
  kind?: string;
  jitter?: number;
  packetsReceived?: number;
  packetsLost?: number;
  roundTripTime?: number;
}

/**
 * The sample of the audio stream in `stats`, or undefined when it has no inbound audio yet. Loss counts
 * only what happened since `previous` (the whole call on the first reading).
 */
export function qualitySampleFromStats(
  stats: Iterable<StatsEntry>,
  previous?: QualityCounters,
): { sample: CallQualitySample; counters: QualityCounters } | undefined {
  let inbound: StatsEntry | undefined;
  let remote: StatsEntry | undefined;
  for (const entry of stats) {
    if (entry.kind !== undefined && entry.kind !== 'audio') continue;
    if (entry.type === 'inbound-rtp') inbound ??= entry;
    if (entry.type === 'remote-inbound-rtp') remote ??= entry;
  }
  if (!inbound) return undefined;
  const counters = {
    packetsReceived: inbound.packetsReceived ?? 0,
    packetsLost: Math.max(0, inbound.packetsLost ?? 0),
  };
  const received = counters.packetsReceived - (previous?.packetsReceived ?? 0);
  const lost = counters.packetsLost - (previous?.packetsLost ?? 0);
  const expected = received + Math.max(0, lost);
  return {
    sample: {
      rttMs: (remote?.roundTripTime ?? 0) * 1000,
      jitterMs: (inbound.jitter ?? 0) * 1000,
      lossPercent: expected > 0 ? (Math.max(0, lost) / expected) * 100 : 0,
    },
    counters,
  };
}
