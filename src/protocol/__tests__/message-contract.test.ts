// Brittle on purpose: the Open CTI bridge and the utility LWC ship separately and talk only through these
// messages. Any change to a type, a field, a limit or an error code must fail here first, then be made on
// both sides together (and SCHEMA_VERSION bumped if an old peer could misread it).
import {
  BRIDGE_ERROR_CODES,
  EVENT_TYPES,
  MESSAGE_TYPES,
  REQUEST_TYPES,
  SCHEMA_LIMITS,
  SCHEMA_VERSION,
  validateMessage,
  validateResult,
  type MessagePayloads,
  type MessageType,
  type RequestResults,
  type RequestType,
  type ScreenPopTarget,
} from '..';

const ID15 = '003000000000001';
const ID18 = '003000000000001AAA';

const SETTINGS = {
  callCenterName: 'OpenSoftphone',
  mode: 'deskphone',
  sip: { webSocketUrl: 'wss://sip.example.com:8443/ws', domain: 'sip.example.com' },
  dialing: { outsidePrefix: '9', longDistancePrefix: '1', internationalPrefix: '011' },
} satisfies RequestResults['getCallCenterSettings'];

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
  recordShown: { recordId: ID18, objectType: 'Contact', recordName: 'Ada Lovelace' },
  callList: {
    entries: [
      { number: '+1 (415) 555-0100', recordId: ID18, recordName: 'Ada Lovelace', objectType: 'Contact' },
      { number: '5550100' },
    ],
  },
  screenPop: {
    type: 'NEW_RECORD_MODAL',
    params: { entityName: 'Contact' },
    defaultFieldValues: { Phone: '+14155550100' },
  },
  screenPopDeferred: { popToken: 'token-1' },
  searchAndScreenPop: {
    searchParams: '+14155550100',
    queryParams: 'callId=abc',
    defaultFieldValues: { Phone: '+14155550100' },
    callType: 'INBOUND',
    deferred: true,
  },
  saveLog: {
    value: { entityApiName: 'Task', Subject: 'Call', CallDurationInSeconds: 42, IsReminderSet: false },
  },
  setPanelVisibility: { visible: true },
  getCallCenterSettings: {},
  getBridgeStatus: {},
  response: { ok: true, result: { matches: [] } },
} satisfies MessagePayloads;

/** The required members only. */
const MINIMAL = {
  clickToDial: { number: '5550100' },
  bridgeStatus: { state: 'connecting', clickToDial: false },
  recordShown: { recordId: ID15, objectType: 'Lead' },
  callList: { entries: [] },
  screenPop: { type: 'SOBJECT', params: { recordId: ID15 } },
  screenPopDeferred: { popToken: 'token-1' },
  searchAndScreenPop: { searchParams: '5550100', callType: 'OUTBOUND', deferred: false },
  saveLog: { value: { Id: ID18 } },
  setPanelVisibility: { visible: false },
  getCallCenterSettings: {},
  getBridgeStatus: {},
  response: { ok: false, error: { code: 'TIMEOUT', message: 'Salesforce did not answer in time.' } },
} satisfies MessagePayloads;

const MEMBERS: Record<MessageType, { required: string[]; optional: string[] }> = {
  clickToDial: {
    required: ['number'],
    optional: ['recordId', 'recordName', 'objectType', 'accountId', 'contactId', 'personAccount', 'params'],
  },
  bridgeStatus: { required: ['state', 'clickToDial'], optional: ['settings', 'error'] },
  recordShown: { required: ['recordId', 'objectType'], optional: ['recordName'] },
  callList: { required: ['entries'], optional: [] },
  screenPop: { required: ['type', 'params'], optional: ['defaultFieldValues'] },
  screenPopDeferred: { required: ['popToken'], optional: [] },
  searchAndScreenPop: {
    required: ['searchParams', 'callType', 'deferred'],
    optional: ['queryParams', 'defaultFieldValues'],
  },
  saveLog: { required: ['value'], optional: [] },
  setPanelVisibility: { required: ['visible'], optional: [] },
  getCallCenterSettings: { required: [], optional: [] },
  getBridgeStatus: { required: [], optional: [] },
  response: { required: ['ok'], optional: ['result', 'error'] },
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
    const checked = validateMessage(envelope('getBridgeStatus', {}));
    expect(checked).toStrictEqual({
      ok: true,
      value: { version: 1, type: 'getBridgeStatus', requestId: 'req-1', payload: {} },
    });
  });

  test('has exactly these message types, events first, then requests, then response', () => {
    expect(EVENT_TYPES).toEqual(['clickToDial', 'bridgeStatus', 'recordShown', 'callList']);
    expect(REQUEST_TYPES).toEqual([
      'screenPop',
      'screenPopDeferred',
      'searchAndScreenPop',
      'saveLog',
      'setPanelVisibility',
      'getCallCenterSettings',
      'getBridgeStatus',
    ]);
    expect(MESSAGE_TYPES).toEqual([...EVENT_TYPES, ...REQUEST_TYPES, 'response']);
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
      'EXPIRED',
      'INVALID_REQUEST',
    ]);
  });

  test('has exactly these limits', () => {
    expect(SCHEMA_LIMITS).toEqual({
      idLength: 64,
      phoneNumberLength: 40,
      nameLength: 255,
      paramsLength: 1024,
      urlLength: 2048,
      searchLength: 255,
      searchMinLength: 3,
      apiNameLength: 80,
      fieldValueLength: 32000,
      fieldCount: 50,
      flowArgCount: 20,
      matchCount: 50,
      matchFieldCount: 20,
      messageLength: 500,
      callCenterNameLength: 40,
      callListLength: 200,
    });
    expect(Object.isFrozen(SCHEMA_LIMITS)).toBe(true);
  });

  describe.each(MESSAGE_TYPES.map((type) => [type] as const))('%s', (type) => {
    const { required, optional } = MEMBERS[type];

    test('lists its members exactly', () => {
      expect(Object.keys(MINIMAL[type]).sort()).toEqual(
        type === 'response' ? ['error', 'ok'] : [...required].sort(),
      );
      if (type !== 'response')
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

describe('screenPop targets', () => {
  const TARGETS: ScreenPopTarget[] = [
    { type: 'SOBJECT', params: { recordId: ID18 } },
    { type: 'URL', params: { url: '/lightning/o/Case/home' } },
    { type: 'OBJECTHOME', params: { scope: 'Account' } },
    { type: 'LIST', params: { listViewId: '00B000000000001', scope: 'Contact' } },
    { type: 'SEARCH', params: { searchString: 'Ada' } },
    {
      type: 'NEW_RECORD_MODAL',
      params: { entityName: 'Lead' },
      defaultFieldValues: { Phone: '5550100', Rating: null },
    },
    {
      type: 'FLOW',
      params: {
        flowDevName: 'Caller_Intake',
        flowArgs: [
          { name: 'phone', type: 'String', value: '5550100' },
          { name: 'attempts', type: 'Number', value: 2 },
          { name: 'vip', type: 'Boolean', value: true },
        ],
      },
    },
  ];
  const PARAMS: Record<ScreenPopTarget['type'], string[]> = {
    SOBJECT: ['recordId'],
    URL: ['url'],
    OBJECTHOME: ['scope'],
    LIST: ['listViewId', 'scope'],
    SEARCH: ['searchString'],
    NEW_RECORD_MODAL: ['entityName'],
    FLOW: ['flowDevName', 'flowArgs'],
  };

  test('are exactly the seven documented Open CTI types', () => {
    expect(TARGETS.map((t) => t.type)).toEqual([
      'SOBJECT',
      'URL',
      'OBJECTHOME',
      'LIST',
      'SEARCH',
      'NEW_RECORD_MODAL',
      'FLOW',
    ]);
    expect(Object.keys(PARAMS)).toEqual(TARGETS.map((t) => t.type));
  });

  test.each(TARGETS.map((target) => [target.type, target] as const))(
    '%s passes unchanged',
    (_type, target) => {
      expect(Object.keys(target.params).sort()).toEqual([...PARAMS[target.type]].sort());
      expect(validateMessage(envelope('screenPop', target))).toStrictEqual({
        ok: true,
        value: envelope('screenPop', target),
      });
    },
  );

  test.each(TARGETS.map((target) => [target.type, target] as const))(
    '%s refuses an extra param',
    (_type, target) => {
      const checked = validateMessage(
        envelope('screenPop', { ...target, params: { ...target.params, extra: 'x' } }),
      );
      expect(checked).toEqual({
        ok: false,
        reason: 'invalid-payload',
        detail: 'payload.params has an unexpected member "extra"',
      });
    },
  );

  test('only NEW_RECORD_MODAL takes defaultFieldValues', () => {
    const checked = validateMessage(
      envelope('screenPop', { ...TARGETS[0], defaultFieldValues: { Phone: '1' } }),
    );
    expect(checked).toEqual({
      ok: false,
      reason: 'invalid-payload',
      detail: 'payload has an unexpected member "defaultFieldValues"',
    });
  });

  test('refuses an unknown type', () => {
    expect(validateMessage(envelope('screenPop', { type: 'TAB', params: {} }))).toEqual({
      ok: false,
      reason: 'invalid-payload',
      detail: 'payload.type must be one of SOBJECT, URL, OBJECTHOME, LIST, SEARCH, NEW_RECORD_MODAL, FLOW',
    });
  });
});

describe('request results', () => {
  const RESULTS = {
    screenPop: null,
    screenPopDeferred: null,
    searchAndScreenPop: {
      matches: [
        {
          id: ID18,
          objectType: 'Contact',
          name: 'Ada Lovelace',
          fields: { Phone: '+1 415 555 0100', Title: 'CTO' },
        },
        { id: '001000000000001', fields: {} },
      ],
      popToken: 'tok_1',
    },
    saveLog: { recordId: '00T000000000001EAA' },
    setPanelVisibility: null,
    getCallCenterSettings: SETTINGS,
    getBridgeStatus: FULL.bridgeStatus,
  } satisfies RequestResults;

  test('cover exactly the request types', () => {
    expect(Object.keys(RESULTS)).toEqual([...REQUEST_TYPES]);
  });

  test.each(REQUEST_TYPES.map((type) => [type] as const))(
    '%s: the example passes unchanged',
    (type: RequestType) => {
      expect(validateResult(type, RESULTS[type])).toStrictEqual({ ok: true, value: RESULTS[type] });
    },
  );

  test('search matches have exactly id, objectType, name and fields', () => {
    const match = { ...RESULTS.searchAndScreenPop.matches[0], Phone: '1' };
    expect(validateResult('searchAndScreenPop', { matches: [match] })).toEqual({
      ok: false,
      reason: 'invalid-payload',
      detail: 'result.matches[0] has an unexpected member "Phone"',
    });
  });

  test('saveLog may come back without an id', () => {
    expect(validateResult('saveLog', {})).toStrictEqual({ ok: true, value: {} });
  });

  test('results of requests without one must be null', () => {
    expect(validateResult('screenPop', {})).toEqual({
      ok: false,
      reason: 'invalid-payload',
      detail: 'result must be null',
    });
  });

  test('settings have exactly mode, sip, dialing and an optional callCenterName', () => {
    expect(validateResult('getCallCenterSettings', { ...SETTINGS, sipUser: 'agent' })).toEqual({
      ok: false,
      reason: 'invalid-payload',
      detail: 'result has an unexpected member "sipUser"',
    });
    expect(validateResult('getCallCenterSettings', { ...SETTINGS, dialing: { outsidePrefix: '9' } })).toEqual(
      {
        ok: false,
        reason: 'invalid-payload',
        detail: 'result.dialing has no longDistancePrefix',
      },
    );
  });
});
