// Call center items → settings: the documented getCallCenterSettings map, admin spelling, and what is ignored.
import { CALL_CENTER_KEYS, parseCallCenterSettings } from '..';
import { DOCUMENTED_SETTINGS } from '../../../test/emulation/open-cti-documented';

const DEFAULTS = {
  mode: 'softphone',
  sip: {},
  dialing: { outsidePrefix: '', longDistancePrefix: '', internationalPrefix: '' },
};

describe('parseCallCenterSettings', () => {
  test('reads exactly these call center items', () => {
    expect(CALL_CENTER_KEYS).toEqual({
      internalName: '/reqGeneralInfo/reqInternalName',
      mode: '/softphoneSettings/mode',
      sipWebSocketUrl: '/softphoneSettings/sipWebSocketUrl',
      sipDomain: '/softphoneSettings/sipDomain',
      outsidePrefix: '/reqDialingOptions/reqOutsidePrefix',
      longDistancePrefix: '/reqDialingOptions/reqLongDistPrefix',
      internationalPrefix: '/reqDialingOptions/reqInternationalPrefix',
    });
  });

  test('reads the mode, SIP server and dialing prefixes from a call center', () => {
    expect(parseCallCenterSettings(DOCUMENTED_SETTINGS)).toEqual({
      settings: {
        callCenterName: 'OpenSoftphone',
        mode: 'softphone',
        sip: { webSocketUrl: 'wss://sip.example.com:8443/ws', domain: 'sip.example.com' },
        dialing: { outsidePrefix: '9', longDistancePrefix: '1', internationalPrefix: '011' },
      },
      warnings: [],
    });
  });

  test('falls back to softphone mode, no SIP override and no prefixes when the items are missing or blank', () => {
    expect(parseCallCenterSettings({})).toEqual({ settings: DEFAULTS, warnings: [] });
    expect(
      parseCallCenterSettings({ [CALL_CENTER_KEYS.mode]: '  ', [CALL_CENTER_KEYS.outsidePrefix]: '' }),
    ).toEqual({
      settings: DEFAULTS,
      warnings: [],
    });
  });

  test('accepts the mode in any case, with spaces around it', () => {
    expect(parseCallCenterSettings({ [CALL_CENTER_KEYS.mode]: ' Deskphone ' }).settings.mode).toBe(
      'deskphone',
    );
  });

  test('drops separators admins type in prefixes', () => {
    const { settings } = parseCallCenterSettings({
      [CALL_CENTER_KEYS.outsidePrefix]: ' 9 ',
      [CALL_CENTER_KEYS.longDistancePrefix]: '(1)',
      [CALL_CENTER_KEYS.internationalPrefix]: '0-11',
    });
    expect(settings.dialing).toEqual({
      outsidePrefix: '9',
      longDistancePrefix: '1',
      internationalPrefix: '011',
    });
  });

  test('ignores each invalid item with a warning for the admin, keeping the others', () => {
    const { settings, warnings } = parseCallCenterSettings({
      ...DOCUMENTED_SETTINGS,
      [CALL_CENTER_KEYS.internalName]: 'Open Softphone!',
      [CALL_CENTER_KEYS.mode]: 'hybrid',
      [CALL_CENTER_KEYS.sipWebSocketUrl]: 'ws://sip.example.com/ws',
      [CALL_CENTER_KEYS.sipDomain]: 'sip example com',
      [CALL_CENTER_KEYS.outsidePrefix]: 'nine',
    });
    expect(settings).toEqual({
      mode: 'softphone',
      sip: {},
      dialing: { outsidePrefix: '', longDistancePrefix: '1', internationalPrefix: '011' },
    });
    expect(warnings).toEqual([
      'Call center item /reqGeneralInfo/reqInternalName was ignored: callCenterName must be a call center internal name (letters, digits, _; at most 40).',
      'Call center item /softphoneSettings/mode was ignored: mode must be one of softphone, deskphone.',
      'Call center item /softphoneSettings/sipWebSocketUrl was ignored: sip.webSocketUrl must be a wss:// URL without credentials.',
      'Call center item /softphoneSettings/sipDomain was ignored: sip.domain must be a host name such as sip.example.com.',
      'Call center item /reqDialingOptions/reqOutsidePrefix was ignored: dialing.outsidePrefix must be up to 8 digits, * or #.',
    ]);
  });

  test('refuses a SIP URL that carries credentials', () => {
    const { warnings } = parseCallCenterSettings({
      [CALL_CENTER_KEYS.sipWebSocketUrl]: 'wss://agent:secret@sip.example.com/ws',
    });
    expect(warnings).toEqual([
      'Call center item /softphoneSettings/sipWebSocketUrl was ignored: sip.webSocketUrl must be a wss:// URL without credentials.',
    ]);
  });
});
