import { CallQualityMonitor, qualitySampleFromStats } from '..';

type Entry = { type: string; kind?: string; [key: string]: unknown };

function fakePeerConnection(readings: Entry[][]): RTCPeerConnection {
  let i = 0;
  return {
    getStats: () => {
      const entries = readings[Math.min(i++, readings.length - 1)]!;
      return Promise.resolve(new Map(entries.map((e, n) => [String(n), e])));
    },
  } as unknown as RTCPeerConnection;
}

const inbound = (packetsReceived: number, packetsLost: number, jitter = 0.005): Entry => ({
  type: 'inbound-rtp',
  kind: 'audio',
  packetsReceived,
  packetsLost,
  jitter,
});
const remote = (roundTripTime: number): Entry => ({
  type: 'remote-inbound-rtp',
  kind: 'audio',
  roundTripTime,
});

describe('call quality from getStats', () => {
  test('a sample takes jitter from inbound-rtp, RTT from remote-inbound-rtp, and loss since the last reading', () => {
    const first = qualitySampleFromStats([inbound(90, 10, 0.02), remote(0.1)]);
    expect(first?.sample).toEqual({ rttMs: 100, jitterMs: 20, lossPercent: 10 });
    const second = qualitySampleFromStats([inbound(190, 10), remote(0.05)], first?.counters);
    expect(second?.sample).toEqual({ rttMs: 50, jitterMs: 5, lossPercent: 0 });
  });

  test('no inbound audio yet: no sample', () => {
    expect(qualitySampleFromStats([{ type: 'outbound-rtp', kind: 'audio' }])).toBeUndefined();
  });

  describe('CallQualityMonitor', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    test('rates a tracked call on each interval and reports only changes of rating', async () => {
      const pc = fakePeerConnection([
        [inbound(100, 0), remote(0.02)],
        [inbound(200, 0), remote(0.02)],
        [inbound(220, 80), remote(0.3)],
      ]);
      const onChange = jest.fn();
      const monitor = new CallQualityMonitor({ intervalMs: 1000, peerConnection: () => pc, onChange });
      monitor.track('c1');
      expect(monitor.quality('c1')).toBeUndefined();
      for (let i = 0; i < 3; i++) await jest.advanceTimersByTimeAsync(1000);
      expect(onChange.mock.calls.map(([id, q]) => [id, q.rating])).toEqual([
        ['c1', 'good'],
        ['c1', 'poor'],
      ]);
      expect(monitor.quality('c1')?.rating).toBe('poor');
      monitor.untrack('c1');
      await jest.advanceTimersByTimeAsync(5000);
      expect(onChange).toHaveBeenCalledTimes(2);
      expect(monitor.quality('c1')).toBeUndefined();
    });

    test('a call without a peer connection (no media) is never rated', async () => {
      const onChange = jest.fn();
      const monitor = new CallQualityMonitor({ intervalMs: 1000, peerConnection: () => undefined, onChange });
      monitor.track('c1');
      await jest.advanceTimersByTimeAsync(3000);
      monitor.stop();
      expect(onChange).not.toHaveBeenCalled();
    });
  });
});
