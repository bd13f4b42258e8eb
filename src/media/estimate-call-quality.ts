// The E-model (ITU-T G.107) reduced to what a browser can measure: delay impairment from the one-way delay
// (half the RTT plus a jitter buffer of twice the jitter plus the codec's own delay) and equipment
// impairment from random packet loss. Pure: the stats collection feeds it samples.
import type { CallQuality } from './call-quality';
import type { CallQualitySample } from './call-quality-sample';
import type { CodecImpairment } from './codec-impairment';

/** G.711 with packet loss concealment (G.113): the default; Opus behaves at least as well. */
export const G711_WITH_PLC: CodecImpairment = { ie: 0, bpl: 25.1, delayMs: 20 };

/** R for default values of every other E-model parameter (Ro − Is). */
const R_MAX = 93.2;

function finiteAtLeastZero(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** MOS from R (G.107 Annex B). */
export function mosFromR(r: number): number {
  if (r <= 0) return 1;
  if (r >= 100) return 4.5;
  // The cubic dips just under 1 for R below ~6.5: a MOS is never below 1.
  return Math.max(1, 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6);
}

export function estimateCallQuality(
  sample: CallQualitySample,
  codec: CodecImpairment = G711_WITH_PLC,
): CallQuality {
  const rtt = finiteAtLeastZero(sample.rttMs);
  const jitter = finiteAtLeastZero(sample.jitterMs);
  const loss = Math.min(100, finiteAtLeastZero(sample.lossPercent));
  const oneWayDelay = rtt / 2 + 2 * jitter + codec.delayMs;
  // Delay impairment Id: small below ~177 ms of one-way delay, steep above (talkers start to collide).
  const id = 0.024 * oneWayDelay + (oneWayDelay > 177.3 ? 0.11 * (oneWayDelay - 177.3) : 0);
  // Effective equipment impairment Ie,eff for random loss (BurstR = 1).
  const ieEff = codec.ie + ((95 - codec.ie) * loss) / (loss + codec.bpl);
  const rFactor = Math.max(0, Math.min(100, R_MAX - id - ieEff));
  const rating = rFactor >= 80 ? 'good' : rFactor >= 60 ? 'fair' : 'poor';
  return { rFactor: Math.round(rFactor * 10) / 10, mos: Math.round(mosFromR(rFactor) * 100) / 100, rating };
}
