import { listAudioDevices, MediaError, Ringtone, setAudioOutput } from '..';

const device = (kind: MediaDeviceKind, deviceId: string, label = '') =>
  ({ kind, deviceId, label, groupId: '' }) as MediaDeviceInfo;

function fakeElement(setSinkId?: (id: string) => Promise<void>) {
  return {
    srcObject: null as unknown,
    play: jest.fn(() => Promise.resolve()),
    pause: jest.fn(),
    ...(setSinkId ? { setSinkId: jest.fn(setSinkId) } : {}),
  } as unknown as HTMLMediaElement & { setSinkId?: jest.Mock; play: jest.Mock; pause: jest.Mock };
}

describe('audio devices', () => {
  test('lists microphones and speakers apart, naming those the browser does not label yet', async () => {
    const devices = {
      enumerateDevices: () =>
        Promise.resolve([
          device('audioinput', 'mic-1', 'Headset microphone'),
          device('videoinput', 'cam-1', 'Camera'),
          device('audioinput', 'mic-2'),
          device('audiooutput', 'spk-1', 'Headset'),
        ]),
    };
    await expect(listAudioDevices(devices)).resolves.toEqual({
      inputs: [
        { deviceId: 'mic-1', label: 'Headset microphone', kind: 'audioinput' },
        { deviceId: 'mic-2', label: 'Microphone 2', kind: 'audioinput' },
      ],
      outputs: [{ deviceId: 'spk-1', label: 'Headset', kind: 'audiooutput' }],
    });
  });

  test('without device listing (Node, old browsers) a typed error says so', async () => {
    await expect(listAudioDevices(undefined)).rejects.toMatchObject({ code: 'device-selection-unsupported' });
  });

  test('the output is chosen with setSinkId; a browser without it gets a typed error', async () => {
    const element = fakeElement(() => Promise.resolve());
    await setAudioOutput(element, 'spk-1');
    expect(element.setSinkId).toHaveBeenCalledWith('spk-1');
    const error = await setAudioOutput(fakeElement(), 'spk-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ code: 'output-selection-unsupported' });
  });

  test('a speaker that went away is a device-not-found error', async () => {
    const gone = Object.assign(new Error('gone'), { name: 'NotFoundError' });
    await expect(
      setAudioOutput(
        fakeElement(() => Promise.reject(gone)),
        'spk-9',
      ),
    ).rejects.toMatchObject({
      code: 'device-not-found',
    });
  });
});

describe('ringtone', () => {
  function fakeContext() {
    const node = () => ({ connect: jest.fn(), disconnect: jest.fn() });
    const oscillators: { frequency: { value: number }; start: jest.Mock; stop: jest.Mock }[] = [];
    const gainSteps: [number, number][] = [];
    const context = {
      currentTime: 0,
      createGain: () => ({
        ...node(),
        gain: { setValueAtTime: (v: number, t: number) => gainSteps.push([v, t]) },
      }),
      createMediaStreamDestination: () => ({ ...node(), stream: { id: 'ring' } }),
      createOscillator: () => {
        const o = { ...node(), frequency: { value: 0 }, start: jest.fn(), stop: jest.fn() };
        oscillators.push(o);
        return o;
      },
    };
    return { context: context as unknown as AudioContext, oscillators, gainSteps };
  }

  test('rings 440 + 480 Hz two seconds in six on the chosen speaker until stopped', async () => {
    const { context, oscillators, gainSteps } = fakeContext();
    const element = fakeElement(() => Promise.resolve());
    const stop = new Ringtone(context, { sinkId: 'spk-1', element: () => element }).start();
    for (let i = 0; i < 4; i++) await Promise.resolve();
    expect(oscillators.map((o) => o.frequency.value)).toEqual([440, 480]);
    expect(gainSteps.slice(0, 4)).toEqual([
      [0.2, 0],
      [0, 2],
      [0.2, 6],
      [0, 8],
    ]);
    expect(element.setSinkId).toHaveBeenCalledWith('spk-1');
    expect(element.play).toHaveBeenCalled();
    stop();
    expect(oscillators.every((o) => o.stop.mock.calls.length === 1)).toBe(true);
    expect(element.pause).toHaveBeenCalled();
    expect(element.srcObject).toBeNull();
  });

  test('an unusable speaker is reported and the ring plays on the default output', async () => {
    const { context } = fakeContext();
    const element = fakeElement();
    const onError = jest.fn();
    const stop = new Ringtone(context, { sinkId: 'spk-1', element: () => element, onError }).start();
    for (let i = 0; i < 4; i++) await Promise.resolve();
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'output-selection-unsupported' });
    expect(element.play).toHaveBeenCalled();
    stop();
  });
});
