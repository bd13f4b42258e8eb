// The sounds that alert the agent, generated with WebAudio (no sound file to ship) and played on the
// agent's chosen ringer output. start() returns its stop function, which is the contract of the `alert`
// option of createSoftphone.
import { setAudioOutput } from './audio-devices';
import { playCadence, type Cadence } from './cadence';

/** The alert sounds, by the statechart's AlertTone names. */
export type RingtoneTone = 'ring' | 'recall' | 'transferReturned' | 'callWaiting' | 'notify';

export interface RingtoneOptions {
  /** The speaker to ring on ('' or absent: the system default), read at each start. */
  sinkId?: string | (() => string);
  /** Creates the element that plays the ring (default: new Audio()); injectable for tests. */
  element?: () => HTMLMediaElement;
  /** Called when the chosen output cannot be used; the ring then plays on the default output. */
  onError?: (error: unknown) => void;
}

/** A North American ring: 440 + 480 Hz, two seconds on, four off. */
const RING: Cadence = { frequencies: [440, 480], onSeconds: 2, periodSeconds: 6, volume: 0.2 };
const CADENCES: Record<RingtoneTone, Cadence | null> = {
  ring: RING,
  recall: RING,
  transferReturned: RING,
  // A short, quiet beep now and then over the call in progress.
  callWaiting: { frequencies: [440], onSeconds: 0.3, periodSeconds: 10, volume: 0.08 },
  // Deskphone mode: the agent's own phone rings; the panel stays silent.
  notify: null,
};

function silence(): void {}

export class Ringtone {
  constructor(
    private readonly context: AudioContext,
    private readonly options: RingtoneOptions = {},
  ) {}

  /** Starts the tone (default: ring); returns the function that stops it. */
  start(tone: RingtoneTone = 'ring'): () => void {
    const cadence = CADENCES[tone];
    if (!cadence) return silence;
    const { context } = this;
    // A context created outside a click may start suspended; the agent has usually interacted with the page.
    if (context.state === 'suspended') context.resume().catch(silence);
    const output = context.createMediaStreamDestination();
    const stopTone = playCadence(context, output, cadence);
    const element = this.options.element?.() ?? new Audio();
    element.srcObject = output.stream;
    const sinkId = typeof this.options.sinkId === 'function' ? this.options.sinkId() : this.options.sinkId;
    const ready = sinkId
      ? setAudioOutput(element, sinkId).catch((e: unknown) => this.options.onError?.(e))
      : undefined;
    let stopped = false;
    void Promise.resolve(ready).then(() => (stopped ? undefined : element.play().catch(silence)));
    return () => {
      if (stopped) return;
      stopped = true;
      stopTone();
      element.pause();
      element.srcObject = null;
    };
  }
}
