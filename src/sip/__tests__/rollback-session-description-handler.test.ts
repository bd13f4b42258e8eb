// The handler against a scripted RTCPeerConnection (Node has none): what it asks of the peer connection
// when SIP.js rolls back after a failed re-INVITE.
import type { Session } from 'sip.js';
import type { RollbackSessionDescriptionHandler } from '../rollback-session-description-handler';
import { rollbackSessionDescriptionHandlerFactory } from '../rollback-session-description-handler';

class FakePeerConnection {
  static last: FakePeerConnection;
  signalingState: RTCSignalingState = 'stable';
  iceGatheringState: RTCIceGatheringState = 'complete';
  localDescription: RTCSessionDescriptionInit | null = null;
  readonly setLocalDescription = jest.fn(async (description: RTCSessionDescriptionInit) => {
    if (description.type === 'rollback') this.signalingState = 'stable';
    else if (description.type === 'offer') this.signalingState = 'have-local-offer';
    else this.signalingState = 'stable';
    this.localDescription = description.type === 'rollback' ? this.localDescription : description;
  });
  readonly setRemoteDescription = jest.fn(async (description: RTCSessionDescriptionInit) => {
    if (description.type === 'rollback') this.signalingState = 'stable';
    else if (description.type === 'offer') this.signalingState = 'have-remote-offer';
    else this.signalingState = 'stable';
  });
  readonly createOffer = jest.fn(async () => ({ type: 'offer' as const, sdp: 'v=0\r\n' }));
  getSenders = () => [];
  getTransceivers = () => [];
  getReceivers = () => [];
  close = () => undefined;
  constructor() {
    FakePeerConnection.last = this;
  }
}

class FakeMediaStream {
  getTracks = () => [];
  getAudioTracks = () => [];
  getVideoTracks = () => [];
  addTrack = () => undefined;
  removeTrack = () => undefined;
}

const quiet = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined };
const session = { userAgent: { getLogger: () => quiet } } as unknown as Session;

function handler(): { sdh: RollbackSessionDescriptionHandler; pc: FakePeerConnection } {
  const microphone = async () => new FakeMediaStream() as unknown as MediaStream;
  const sdh = rollbackSessionDescriptionHandlerFactory(microphone)(session, { iceGatheringTimeout: 60_000 });
  return { sdh: sdh as RollbackSessionDescriptionHandler, pc: FakePeerConnection.last };
}

beforeAll(() => {
  Object.assign(globalThis, { RTCPeerConnection: FakePeerConnection, MediaStream: FakeMediaStream });
});
afterAll(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.RTCPeerConnection;
  delete g.MediaStream;
});

describe('the WebRTC handler after a failed re-INVITE', () => {
  test('an unanswered offer of ours is rolled back, so the next hold can make a new one', async () => {
    const { sdh, pc } = handler();
    pc.signalingState = 'have-local-offer';
    await sdh.rollbackDescription();
    expect(pc.setLocalDescription).toHaveBeenCalledWith({ type: 'rollback' });
    expect(pc.signalingState).toBe('stable');
  });

  test("the far end's offer we could not answer is rolled back", async () => {
    const { sdh, pc } = handler();
    pc.signalingState = 'have-remote-offer';
    await sdh.rollbackDescription();
    expect(pc.setRemoteDescription).toHaveBeenCalledWith({ type: 'rollback' });
    expect(pc.signalingState).toBe('stable');
  });

  test('with nothing unanswered, a rollback leaves the peer connection alone', async () => {
    const { sdh, pc } = handler();
    await sdh.rollbackDescription();
    expect(pc.setLocalDescription).not.toHaveBeenCalled();
    expect(pc.setRemoteDescription).not.toHaveBeenCalled();
  });
});
