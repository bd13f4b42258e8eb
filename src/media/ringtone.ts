// The ring of an incoming call, generated with WebAudio (no sound file to ship) and played on the
// agent's chosen output. start() returns its stop function, which is the contract of the `alert` option.
import { setAudioOutput } from './audio-devices';

export interface RingtoneOptions {
  /** The speaker to ring on ('' or absent: the system default). */
  sinkId?: string;
  /** Creates the element that plays the ring (default: new Audio()); injectable for tests. */
  element?: () => HTMLMediaElement;
  /** Called when the chosen output cannot be used; the ring then plays on the default output. */
  onError?: (error: unknown) => void;
}

/** A North American ring: 440 + 480 Hz, two seconds on, four off. */
const FREQUENCIES = [440, 480];
const ON_S = 2;
const PERIOD_S = 6;
/** How many periods are scheduled ahead; a ring that lasts longer is rescheduled. */
const SCHEDULED_PERIODS = 10;

export class Ringtone {
  constructor(
    private readonly context: AudioContext,
    private readonly options: RingtoneOptions = {},
  ) {}

  /** Starts ringing; returns the function that stops it. */
  start(): () => void {
    const { context } = this;
    const gain = context.createGain();
    const output = context.createMediaStreamDestination();
    gain.connect(output);
    const oscillators = FREQUENCIES.map((frequency) => {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start();
      return oscillator;
    });
    const schedule = (from: number) => {
      for (let i = 0; i < SCHEDULED_PERIODS; i++) {
        const start = from + i * PERIOD_S;
        gain.gain.setValueAtTime(0.2, start);
        gain.gain.setValueAtTime(0, start + ON_S);
      }
    };
    schedule(context.currentTime);
    const reschedule = setInterval(
      () => schedule(context.currentTime),
      SCHEDULED_PERIODS * PERIOD_S * 1000 - 1000,
    );
    const element = this.options.element?.() ?? new Audio();
    element.srcObject = output.stream;
    const sinkId = this.options.sinkId;
    const ready = sinkId
      ? setAudioOutput(element, sinkId).catch((e: unknown) => this.options.onError?.(e))
      : undefined;
    let stopped = false;
    void Promise.resolve(ready).then(() => (stopped ? undefined : element.play().catch(() => undefined)));
    return () => {
      if (stopped) return;
      stopped = true;
      clearInterval(reschedule);
      for (const oscillator of oscillators) {
        oscillator.stop();
        oscillator.disconnect();
      }
      gain.disconnect();
      element.pause();
      element.srcObject = null;
    };
  }
}
