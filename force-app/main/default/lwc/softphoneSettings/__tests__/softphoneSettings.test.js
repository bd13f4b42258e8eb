import {
  parseIceServers,
  toDialingSettings,
  toMediaOptions,
  toPhoneSettings,
  toScreenPopPolicy,
  toSipConfig,
} from 'c/softphoneSettings';

describe('c-softphone-settings', () => {
  it('builds the SIP address and ephemeral credentials, with the lifetime the core renews them by', () => {
    const refresh = jest.fn();
    expect(
      toSipConfig(
        {
          username: '1767225600:bob',
          password: 'p',
          sipUser: 'bob',
          domain: 'pbx.example.com',
          webSocketUrl: 'wss://pbx',
          ttlSeconds: 300,
          expiresAt: 1767225600,
        },
        [],
        refresh,
      ).auth,
    ).toEqual({
      kind: 'ephemeral',
      username: '1767225600:bob',
      password: 'p',
      ttlSeconds: 300,
      expiresAt: 1767225600,
      refresh,
    });
  });

  it('builds the SIP address and ephemeral credentials', () => {
    const refresh = jest.fn();
    expect(
      toSipConfig(
        {
          username: '1:bob',
          password: 'p',
          sipUser: 'bob',
          domain: 'pbx.example.com',
          webSocketUrl: 'wss://pbx',
        },
        [],
        refresh,
      ),
    ).toEqual({
      server: 'wss://pbx',
      aor: 'sip:bob@pbx.example.com',
      auth: { kind: 'ephemeral', username: '1:bob', password: 'p', refresh },
      iceServers: [],
    });
  });

  it('takes the first node of a cluster as the server and the others, in order, as fallbacks', () => {
    const credentials = { username: '1:bob', password: 'p', sipUser: 'bob', domain: 'pbx.example.com' };
    expect(
      toSipConfig({ ...credentials, webSocketUrl: ' wss://edge1:443  wss://edge2:8443 ' }, [], jest.fn()),
    ).toMatchObject({ server: 'wss://edge1:443', fallbackServers: ['wss://edge2:8443'] });
  });

  it('reads ICE servers as a JSON list and refuses anything else', () => {
    expect(parseIceServers('[{"urls":"turn:t.example.com","username":"u","credential":"c"}]')).toEqual({
      ok: true,
      iceServers: [{ urls: 'turn:t.example.com', username: 'u', credential: 'c' }],
    });
    expect(parseIceServers('')).toEqual({ ok: true, iceServers: [] });
    expect(parseIceServers('{"urls":"stun:x"}')).toEqual({ ok: false, iceServers: [] });
    expect(parseIceServers('[')).toEqual({ ok: false, iceServers: [] });
  });

  it('maps deskphone mode, the policies and the new-record screen pop', () => {
    expect(
      toPhoneSettings({
        mode: 'Deskphone',
        maxLines: 3,
        whenAway: 'Ring',
        whenInWrapUp: 'Decline',
        workTimerSeconds: 0,
        maxHoldSeconds: 300,
        screenPop: 'NewRecord',
      }),
    ).toEqual({
      mode: 'deskphone',
      maxLines: 3,
      whenAway: 'ring',
      whenInWrapUp: 'decline',
      call: {
        wrapUpSeconds: 0,
        maxHoldSeconds: 300,
        popNewContactForUnknown: true,
        wrapUpByDirection: {},
        wrapUpByRecord: {},
        callNotes: true,
        callNotesOnTransfers: true,
      },
      clickToDial: false,
    });
  });

  it('maps the click-to-dial switch, the wrap-up times by direction and record type, and the call notes options', () => {
    expect(
      toPhoneSettings({
        clickToDialEnabled: true,
        workTimerInboundSeconds: null,
        workTimerOutboundSeconds: 30,
        workTimerContactSeconds: null,
        workTimerLeadSeconds: 0,
        workTimerAccountSeconds: 90,
        workTimerUnknownSeconds: null,
        callNotesEnabled: false,
        callNotesOnTransfers: false,
      }),
    ).toMatchObject({
      clickToDial: true,
      call: {
        wrapUpByDirection: { outgoing: 30 },
        wrapUpByRecord: { lead: 0, account: 90 },
        callNotes: false,
        callNotesOnTransfers: false,
      },
    });
  });

  it('leaves settings Apex did not send to the core defaults', () => {
    expect(toPhoneSettings({ mode: 'Softphone' })).toEqual({
      mode: 'softphone',
      call: {
        popNewContactForUnknown: false,
        wrapUpByDirection: {},
        wrapUpByRecord: {},
        callNotes: true,
        callNotesOnTransfers: true,
      },
      // Except click-to-dial: off until the admin turns it on.
      clickToDial: false,
    });
  });

  it('fills dialing settings Apex left empty', () => {
    expect(toDialingSettings({})).toEqual({
      defaultCountry: 'US',
      outsidePrefix: '',
      longDistancePrefix: '',
      internationalPrefix: '',
      extensionLengths: [],
      dialPlan: { allow: [], deny: [] },
    });
  });

  it.each([
    ['Record', 'record'],
    ['NewRecord', 'record'],
    ['Search', 'none'],
    ['None', 'none'],
  ])('lets the core pop records only when the screen pop setting is %s', (setting, policy) => {
    expect(toScreenPopPolicy({ screenPop: setting })).toBe(policy);
  });

  it("the held party hears the built-in melody by default, the admin's recording next to the core's resource, or silence when turned off", () => {
    const core = '/resource/1712345678000/softphoneCore';
    expect(toMediaOptions({ holdMusic: true, holdMusicResource: '' }, core).holdMusic).toEqual({
      onWarning: expect.any(Function),
    });
    expect(toMediaOptions({ holdMusic: true, holdMusicResource: ' Lobby_Music ' }, core).holdMusic).toEqual({
      url: '/resource/1712345678000/Lobby_Music',
      onWarning: expect.any(Function),
    });
    expect(toMediaOptions({ holdMusic: false, holdMusicResource: 'Lobby_Music' }, core)).toEqual({
      holdMusic: false,
    });
  });
});
