import { AudioDevicePreferences, openMicrophone, Ringtone } from '..';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: jest.fn((key: string, value: string) => void items.set(key, value)),
    items,
  };
}

describe("the agent's audio device choice", () => {
  test('is kept in browser storage and read back', () => {
    const storage = memoryStorage();
    const preferences = new AudioDevicePreferences(storage);
    expect(preferences.load()).toEqual({ microphone: '', speaker: '', ringer: '' });

    expect(preferences.save({ microphone: 'mic-2', speaker: 'spk-2', ringer: '' })).toBe(true);

    expect(new AudioDevicePreferences(storage).load()).toEqual({
      microphone: 'mic-2',
      speaker: 'spk-2',
      ringer: '',
    });
  });

  test.each([
    ['corrupt JSON', '{'],
    ['a foreign value', '"mic-2"'],
    ['wrong types and extra members', '{"microphone": 3, "speaker": null, "ringer": "spk-1", "x": "y"}'],
    ['an overlong id', JSON.stringify({ microphone: 'm'.repeat(600) })],
  ])('reads %s as the system defaults, keeping what is valid', (_, stored) => {
    const preferences = new AudioDevicePreferences(memoryStorage({ 'softphone.audioDevices': stored }));
    const choice = preferences.load();
    expect(choice.microphone).toBe('');
    expect(choice.speaker).toBe('');
    expect(Object.keys(choice).sort()).toEqual(['microphone', 'ringer', 'speaker']);
  });

  test('storage that refuses the write (full, private mode) keeps the choice for this page only', () => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(new AudioDevicePreferences(storage).save({ microphone: 'a', speaker: '', ringer: '' })).toBe(
      false,
    );
    expect(new AudioDevicePreferences(undefined).save({ microphone: 'a', speaker: '', ringer: '' })).toBe(
      false,
    );
  });
});

describe('opening the microphone', () => {
  const stream = { id: 'stream' } as unknown as MediaStream;

  test('opens the chosen input exactly', async () => {
    const getUserMedia = jest.fn(() => Promise.resolve(stream));
    await expect(openMicrophone('mic-2', { getUserMedia })).resolves.toBe(stream);
    expect(getUserMedia).toHaveBeenCalledWith({ audio: { deviceId: { exact: 'mic-2' } }, video: false });
  });

  test('falls back to the system default when the chosen input is gone, and says so', async () => {
    const gone = Object.assign(new Error('gone'), { name: 'OverconstrainedError' });
    const getUserMedia = jest.fn().mockRejectedValueOnce(gone).mockResolvedValueOnce(stream);
    const onFallback = jest.fn();

    await expect(openMicrophone('mic-gone', { getUserMedia }, onFallback)).resolves.toBe(stream);

    expect(getUserMedia).toHaveBeenLastCalledWith({ audio: true, video: false });
    expect(onFallback).toHaveBeenCalledTimes(1);
  });

  test("a refused microphone is the browser's error, not a silent fallback", async () => {
    const refused = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    const getUserMedia = jest.fn(() => Promise.reject(refused));
    await expect(openMicrophone('mic-2', { getUserMedia })).rejects.toBe(refused);
    expect(getUserMedia).toHaveBeenCalledTimes(1);
  });

  test('without getUserMedia it rejects with NotSupportedError', async () => {
    await expect(openMicrophone('', undefined)).rejects.toMatchObject({ name: 'NotSupportedError' });
  });
});

describe('alert tones', () => {
  function fakeContext() {
    const node = () => ({ connect: jest.fn(), disconnect: jest.fn() });
    const oscillators: number[] = [];
    const gainSteps: [number, number][] = [];
    const context = {
      currentTime: 0,
      state: 'running',
      createGain: () => ({
        ...node(),
        gain: { setValueAtTime: (v: number, t: number) => gainSteps.push([v, t]) },
      }),
      createMediaStreamDestination: () => ({ ...node(), stream: { id: 'ring' } }),
      createOscillator: () => {
        const o = { ...node(), frequency: { value: 0 }, start: jest.fn(), stop: jest.fn() };
        queueMicrotask(() => oscillators.push(o.frequency.value));
        return o;
      },
    };
    return { context: context as unknown as AudioContext, oscillators, gainSteps };
  }
  const element = () =>
    ({
      srcObject: null,
      play: jest.fn(() => Promise.resolve()),
      pause: jest.fn(),
      setSinkId: jest.fn(() => Promise.resolve()),
    }) as unknown as HTMLMediaElement;

  test('call waiting is a short quiet beep every ten seconds over the call', async () => {
    const { context, oscillators, gainSteps } = fakeContext();
    const stop = new Ringtone(context, { element }).start('callWaiting');
    await Promise.resolve();
    expect(oscillators).toEqual([440]);
    expect(gainSteps.slice(0, 3)).toEqual([
      [0.08, 0],
      [0, 0.3],
      [0.08, 10],
    ]);
    stop();
  });

  test('deskphone mode is silent: the agent’s own phone rings', () => {
    const { context, gainSteps } = fakeContext();
    const make = jest.fn(element);
    const stop = new Ringtone(context, { element: make }).start('notify');
    expect(make).not.toHaveBeenCalled();
    expect(gainSteps).toEqual([]);
    stop();
  });

  test('rings on the ringer chosen when the call arrives', async () => {
    let ringer = 'spk-1';
    const played = element();
    const ringtone = new Ringtone(fakeContext().context, { sinkId: () => ringer, element: () => played });
    ringer = 'spk-2';
    const stop = ringtone.start('ring');
    await Promise.resolve();
    expect((played as unknown as { setSinkId: jest.Mock }).setSinkId).toHaveBeenCalledWith('spk-2');
    stop();
  });
});
