import { SipPhone, type SipPhoneConfig } from '..';

const valid: SipPhoneConfig = {
  server: 'wss://pbx.example.com:8089/ws',
  aor: 'sip:alice@pbx.example.com',
  auth: { kind: 'digest', password: 'secret' },
};

describe('SipPhone configuration', () => {
  test('a valid configuration builds a phone that is not connected yet', async () => {
    const phone = new SipPhone(valid);
    expect(phone.aor).toBe('sip:alice@pbx.example.com');
    expect(phone.callIds()).toEqual([]);
    await expect(phone.dial('sip:bob@pbx.example.com')).rejects.toMatchObject({ code: 'not-started' });
    await expect(phone.hold('no-such-call')).rejects.toMatchObject({ code: 'call-not-found' });
    await phone.stop();
  });

  test.each<[string, Partial<SipPhoneConfig>, RegExp]>([
    ['a server that is not a WebSocket URL', { server: 'https://pbx.example.com' }, /WebSocket URL/],
    ['an address of record without a user', { aor: 'sip:pbx.example.com' }, /needs a user/],
    ['an address of record that is not SIP', { aor: 'mailto:alice@example.com' }, /not a SIP address/],
    ['an ICE gathering cap above 5 s', { iceGatheringTimeoutMs: 60_000 }, /iceGatheringTimeoutMs/],
    [
      'a TURN server without credentials for digest SIP credentials (a lasting password)',
      { iceServers: [{ urls: ['stun:stun.example.com', 'turns:turn.example.com:443'] }] },
      /TURN server without a user name/,
    ],
  ])('refuses %s with invalid-argument', (_label, change, message) => {
    expect(() => new SipPhone({ ...valid, ...change })).toThrow(
      expect.objectContaining({ code: 'invalid-argument', message: expect.stringMatching(message) }),
    );
  });

  test('every listener hears every event, and one that throws does not stop the others', async () => {
    const phone = new SipPhone({ ...valid, logger: { debug() {}, info() {}, warn() {}, error: jest.fn() } });
    const heard: string[] = [];
    phone.subscribe(() => {
      throw new Error('listener bug');
    });
    const off = phone.on('sip.registration.failed', (e) => heard.push(e.error.code));
    await expect(phone.register()).rejects.toMatchObject({ code: 'not-started' });
    off();
    await expect(phone.register()).rejects.toMatchObject({ code: 'not-started' });
    expect(heard).toEqual(['not-started']);
    await phone.stop();
  });
});
