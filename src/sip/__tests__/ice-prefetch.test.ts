import { IcePrefetch, withTurnCredentials } from '../ice-prefetch';

/** What the spare peer connections were made with, and which were closed (Node has no RTCPeerConnection). */
class FakePeerConnection {
  static made: FakePeerConnection[] = [];
  closed = false;
  constructor(readonly configuration: RTCConfiguration) {
    FakePeerConnection.made.push(this);
  }
  close(): void {
    this.closed = true;
  }
}

beforeEach(() => {
  FakePeerConnection.made = [];
  (globalThis as { RTCPeerConnection?: unknown }).RTCPeerConnection = FakePeerConnection;
});
afterEach(() => {
  delete (globalThis as { RTCPeerConnection?: unknown }).RTCPeerConnection;
});

describe('TURN credentials', () => {
  const current = { username: '1767225600:alice', password: 'hmac' };

  test('a TURN server named without credentials takes the agent’s current time-limited ones', () => {
    expect(
      withTurnCredentials(
        [
          { urls: 'stun:stun.example.com' },
          { urls: ['turn:turn.example.com:3478', 'turns:turn.example.com:443'] },
          { urls: 'turn:other.example.com', username: 'own', credential: 'own-secret' },
        ],
        current,
      ),
    ).toEqual([
      { urls: 'stun:stun.example.com' },
      {
        urls: ['turn:turn.example.com:3478', 'turns:turn.example.com:443'],
        username: '1767225600:alice',
        credential: 'hmac',
      },
      { urls: 'turn:other.example.com', username: 'own', credential: 'own-secret' },
    ]);
  });

  test('without time-limited credentials nothing is added', () => {
    expect(withTurnCredentials([{ urls: 'turn:turn.example.com' }], undefined)).toEqual([
      { urls: 'turn:turn.example.com' },
    ]);
  });
});

describe('candidates gathered ahead', () => {
  let credentials = 'first';
  const prefetch = () =>
    new IcePrefetch(() => ({ iceServers: [{ urls: 'turn:t.example.com', username: credentials }] }));

  test('one spare gathers with a candidate pool; a call takes it and the next one starts at once', () => {
    const ice = prefetch();
    ice.prepare();
    ice.prepare();
    expect(FakePeerConnection.made).toHaveLength(1);
    expect(FakePeerConnection.made[0]?.configuration).toMatchObject({ iceCandidatePoolSize: 1 });
    const taken = ice.take();
    expect(taken).toBe(FakePeerConnection.made[0]);
    expect(FakePeerConnection.made).toHaveLength(2);
    expect(ice.take()).toBe(FakePeerConnection.made[1]);
    ice.close();
    expect(FakePeerConnection.made[2]?.closed).toBe(true);
  });

  test('renewed credentials replace the spare, through several renewals', () => {
    const ice = prefetch();
    ice.prepare();
    for (const next of ['second', 'third']) {
      credentials = next;
      ice.renew();
      expect(FakePeerConnection.made.at(-2)?.closed).toBe(true);
      expect(FakePeerConnection.made.at(-1)?.configuration.iceServers?.[0]?.username).toBe(next);
    }
    const spare = FakePeerConnection.made.at(-1);
    expect(ice.take()).toBe(spare);
    expect(spare?.closed).toBe(false);
    ice.close();
  });

  test('a closed prefetch makes no more peer connections', () => {
    const ice = prefetch();
    ice.close();
    ice.prepare();
    ice.renew();
    expect(ice.take()).toBeUndefined();
    expect(FakePeerConnection.made).toEqual([]);
  });

  test('a configuration the browser refuses is reported, and the phone goes on without a spare', () => {
    (globalThis as { RTCPeerConnection?: unknown }).RTCPeerConnection = function refuse() {
      throw new SyntaxError('bad ICE server URL');
    };
    const errors: unknown[] = [];
    const ice = new IcePrefetch(
      () => ({ iceServers: [{ urls: 'turn:' }] }),
      (e) => errors.push(e),
    );
    ice.prepare();
    expect(ice.take()).toBeUndefined();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(SyntaxError);
    ice.close();
  });
});
