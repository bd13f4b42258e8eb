import { startRinging } from 'c/softphoneRinger';

/** Records what the ringer does with WebAudio. */
function fakeAudioContext() {
  const made = { contexts: [], oscillators: [], gains: [] };
  class FakeAudioContext {
    constructor() {
      this.currentTime = 10;
      this.destination = {};
      this.close = jest.fn(() => Promise.resolve());
      this.resume = jest.fn(() => Promise.resolve());
      made.contexts.push(this);
    }
    createGain() {
      const gain = { gain: { value: 1, setValueAtTime: jest.fn() }, connect: jest.fn() };
      made.gains.push(gain);
      return gain;
    }
    createOscillator() {
      const oscillator = { frequency: { value: 0 }, connect: jest.fn(), start: jest.fn(), stop: jest.fn() };
      made.oscillators.push(oscillator);
      return oscillator;
    }
  }
  return { FakeAudioContext, made };
}

describe('c-softphone-ringer', () => {
  it('rings two tones on a two seconds on, four off cadence until stopped', () => {
    const { FakeAudioContext, made } = fakeAudioContext();

    const stop = startRinging('ring', FakeAudioContext);

    expect(made.oscillators.map((o) => o.frequency.value)).toEqual([440, 480]);
    const schedule = made.gains[0].gain.setValueAtTime.mock.calls;
    expect(schedule.slice(0, 4)).toEqual([
      [0.08, 10],
      [0, 12],
      [0.08, 16],
      [0, 18],
    ]);
    stop();
    stop();
    expect(made.oscillators.every((o) => o.stop.mock.calls.length === 1)).toBe(true);
    expect(made.contexts[0].close).toHaveBeenCalledTimes(1);
  });

  it('beeps briefly for a call waiting', () => {
    const { FakeAudioContext, made } = fakeAudioContext();

    startRinging('callWaiting', FakeAudioContext);

    expect(made.oscillators.map((o) => o.frequency.value)).toEqual([440]);
    expect(made.gains[0].gain.setValueAtTime.mock.calls[1]).toEqual([0, 10.3]);
  });

  it('stays silent in deskphone mode and where WebAudio is missing', () => {
    const { FakeAudioContext, made } = fakeAudioContext();

    startRinging('notify', FakeAudioContext)();
    startRinging('ring', undefined)();

    expect(made.contexts).toEqual([]);
  });
});
