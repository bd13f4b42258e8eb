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
