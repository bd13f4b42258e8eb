// Brittle on purpose: the Open CTI bridge and the utility LWC ship separately and talk only through these
// messages. Any change to a type, a field, a limit or an error code must fail here first, then be made on
// both sides together (and SCHEMA_VERSION bumped if an old peer could misread it).
import {
  BRIDGE_ERROR_CODES,
  MESSAGE_TYPES,
  SCHEMA_LIMITS,
  SCHEMA_VERSION,
  validateCallCenterSettings,
  validateMessage,
  type CallCenterSettings,
  type MessagePayloads,
  type MessageType,
} from '..';

const ID15 = '003000000000001';
const ID18 = '003000000000001AAA';

const SETTINGS = {
  callCenterName: 'OpenSoftphone',
  mode: 'deskphone',
  sip: { webSocketUrl: 'wss://sip.example.com:8443/ws', domain: 'sip.example.com' },
  dialing: { outsidePrefix: '9', longDistancePrefix: '1', internationalPrefix: '011' },
} satisfies CallCenterSettings;

/** Every member of every payload, optional ones included. */
const FULL = {
  clickToDial: {
    number: '+1 (415) 555-0100',
    recordId: ID18,
    recordName: 'Ada Lovelace',
    objectType: 'Contact',
    accountId: '001000000000001',
    contactId: ID15,
    personAccount: true,
    params: 'accountSid=xxx, sourceId=xxx',
  },
  bridgeStatus: {
    state: 'ready',
    clickToDial: false,
    settings: SETTINGS,
    error: { code: 'GENERIC_ERROR', message: 'Click-to-dial could not be turned on. Try again.' },
  },
  callList: {
    entries: [
      { number: '+1 (415) 555-0100', recordId: ID18, recordName: 'Ada Lovelace', objectType: 'Contact' },
      { number: '5550100' },
    ],
  },
} satisfies MessagePayloads;

/** The required members only. */
const MINIMAL = {
  clickToDial: { number: '5550100' },
  bridgeStatus: { state: 'connecting', clickToDial: false },
  callList: { entries: [] },
} satisfies MessagePayloads;

const MEMBERS: Record<MessageType, { required: string[]; optional: string[] }> = {
  clickToDial: {
    required: ['number'],
    optional: ['recordId', 'recordName', 'objectType', 'accountId', 'contactId', 'personAccount', 'params'],
  },
  bridgeStatus: { required: ['state', 'clickToDial'], optional: ['settings', 'error'] },
  callList: { required: ['entries'], optional: [] },
};

const envelope = (type: string, payload: unknown, requestId = 'req-1') => ({
  version: SCHEMA_VERSION,
  type,
  requestId,
  payload,
});

describe('Softphone__c message contract', () => {
  test('is version 1 of an envelope with exactly version, type, requestId and payload', () => {
    expect(SCHEMA_VERSION).toBe(1);
    const checked = validateMessage(envelope('clickToDial', { number: '5550100' }));
    expect(checked).toStrictEqual({
      ok: true,
      value: { version: 1, type: 'clickToDial', requestId: 'req-1', payload: { number: '5550100' } },
    });
  });

  test('has exactly these message types, all events: nothing is a request or a response (ADR 0007)', () => {
    expect(MESSAGE_TYPES).toEqual(['clickToDial', 'bridgeStatus', 'callList']);
    expect(Object.keys(MEMBERS)).toEqual([...MESSAGE_TYPES]);
    expect(Object.keys(FULL)).toEqual([...MESSAGE_TYPES]);
    expect(Object.keys(MINIMAL)).toEqual([...MESSAGE_TYPES]);
  });

  test('has exactly these error codes', () => {
    expect(BRIDGE_ERROR_CODES).toEqual([
      'INVALID_PARAM',
      'GENERIC_ERROR',
      'SERVER_ERROR',
      'SOFTPHONE_CONTAINER_ERROR',
      'TIMEOUT',
      'BRIDGE_UNAVAILABLE',
    ]);
  });

  test('has exactly these limits', () => {
    expect(SCHEMA_LIMITS).toEqual({
      idLength: 64,
      phoneNumberLength: 40,
      nameLength: 255,
      paramsLength: 1024,
      urlLength: 2048,
      apiNameLength: 80,
      messageLength: 500,
      callCenterNameLength: 40,
      callListLength: 200,
    });
    expect(Object.isFrozen(SCHEMA_LIMITS)).toBe(true);
  });

  describe.each(MESSAGE_TYPES.map((type) => [type] as const))('%s', (type) => {
    const { required, optional } = MEMBERS[type];

    test('lists its members exactly', () => {
      expect(Object.keys(MINIMAL[type]).sort()).toEqual([...required].sort());
      expect(Object.keys(FULL[type]).sort()).toEqual([...required, ...optional].sort());
    });

    test('passes with every member, unchanged', () => {
      expect(validateMessage(envelope(type, FULL[type]))).toStrictEqual({
        ok: true,
        value: envelope(type, FULL[type]),
      });
    });

    test('passes with its required members only, unchanged', () => {
      expect(validateMessage(envelope(type, MINIMAL[type]))).toStrictEqual({
        ok: true,
        value: envelope(type, MINIMAL[type]),
      });
    });

    test('refuses a payload without any one of its required members', () => {
      for (const member of required) {
        const payload = Object.fromEntries(Object.entries(MINIMAL[type]).filter(([key]) => key !== member));
        expect(validateMessage(envelope(type, payload))).toEqual({
          ok: false,
          reason: 'invalid-payload',
          detail: `payload has no ${member}`,
        });
      }
    });

    test('refuses an extra member', () => {
      expect(validateMessage(envelope(type, { ...MINIMAL[type], extra: 1 }))).toEqual({
        ok: false,
        reason: 'invalid-payload',
        detail: 'payload has an unexpected member "extra"',
      });
    });
  });
});

describe('call center settings', () => {
  test('the example passes unchanged', () => {
    expect(validateCallCenterSettings(SETTINGS)).toStrictEqual({ ok: true, value: SETTINGS });
  });

  test('have exactly mode, sip, dialing and an optional callCenterName', () => {
    expect(validateCallCenterSettings({ ...SETTINGS, sipUser: 'agent' })).toEqual({
      ok: false,
      reason: 'invalid-payload',
      detail: 'settings has an unexpected member "sipUser"',
    });
    expect(validateCallCenterSettings({ ...SETTINGS, dialing: { outsidePrefix: '9' } })).toEqual({
      ok: false,
      reason: 'invalid-payload',
      detail: 'settings.dialing has no longDistancePrefix',
    });
  });
});
