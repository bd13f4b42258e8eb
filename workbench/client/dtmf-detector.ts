// Hears keypad tones in received audio, as a person (or an IVR) on the customer's side would. Chromium's
// NetEq plays RFC 4733 telephone-events out as their dual tones, so the tones are in the remote stream;
// a digit is a row frequency and a column frequency both well above every other DTMF frequency.

const ROWS = [697, 770, 852, 941];
const COLUMNS = [1209, 1336, 1477, 1633];
const KEYS = ['123A', '456B', '789C', '*0#D'];
/** Each tone of a digit must stand out this far (dB) above the other frequencies of its group. */
const DOMINANCE_DB = 10;
/** And be audible at all (dBFS of the strongest bin). */
const FLOOR_DB = -60;
const POLL_MS = 15;

export class DtmfDetector {
  private readonly analyser: AnalyserNode;
  private readonly source: MediaStreamAudioSourceNode;
  private readonly timer: ReturnType<typeof setInterval>;
  private current = '';
  private candidate = '';
  private seen = 0;

  constructor(
    private readonly context: AudioContext,
    stream: MediaStream,
    onDigit: (digit: string) => void,
  ) {
    this.source = context.createMediaStreamSource(stream);
    this.analyser = context.createAnalyser();
    this.analyser.fftSize = 2048;
    this.analyser.smoothingTimeConstant = 0;
    this.source.connect(this.analyser);
    const bins = new Float32Array(this.analyser.frequencyBinCount);
    this.timer = setInterval(() => {
      this.analyser.getFloatFrequencyData(bins);
      const digit = this.digitIn(bins);
      // Two readings in a row make a tone; a digit counts once until its tone stops.
      this.seen = digit === this.candidate ? this.seen + 1 : 1;
      this.candidate = digit;
      if (this.seen < 2 || digit === this.current) return;
      this.current = digit;
      if (digit) onDigit(digit);
    }, POLL_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.source.disconnect();
  }

  private level(bins: Float32Array, hz: number): number {
    const i = Math.round(hz / (this.context.sampleRate / this.analyser.fftSize));
    return Math.max(bins[i - 1] ?? -Infinity, bins[i] ?? -Infinity, bins[i + 1] ?? -Infinity);
  }

  private strongest(bins: Float32Array, group: number[]): number {
    const levels = group.map((hz) => this.level(bins, hz));
    const top = Math.max(...levels);
    const best = levels.indexOf(top);
    const others = levels.filter((_, i) => i !== best);
    const loud = top > FLOOR_DB && others.every((l) => top - l > DOMINANCE_DB);
    return loud ? best : -1;
  }

  private digitIn(bins: Float32Array): string {
    const row = this.strongest(bins, ROWS);
    const column = this.strongest(bins, COLUMNS);
    return row < 0 || column < 0 ? '' : (KEYS[row]?.[column] ?? '');
  }
}
