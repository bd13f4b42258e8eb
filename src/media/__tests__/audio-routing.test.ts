import type { AudioSink } from '../agent-audio';
import { createAudioRouting, type AudioRoutingInput } from '../audio-routing';
import { DeviceMedia } from '../device-media';

// In Node there is no WebAudio, no getUserMedia and no Audio element: what the agent hears goes to the
// sink given, and the conference mix and ringtone are absent, as on a host without them.
function fakeSink() {
  const sink = { srcObject: null as MediaProvider | null, play: () => Promise.resolve() };
  return sink satisfies AudioSink;
}

const stream = (id: string) => ({ id }) as unknown as MediaStream;

function routing(overrides: Partial<AudioRoutingInput> = {}) {
  const sink = fakeSink();
  const streams = new Map([
    ['call-1', stream('remote-1')],
    ['call-2', stream('remote-2')],
  ]);
  const stored = new Map<string, string>();
  const preferences = {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
  };
  const audio = createAudioRouting({
    options: { audioOutput: sink, preferences },
    callMedia: (callId) => ({ peerConnection: undefined, remoteStream: streams.get(callId) }),
    deskphone: false,
    ...overrides,
  });
  return { audio, sink, stored };
}

describe('audio routing', () => {
  test('the agent hears the one live call, and nothing while every call is held or ringing', () => {
    const { audio, sink } = routing();

    audio.hear([
      { callId: 'call-1', status: 'held', inConference: false },
      { callId: 'call-2', status: 'live', inConference: false },
    ]);
    expect(sink.srcObject).toEqual(stream('remote-2'));

    audio.hear([
      { callId: 'call-1', status: 'held', inConference: false },
      { callId: 'call-2', status: 'ringing', inConference: false },
    ]);
    expect(sink.srcObject).toBeNull();
  });

  test('silence stops what the agent hears (the phone stopped or the page left)', () => {
    const { audio, sink } = routing();
    audio.hear([{ callId: 'call-1', status: 'live', inConference: false }]);

    audio.silence();

    expect(sink.srcObject).toBeNull();
  });

  test('without WebAudio there is no ringtone, no conference mix and no prompt to the agent’s own phone', async () => {
    const { audio } = routing({ deskphone: true });

    expect(audio.ring('ring')).toBeUndefined();
    expect(audio.conference).toBeUndefined();
    expect(audio.conferenceHook).toBeUndefined();
    expect(audio.deviceMedia(DeviceMedia)).toEqual({});
    await expect(audio.close()).resolves.toBeUndefined();
  });

  test("the agent's choice is kept for the next page, without a browser to list devices", async () => {
    const { audio, stored } = routing();

    await audio.chooseAudioDevices(
      { ringer: 'usb-bell' },
      () => [],
      () => Promise.resolve(),
    );

    expect(JSON.parse([...stored.values()][0] ?? '{}')).toMatchObject({ ringer: 'usb-bell' });
    await expect(audio.audioDevices()).rejects.toMatchObject({ code: 'device-selection-unsupported' });
  });
});
