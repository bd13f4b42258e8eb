// In-band DTMF (ITU-T Q.23/Q.24) decoded from audio samples with the Goertzel algorithm. WebRTC never
// exposes received RFC 4733 telephone-events, so a key pressed on the agent's own phone in deskphone
// mode is heard as tones in the remote audio. Pure: samples in, keys out, any sample rate.

const ROWS = [697, 770, 852, 941] as const;
const COLUMNS = [1209, 1336, 1477, 1633] as const;
const KEYS = ['123A', '456B', '789C', '*0#D'] as const;

/**
 * One analysis block lasts 205 samples at 8 kHz (25.6 ms), the classic Goertzel DTMF block; blocks overlap
 * by half, so a key is seen in two blocks once it lasts 38.4 ms wherever it starts (ITU-T Q.24: keys of
 * 40 ms must be heard). Measured in Chromium: RFC 4733 events of 100 ms come out of NetEq as 30–45 ms of
 * tone, which back-to-back blocks often missed.
 */
const BLOCK_SECONDS = 205 / 8000;
/** Share of its block a key must fill in one of its two blocks: a blip shorter than a block is not a key. */
const FULL_BLOCK_SHARE = 0.75;

export interface DtmfDetectorOptions {
  sampleRate: number;
  /** Share of the block's energy the two tones must carry (0..1); default 0.6 (about 2 dB SNR). */
  minToneShare?: number;
  /** Quietest accepted signal, RMS of samples in -1..1; default 0.002 (about -54 dBFS). */
  minRms?: number;
  /** Column tone weaker than the row tone, in dB (normal twist); default 8. */
  maxNormalTwistDb?: number;
  /** Row tone weaker than the column tone, in dB (reverse twist); default 6. */
  maxReverseTwistDb?: number;
  /** Consecutive (half-overlapping) blocks with the same key before it counts; default 2. */
  confirmBlocks?: number;
}

/**
 * Goertzel power of `frequency` over one block (normalised by the caller). Indexed loops over a plain array:
 * under Lightning Web Security a typed array's iterator and elements are reached through the sandbox's
 * membrane, which made the audio callback outlast its 21 ms and froze the page.
 */
function goertzel(block: readonly number[], coefficient: number): number {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < block.length; i++) {
    const s0 = (block[i] ?? 0) + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
}

function strongest(powers: number[]): { index: number; power: number; runnerUp: number } {
  let index = 0;
  for (let i = 1; i < powers.length; i++) if ((powers[i] ?? 0) > (powers[index] ?? 0)) index = i;
  const power = powers[index] ?? 0;
  const runnerUp = Math.max(0, ...powers.filter((_, i) => i !== index));
  return { index, power, runnerUp };
}

const db = (ratio: number) => 10 * Math.log10(ratio);

/**
 * Feed it audio in chunks of any length with push(); it returns each key once, when the key has
 * sounded for `confirmBlocks` blocks, and only reports the same key again after a pause.
 */
export class DtmfDetector {
  readonly blockSize: number;
  private readonly rowCoefficients: number[];
  private readonly columnCoefficients: number[];
  private readonly block: number[];
  private filled = 0;
  private candidate: string | null = null;
  private candidateBlocks = 0;
  /** One of the candidate's blocks was (nearly) all key, not the edge of a blip. */
  private candidateFull = false;
  private reported: string | null = null;
  private readonly minToneShare: number;
  private readonly minRms: number;
  private readonly maxNormalTwistDb: number;
  private readonly maxReverseTwistDb: number;
  private readonly confirmBlocks: number;

  constructor(options: DtmfDetectorOptions) {
    if (!(options.sampleRate >= 4000)) {
      throw new RangeError(`DTMF needs audio sampled at 4 kHz or more, not ${options.sampleRate} Hz.`);
    }
    this.blockSize = Math.round(options.sampleRate * BLOCK_SECONDS);
    const coefficient = (f: number) => 2 * Math.cos((2 * Math.PI * f) / options.sampleRate);
    this.rowCoefficients = ROWS.map(coefficient);
    this.columnCoefficients = COLUMNS.map(coefficient);
    this.block = new Array<number>(this.blockSize).fill(0);
    this.minToneShare = options.minToneShare ?? 0.6;
    this.minRms = options.minRms ?? 0.002;
    this.maxNormalTwistDb = options.maxNormalTwistDb ?? 8;
    this.maxReverseTwistDb = options.maxReverseTwistDb ?? 6;
    this.confirmBlocks = options.confirmBlocks ?? 2;
  }

  /** Analyses `samples` (-1..1) after what came before; returns the keys that were confirmed in them. */
  push(samples: ArrayLike<number>): string[] {
    const keys: string[] = [];
    for (let i = 0; i < samples.length; i++) {
      this.block[this.filled++] = samples[i] ?? 0;
      if (this.filled < this.blockSize) continue;
      const key = this.onBlock(this.classify(this.block));
      if (key) keys.push(key);
      // The second half of this block starts the next one.
      const half = this.blockSize >> 1;
      this.block.copyWithin(0, this.blockSize - half);
      this.filled = half;
    }
    return keys;
  }

  /** Forgets partial blocks and the key in progress (a new call). */
  reset(): void {
    this.filled = 0;
    this.candidate = null;
    this.candidateBlocks = 0;
    this.candidateFull = false;
    this.reported = null;
  }

  /** The key one block carries and the share of the block's energy its tones have, or null. */
  private classify(block: readonly number[]): { key: string; share: number } | null {
    let energy = 0;
    for (let i = 0; i < block.length; i++) energy += (block[i] ?? 0) ** 2;
    const n = block.length;
    if (Math.sqrt(energy / n) < this.minRms) return null;
    // A sinusoid of amplitude A gives Goertzel power (A·N/2)²; the block's energy is N·A²/2.
    const scale = (energy * n) / 2;
    const rows = strongest(this.rowCoefficients.map((c) => goertzel(block, c) / scale));
    const columns = strongest(this.columnCoefficients.map((c) => goertzel(block, c) / scale));
    const share = rows.power + columns.power;
    if (share < this.minToneShare) return null;
    // Each group has one clear tone: a neighbour within 6 dB is speech or music, not a key.
    if (rows.runnerUp * 4 > rows.power || columns.runnerUp * 4 > columns.power) return null;
    const twist = db(rows.power / columns.power);
    if (twist > this.maxNormalTwistDb || -twist > this.maxReverseTwistDb) return null;
    const key = KEYS[rows.index]?.[columns.index];
    return key ? { key, share } : null;
  }

  private onBlock(heard: { key: string; share: number } | null): string | null {
    if (heard === null) {
      this.candidate = null;
      this.candidateBlocks = 0;
      this.candidateFull = false;
      this.reported = null;
      return null;
    }
    const { key } = heard;
    if (key !== this.candidate) {
      this.candidate = key;
      this.candidateBlocks = 0;
      this.candidateFull = false;
    }
    this.candidateBlocks++;
    this.candidateFull ||= heard.share >= FULL_BLOCK_SHARE;
    if (this.candidateBlocks < this.confirmBlocks || !this.candidateFull || this.reported === key)
      return null;
    this.reported = key;
    return key;
  }
}

/** The two frequencies (row, column) of a DTMF key, for generating tones. */
export function dtmfFrequencies(key: string): [number, number] {
  for (let row = 0; row < KEYS.length; row++) {
    const column = KEYS[row]?.indexOf(key.toUpperCase()) ?? -1;
    if (column >= 0) return [ROWS[row] as number, COLUMNS[column] as number];
  }
  throw new RangeError(`"${key}" is not a DTMF key (0-9, *, #, A-D).`);
}
