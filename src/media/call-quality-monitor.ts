// Polls each connected call's getStats and keeps an E-model estimate of how it sounds, telling the host
// when a call's rating (good / fair / poor) changes. Calls without a peer connection (Node) have none.
import type { CallQuality } from './call-quality';
import { estimateCallQuality } from './estimate-call-quality';
import { qualitySampleFromStats, type QualityCounters } from './quality-sample-from-stats';

export interface CallQualityMonitorOptions {
  /** A call's peer connection by Call-ID (SipPhone.media(callId)?.peerConnection). */
  peerConnection: (callId: string) => RTCPeerConnection | undefined;
  /** Called when a call's rating changes (or it gets its first one). */
  onChange: (callId: string, quality: CallQuality) => void;
  /** Polling interval, default 5000 ms. */
  intervalMs?: number;
}

interface Tracked {
  timer: ReturnType<typeof setInterval>;
  counters?: QualityCounters;
  quality?: CallQuality;
}

export class CallQualityMonitor {
  private readonly calls = new Map<string, Tracked>();

  constructor(private readonly options: CallQualityMonitorOptions) {}

  /** The latest estimate of a call, undefined before its first reading. */
  quality(callId: string): CallQuality | undefined {
    return this.calls.get(callId)?.quality;
  }

  /** Starts polling a connected call (again: no effect). */
  track(callId: string): void {
    if (this.calls.has(callId)) return;
    const tracked: Tracked = {
      timer: setInterval(() => void this.poll(callId, tracked), this.options.intervalMs ?? 5000),
    };
    this.calls.set(callId, tracked);
  }

  untrack(callId: string): void {
    const tracked = this.calls.get(callId);
    if (tracked) clearInterval(tracked.timer);
    this.calls.delete(callId);
  }

  stop(): void {
    for (const callId of [...this.calls.keys()]) this.untrack(callId);
  }

  private async poll(callId: string, tracked: Tracked): Promise<void> {
    const pc = this.options.peerConnection(callId);
    if (!pc) return;
    const stats = await pc.getStats().catch(() => undefined);
    if (!stats || this.calls.get(callId) !== tracked) return;
    const reading = qualitySampleFromStats(stats.values() as Iterable<{ type: string }>, tracked.counters);
    if (!reading) return;
    tracked.counters = reading.counters;
    const quality = estimateCallQuality(reading.sample);
    const changed = tracked.quality?.rating !== quality.rating;
    tracked.quality = quality;
    if (changed) this.options.onChange(callId, quality);
  }
}
