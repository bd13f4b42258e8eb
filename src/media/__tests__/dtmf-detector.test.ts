import { connectPromptSamples } from '../connect-prompt';
import { DtmfDetector, dtmfFrequencies } from '../dtmf-detector';

const ALL_KEYS = '123A456B789C*0#D'.split('');

/** A seeded generator so the noise is the same on every run. */
function noiseSource(seed = 7): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Piece {
  key?: string;
  seconds: number;
  /** Amplitude of each tone, or of a single non-DTMF tone. */
  amplitude?: number;
  /** Column tone level relative to the row tone, in dB (negative: normal twist). */
  twistDb?: number;
  tone?: number;
}

/** Synthesised audio: DTMF keys, plain tones and silences, plus white noise at `noiseRms`. */
function synth(sampleRate: number, pieces: Piece[], noiseRms = 0): Float32Array {
  const total = pieces.reduce((sum, p) => sum + Math.round(p.seconds * sampleRate), 0);
  const out = new Float32Array(total);
  const random = noiseSource();
  // Uniform noise in [-a, a] has RMS a/√3.
  const noiseAmplitude = noiseRms * Math.sqrt(3);
  let offset = 0;
  for (const piece of pieces) {
    const n = Math.round(piece.seconds * sampleRate);
    const amplitude = piece.amplitude ?? 0.25;
    const [low, high] = piece.key ? dtmfFrequencies(piece.key) : [piece.tone ?? 0, 0];
    const highAmplitude = amplitude * 10 ** ((piece.twistDb ?? 0) / 20);
    for (let i = 0; i < n; i++) {
      const t = i / sampleRate;
      let sample = 0;
      if (low) sample += amplitude * Math.sin(2 * Math.PI * low * t);
      if (high) sample += highAmplitude * Math.sin(2 * Math.PI * high * t);
      out[offset + i] = sample + (random() * 2 - 1) * noiseAmplitude;
    }
    offset += n;
  }
  return out;
}

const gap = { seconds: 0.1 };

describe('DTMF detector (Goertzel)', () => {
  test.each([8000, 16000, 48000])('finds every key of the keypad at %i Hz', (sampleRate) => {
    const audio = synth(
      sampleRate,
      ALL_KEYS.flatMap((key) => [{ key, seconds: 0.1 }, gap]),
    );
    expect(new DtmfDetector({ sampleRate }).push(audio).join('')).toBe(ALL_KEYS.join(''));
  });

  test('a key held for two seconds counts once; the same key after a pause counts again', () => {
    const audio = synth(8000, [{ key: '5', seconds: 2 }, gap, { key: '5', seconds: 0.08 }, gap]);
    expect(new DtmfDetector({ sampleRate: 8000 }).push(audio)).toEqual(['5', '5']);
  });

  test('audio arriving in small uneven chunks gives the same keys as in one piece', () => {
    const audio = synth(48000, [gap, { key: '#', seconds: 0.1 }, gap, { key: '7', seconds: 0.1 }, gap]);
    const detector = new DtmfDetector({ sampleRate: 48000 });
    const keys: string[] = [];
    // 128-sample chunks are what an AudioWorklet/ScriptProcessor delivers; 37 is deliberately odd.
    for (let i = 0; i < audio.length; i += 37) keys.push(...detector.push(audio.subarray(i, i + 37)));
    expect(keys).toEqual(['#', '7']);
  });

  test('keys are still found under white noise 10 dB below the tones', () => {
    // Two tones of 0.25 have a total RMS of 0.25; noise 10 dB lower is 0.079 RMS.
    const audio = synth(
      8000,
      ALL_KEYS.flatMap((key) => [{ key, seconds: 0.07 }, gap]),
      0.079,
    );
    expect(new DtmfDetector({ sampleRate: 8000 }).push(audio).join('')).toBe(ALL_KEYS.join(''));
  });

  test('quiet keys at -30 dBFS are found, and nothing is found in silence or faint hiss', () => {
    const quiet = synth(8000, [{ key: '9', seconds: 0.1, amplitude: 0.022 }, gap]);
    expect(new DtmfDetector({ sampleRate: 8000 }).push(quiet)).toEqual(['9']);
    const hiss = synth(8000, [{ seconds: 2 }], 0.001);
    expect(new DtmfDetector({ sampleRate: 8000 }).push(hiss)).toEqual([]);
  });

  test('keys with 6 dB of twist either way are accepted; 12 dB of twist is not DTMF', () => {
    const detector = new DtmfDetector({ sampleRate: 8000 });
    expect(detector.push(synth(8000, [{ key: '1', seconds: 0.1, twistDb: -6 }, gap]))).toEqual(['1']);
    expect(detector.push(synth(8000, [{ key: '2', seconds: 0.1, twistDb: 5 }, gap]))).toEqual(['2']);
    expect(detector.push(synth(8000, [{ key: '3', seconds: 0.1, twistDb: -12 }, gap]))).toEqual([]);
    expect(detector.push(synth(8000, [{ key: '4', seconds: 0.1, twistDb: 12 }, gap]))).toEqual([]);
  });

  test('ringback, a dial tone, loud noise and a 25 ms blip are not keys', () => {
    const detector = new DtmfDetector({ sampleRate: 8000 });
    // A lone tone at a DTMF row frequency, ringback (440 + 480 Hz), loud white noise, a too-short key.
    expect(detector.push(synth(8000, [{ tone: 697, seconds: 1 }]))).toEqual([]);
    expect(
      detector.push(
        synth(8000, [
          { tone: 440, seconds: 1 },
          { tone: 480, seconds: 1 },
        ]),
      ),
    ).toEqual([]);
    expect(detector.push(synth(8000, [{ seconds: 2 }], 0.3))).toEqual([]);
    expect(detector.push(synth(8000, [gap, { key: '0', seconds: 0.025 }, gap]))).toEqual([]);
  });

  test.each([8000, 48000])(
    'at %i Hz a 40 ms key (ITU-T Q.24) is heard wherever it starts, and a 20 ms blip never is',
    (sampleRate) => {
      // Every start position across two analysis blocks, in steps of about 0.9 ms.
      for (let lead = 0; lead < 0.052; lead += 0.0009) {
        const key = synth(sampleRate, [{ seconds: 0.1 + lead }, { key: '6', seconds: 0.04 }, gap]);
        expect([lead, new DtmfDetector({ sampleRate }).push(key)]).toEqual([lead, ['6']]);
        const blip = synth(sampleRate, [{ seconds: 0.1 + lead }, { key: '6', seconds: 0.02 }, gap]);
        expect([lead, new DtmfDetector({ sampleRate }).push(blip)]).toEqual([lead, []]);
      }
    },
  );

  test('reset() forgets a key in progress, so a new call starts clean', () => {
    const detector = new DtmfDetector({ sampleRate: 8000 });
    expect(detector.push(synth(8000, [{ key: '8', seconds: 0.03 }]))).toEqual([]);
    detector.reset();
    expect(detector.push(synth(8000, [{ key: '8', seconds: 0.03 }]))).toEqual([]);
  });

  test('a sample rate too low for DTMF, and a key that is not DTMF, are clear errors', () => {
    expect(() => new DtmfDetector({ sampleRate: 1000 })).toThrow(/4 kHz or more/);
    expect(() => dtmfFrequencies('x')).toThrow(/not a DTMF key/);
  });
});

describe('the connect prompt', () => {
  test('is audible and never decoded as a key, even looped and under noise', () => {
    const period = connectPromptSamples(8000);
    const rms = Math.sqrt(period.reduce((sum, s) => sum + s * s, 0) / period.length);
    expect(rms).toBeGreaterThan(0.05);
    const detector = new DtmfDetector({ sampleRate: 8000 });
    const noise = synth(8000, [{ seconds: 2 }], 0.02);
    for (let i = 0; i < 5; i++) {
      expect(detector.push(period.map((s, j) => s + (noise[j] ?? 0)))).toEqual([]);
    }
  });
});
