import { estimateCallQuality, mosFromR } from '..';

describe('call quality (E-model, ITU-T G.107)', () => {
  test('a clean network sounds good: R 92.7, MOS 4.4', () => {
    expect(estimateCallQuality({ rttMs: 0, jitterMs: 0, lossPercent: 0 })).toEqual({
      rFactor: 92.7,
      mos: 4.4,
      rating: 'good',
    });
  });

  test('an ordinary internet call (100 ms RTT, 10 ms jitter, 1 % loss) is still good', () => {
    const q = estimateCallQuality({ rttMs: 100, jitterMs: 10, lossPercent: 1 });
    expect(q.rFactor).toBeCloseTo(87.4, 1);
    expect(q.mos).toBeCloseTo(4.27, 2);
    expect(q.rating).toBe('good');
  });

  test('5 % loss makes a call fair', () => {
    const q = estimateCallQuality({ rttMs: 40, jitterMs: 5, lossPercent: 5 });
    expect(q.rFactor).toBeCloseTo(76.2, 1);
    expect(q.mos).toBeCloseTo(3.87, 2);
    expect(q.rating).toBe('fair');
  });

  test('long delay alone (600 ms RTT) drags a call down to fair', () => {
    const q = estimateCallQuality({ rttMs: 600, jitterMs: 30, lossPercent: 0 });
    expect(q.rFactor).toBeCloseTo(61.8, 1);
    expect(q.mos).toBeCloseTo(3.19, 2);
    expect(q.rating).toBe('fair');
  });

  test('heavy loss on a slow path is poor', () => {
    const q = estimateCallQuality({ rttMs: 300, jitterMs: 20, lossPercent: 15 });
    expect(q.rFactor).toBeCloseTo(49.0, 1);
    expect(q.mos).toBeCloseTo(2.52, 2);
    expect(q.rating).toBe('poor');
  });

  test('more loss, delay or jitter never improves the estimate', () => {
    let previous = estimateCallQuality({ rttMs: 0, jitterMs: 0, lossPercent: 0 }).mos;
    for (let step = 1; step <= 40; step++) {
      const mos = estimateCallQuality({ rttMs: step * 40, jitterMs: step * 3, lossPercent: step }).mos;
      expect(mos).toBeLessThanOrEqual(previous);
      previous = mos;
    }
  });

  test('nonsense figures from a broken stats report are read as zero or capped, never NaN', () => {
    expect(
      estimateCallQuality({ rttMs: Number.NaN, jitterMs: -5, lossPercent: Number.POSITIVE_INFINITY }),
    ).toEqual(estimateCallQuality({ rttMs: 0, jitterMs: 0, lossPercent: 0 }));
    expect(estimateCallQuality({ rttMs: 0, jitterMs: 0, lossPercent: 250 })).toEqual(
      estimateCallQuality({ rttMs: 0, jitterMs: 0, lossPercent: 100 }),
    );
    expect(estimateCallQuality({ rttMs: 1e9, jitterMs: 1e9, lossPercent: 100 })).toEqual({
      rFactor: 0,
      mos: 1,
      rating: 'poor',
    });
  });

  test('MOS follows G.107 Annex B at its ends and in between', () => {
    expect(mosFromR(-3)).toBe(1);
    expect(mosFromR(0)).toBe(1);
    expect(mosFromR(100)).toBe(4.5);
    expect(mosFromR(80)).toBeCloseTo(4.02, 2);
    expect(mosFromR(60)).toBeCloseTo(3.1, 2);
  });
});
