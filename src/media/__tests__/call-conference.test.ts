import { CallConference, MediaError } from '..';

describe('CallConference (the host side of a conference, without WebAudio)', () => {
  test('a call without media cannot join: a typed error, and no microphone or AudioContext is opened', async () => {
    const audioContext = jest.fn();
    const microphone = jest.fn();
    const conference = new CallConference({
      audioContext,
      microphone,
      media: () => ({ peerConnection: undefined }),
    });
    const joining = conference.join('c1');
    await expect(joining).rejects.toBeInstanceOf(MediaError);
    await expect(joining).rejects.toMatchObject({ code: 'conference-no-media' });
    expect(audioContext).not.toHaveBeenCalled();
    expect(microphone).not.toHaveBeenCalled();
    expect(conference.agentOutput).toBeUndefined();
  });

  test('leaving, resuming and closing before any conference change nothing', async () => {
    const conference = new CallConference({
      audioContext: jest.fn(),
      microphone: jest.fn(),
      media: () => undefined,
    });
    await expect(conference.leave('c1')).resolves.toBeUndefined();
    await expect(conference.resume()).resolves.toBeUndefined();
    await expect(conference.close()).resolves.toBeUndefined();
  });

  test('muting a call that is not in a conference is left to the call (false), so its own track is muted', () => {
    const conference = new CallConference({
      audioContext: jest.fn(),
      microphone: jest.fn(),
      media: () => undefined,
    });
    expect(conference.muteCall({} as RTCPeerConnection, true)).toBe(false);
    expect(conference.muteCall(undefined, true)).toBe(false);
  });
});

describe('CallConference tones (what the conference hears while a party is added)', () => {
  interface FakeNode {
    targets: FakeNode[];
    connect(target: FakeNode): FakeNode;
    disconnect(target?: FakeNode): void;
  }

  /** An AudioContext that keeps its graph: which oscillators play, and where each node's sound goes. */
  function fakeAudio() {
    const oscillators: { frequency: number; playing: boolean; node: FakeNode }[] = [];
    const mixes: FakeNode[] = [];
    const node = (extra: object = {}): FakeNode => {
      const n: FakeNode = {
        targets: [],
        connect: (target) => (n.targets.push(target), target),
        disconnect: (target) => void (n.targets = target ? n.targets.filter((t) => t !== target) : []),
        ...extra,
      };
      return n;
    };
    const context = {
      currentTime: 0,
      createGain: () => node({ gain: { value: 1, setValueAtTime: jest.fn() } }),
      createMediaStreamSource: () => node(),
      createMediaStreamDestination: () => {
        const mix = node({ stream: { getAudioTracks: () => [{ kind: 'audio' }] } });
        mixes.push(mix);
        return mix;
      },
      createOscillator: () => {
        const o = { frequency: 0, playing: false, node: node() };
        oscillators.push(o);
        return Object.assign(o.node, {
          frequency: {
            set value(hz: number) {
              o.frequency = hz;
            },
          },
          start: () => void (o.playing = true),
          stop: () => void (o.playing = false),
        });
      },
    };
    /** Whether sound from `from` reaches `to` through the graph. */
    const reaches = (from: FakeNode, to: FakeNode): boolean =>
      from === to || from.targets.some((t) => reaches(t, to));
    /** The frequencies playing into every mix: the agent's and each party's. */
    const heardEverywhere = () =>
      oscillators
        .filter((o) => o.playing && mixes.length > 0 && mixes.every((mix) => reaches(o.node, mix)))
        .map((o) => o.frequency);
    return { context: context as unknown as AudioContext, mixes, heardEverywhere };
  }

  function conferenceOn(context: AudioContext): CallConference {
    return new CallConference({
      audioContext: () => context,
      microphone: async () => ({}) as MediaStream,
      media: () => {
        const sender = { track: { kind: 'audio', enabled: true }, replaceTrack: async () => undefined };
        return {
          peerConnection: { getSenders: () => [sender] } as unknown as RTCPeerConnection,
          remoteStream: {} as MediaStream,
        };
      },
    });
  }

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('ringback asked for while the first call is still joining plays once the mix exists, to the agent and every party, until stopped', async () => {
    const { context, mixes, heardEverywhere } = fakeAudio();
    const conference = conferenceOn(context);
    const stop = conference.playTone('ringback');
    expect(heardEverywhere()).toEqual([]);
    await conference.join('c1');
    expect(heardEverywhere()).toEqual([440, 480]);
    // A party joining while it plays hears it too.
    await conference.join('c2');
    expect(mixes).toHaveLength(3);
    expect(heardEverywhere()).toEqual([440, 480]);
    stop();
    expect(heardEverywhere()).toEqual([]);
  });

  test('the busy signal takes over from ringback; a stale stop leaves it playing; closing silences it', async () => {
    const { context, heardEverywhere } = fakeAudio();
    const conference = conferenceOn(context);
    await conference.join('c1');
    const stopRingback = conference.playTone('ringback');
    conference.playTone('busy');
    expect(heardEverywhere()).toEqual([480, 620]);
    stopRingback();
    expect(heardEverywhere()).toEqual([480, 620]);
    await conference.close();
    expect(heardEverywhere()).toEqual([]);
  });
});
