// A call-progress tone generated with WebAudio (no sound file to ship): frequencies switched on and off in
// a cadence. The agent's ringtone and the conference's ringback and busy signal are all one of these.

export interface Cadence {
  frequencies: number[];
  onSeconds: number;
  periodSeconds: number;
  volume: number;
}

/** How many periods are scheduled ahead; a tone that lasts longer is rescheduled. */
const SCHEDULED_PERIODS = 10;

/** Plays the cadence into `destination` from now on; returns what stops it. */
export function playCadence(context: BaseAudioContext, destination: AudioNode, cadence: Cadence): () => void {
  const gain = context.createGain();
  gain.connect(destination);
  const oscillators = cadence.frequencies.map((frequency) => {
    const oscillator = context.createOscillator();
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    oscillator.start();
    return oscillator;
  });
  const schedule = (from: number) => {
    for (let i = 0; i < SCHEDULED_PERIODS; i++) {
      const start = from + i * cadence.periodSeconds;
      gain.gain.setValueAtTime(cadence.volume, start);
      gain.gain.setValueAtTime(0, start + cadence.onSeconds);
    }
  };
  schedule(context.currentTime);
  const reschedule = setInterval(
    () => schedule(context.currentTime),
    (SCHEDULED_PERIODS * cadence.periodSeconds - 1) * 1000,
  );
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    clearInterval(reschedule);
    for (const oscillator of oscillators) {
      oscillator.stop();
      oscillator.disconnect();
    }
    gain.disconnect();
  };
}
