// Rings in the browser while a call alerts the agent: a WebAudio tone scheduled on the audio clock, so
// no timer runs and stopping is one call. Tones follow the core's AlertTone names.

const RING = { frequencies: [440, 480], onSeconds: 2, offSeconds: 4 };
const TONES = {
  ring: RING,
  recall: RING,
  transferReturned: RING,
  // A short beep now and then over the call in progress.
  callWaiting: { frequencies: [440], onSeconds: 0.3, offSeconds: 9.7 },
  // Deskphone mode: the agent's own phone rings; the panel stays silent.
  notify: null,
};
/** Longer than any incoming call rings (the SIP layer gives up after two minutes). */
const SCHEDULED_SECONDS = 180;
const VOLUME = 0.08;

function ignore() {
  return undefined;
}

/** Starts the tone of `tone`; returns the function that stops it. Silent where WebAudio is missing. */
export function startRinging(tone, audioContextClass = globalThis.AudioContext) {
  const cadence = TONES[tone];
  if (!cadence || typeof audioContextClass !== 'function') return ignore;
  let context;
  try {
    context = new audioContextClass();
  } catch {
    return ignore;
  }
  const gain = context.createGain();
  gain.gain.value = 0;
  gain.connect(context.destination);
  const period = cadence.onSeconds + cadence.offSeconds;
  for (let at = 0; at < SCHEDULED_SECONDS; at += period) {
    gain.gain.setValueAtTime(VOLUME, context.currentTime + at);
    gain.gain.setValueAtTime(0, context.currentTime + at + cadence.onSeconds);
  }
  const oscillators = cadence.frequencies.map((frequency) => {
    const oscillator = context.createOscillator();
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    oscillator.start();
    return oscillator;
  });
  // A context created outside a click may start suspended; the agent has usually interacted with the page.
  Promise.resolve(context.resume?.()).catch(ignore);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    oscillators.forEach((oscillator) => oscillator.stop());
    Promise.resolve(context.close()).catch(ignore);
  };
}
