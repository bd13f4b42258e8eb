// The bridge end to end inside one page: the emulated sforce.opencti (documented shapes, test/emulation)
// under the real wrapOpenCti, and on the other side of its in-memory LMS channel the utility's real
// BridgeClient.
import { BridgeClient, type MessageTransport } from '../../crm';
import type { BridgeStatus, CrmLogger, ScreenPopTarget, SoftphoneMessage } from '../../protocol';
import { SoftphoneBridge, wrapOpenCti } from '..';
import type { EmulatedOpenCti } from '../../../test/emulation/open-cti';
import { DOCUMENTED_ERRORS, DOCUMENTED_SETTINGS } from '../../../test/emulation/open-cti-documented';
import { memoryOpenCti } from '../../../test/emulation/open-cti-memory';

const CHANNEL = 'Softphone__c';
const ID18 = '003000000000001AAA';

function logger(): CrmLogger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** Lets every pending promise job run (Open CTI callbacks, publishes, the bridge's awaits). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

function setup(prepare: (salesforce: EmulatedOpenCti) => void = () => undefined, clickToDial?: boolean) {
  const { openCti: salesforce, lms } = memoryOpenCti();
  prepare(salesforce);
  const log = logger();
  const statuses: BridgeStatus[] = [];
  let ids = 0;
  const bridge = new SoftphoneBridge({
    openCti: wrapOpenCti(salesforce),
    logger: log,
    createRequestId: () => `bridge-${++ids}`,
    onStatus: (status) => statuses.push(status),
    ...(clickToDial === undefined ? {} : { clickToDial }),
  });
  // The utility LWC's side: lightning/messageService adapted to MessageTransport, on the same channel.
  const transport: MessageTransport = {
    publish: (message: SoftphoneMessage) => lms.publish(CHANNEL, message),
    subscribe: (listener) => lms.subscribe(CHANNEL, listener),
  };
  let requestIds = 0;
  const client = new BridgeClient({ transport, createRequestId: () => `utility-${++requestIds}` });
  const seen: unknown[] = [];
  lms.subscribe(CHANNEL, (message) => seen.push(message));
  return { salesforce, lms, log, bridge, client, statuses, seen };
}

async function started(prepare?: (salesforce: EmulatedOpenCti) => void) {
  const context = setup(prepare);
  await context.bridge.start();
  await settle();
  context.salesforce.calls.length = 0;
  context.seen.length = 0;
  context.log.lines.length = 0;
  return context;
}

const SETTINGS = {
  callCenterName: 'OpenSoftphone',
  mode: 'softphone',
  sip: { webSocketUrl: 'wss://sip.example.com:8443/ws', domain: 'sip.example.com' },
  dialing: { outsidePrefix: '9', longDistancePrefix: '1', internationalPrefix: '011' },
};

afterEach(() => jest.useRealTimers());

describe('starting the bridge', () => {
  test('subscribes, reads the call center, listens for clicks, enables click-to-dial, then tells Salesforce it is ready', async () => {
    const { salesforce, bridge } = setup();
    await expect(bridge.start()).resolves.toEqual({ state: 'ready', clickToDial: true, settings: SETTINGS });
    expect(salesforce.calls.map((call) => call.method)).toEqual([
      'subscribe',
      'getCallCenterSettings',
      'onClickToDial',
      'enableClickToDial',
      'onNavigationChange',
      'notifyInitializationComplete',
      'publish',
    ]);
    expect(salesforce.callsOf('subscribe')).toEqual([{ channelName: CHANNEL }]);
  });

  test('shows connecting, then ready, and announces ready on the channel', async () => {
    const { bridge, statuses, seen, client } = setup();
    await bridge.start();
    await settle();
    expect(statuses).toEqual([
      { state: 'connecting', clickToDial: false },
      { state: 'ready', clickToDial: true, settings: SETTINGS },
    ]);
    expect(seen).toEqual([
      {
        version: 1,
        type: 'bridgeStatus',
        requestId: 'bridge-1',
        payload: { state: 'ready', clickToDial: true, settings: SETTINGS },
      },
    ]);
    expect(client.bridgeStatus).toEqual({ state: 'ready', clickToDial: true, settings: SETTINGS });
  });

  test('starts once however often it is asked', async () => {
    const { bridge, salesforce } = setup();
    await Promise.all([bridge.start(), bridge.start()]);
    await bridge.start();
    expect(salesforce.callsOf('subscribe')).toHaveLength(1);
  });

  test('is in error when it cannot subscribe, and still lets Salesforce stop its spinner', async () => {
    const { bridge, salesforce, log, seen } = setup((f) =>
      f.script('subscribe', { errors: [DOCUMENTED_ERRORS.SOFTPHONE_CONTAINER_ERROR] }),
    );
    const status = await bridge.start();
    expect(status).toEqual({
      state: 'error',
      clickToDial: false,
      error: {
        code: 'SOFTPHONE_CONTAINER_ERROR',
        message:
          'The phone bridge could not listen to the softphone utility. The phone panel is still starting; wait a moment and try again, or reload the page.',
      },
    });
    expect(salesforce.calls.map((call) => call.method)).toEqual([
      'subscribe',
      'notifyInitializationComplete',
    ]);
    expect(seen).toEqual([]);
    expect(log.lines[0]).toMatch(
      /^error Could not subscribe to Softphone__c: subscribe SOFTPHONE_CONTAINER_ERROR: Unable/,
    );
  });

  test('stays ready without click-to-dial when Salesforce refuses to enable it, and says why', async () => {
    const { bridge, salesforce } = setup((f) =>
      f.script('enableClickToDial', { errors: [DOCUMENTED_ERRORS.SERVER_ERROR] }),
    );
    await expect(bridge.start()).resolves.toEqual({
      state: 'ready',
      clickToDial: false,
      settings: SETTINGS,
      error: {
        code: 'SERVER_ERROR',
        message:
          'Click-to-dial could not be turned on. Salesforce had a server problem; try again in a moment.',
      },
    });
    expect(salesforce.callsOf('notifyInitializationComplete')).toHaveLength(1);
  });

  test('runs with default settings when the call center cannot be read', async () => {
    const { bridge, log } = setup((f) =>
      f.script('getCallCenterSettings', { errors: [DOCUMENTED_ERRORS.GENERIC_ERROR] }),
    );
    const status = await bridge.start();
    expect(status).toMatchObject({ state: 'ready', clickToDial: true, error: { code: 'GENERIC_ERROR' } });
    expect(status.settings).toBeUndefined();
    expect(log.lines).toContain(
      'warn Call center settings unavailable, defaults apply: getCallCenterSettings GENERIC_ERROR: An error occurred while calling the API method.',
    );
  });

  test('logs call center items it ignores', async () => {
    const { bridge, log } = setup((f) =>
      f.script('getCallCenterSettings', {
        returnValue: { ...DOCUMENTED_SETTINGS, '/softphoneSettings/mode': 'hybrid' },
      }),
    );
    await bridge.start();
    expect(log.lines).toContain(
      'warn Call center item /softphoneSettings/mode was ignored: mode must be one of softphone, deskphone.',
    );
  });
});

describe('record pages the agent lands on', () => {
  test('are relayed to the utility with their id, object and name', async () => {
    const { salesforce, client, seen } = await started();
    const records = jest.fn();
    client.onRecordShown(records);
    salesforce.navigated({
      url: 'https://example.lightning.force.com/lightning/r/Contact/003000000000009AAA/view',
      recordId: '003000000000009AAA',
      recordName: 'Dana Scully',
      objectType: 'Contact',
    });
    await settle();
    const payload = { recordId: '003000000000009AAA', objectType: 'Contact', recordName: 'Dana Scully' };
    expect(seen).toEqual([{ version: 1, type: 'recordShown', requestId: 'bridge-2', payload }]);
    expect(records).toHaveBeenCalledWith(payload);
  });

  test('other pages (list views, homes, the new-record form) and malformed payloads are not relayed', async () => {
    const { salesforce, seen, log } = await started();
    salesforce.navigated({ url: 'https://example.lightning.force.com/lightning/o/Contact/list' });
    salesforce.navigated({ url: 'https://x/lightning/o/Contact/new', recordId: '', objectType: '' });
    salesforce.navigated(null as never);
    salesforce.navigated({ recordId: 'not an id', objectType: 'Contact' });
    await settle();
    expect(seen).toEqual([]);
    expect(log.lines).toContainEqual(expect.stringMatching(/^error Did not send recordShown/));
  });
});

describe('click-to-dial', () => {
  test('the admin’s switch is off: Open CTI is told to turn click-to-dial off, and a click reaches nobody', async () => {
    const { salesforce, bridge, seen } = setup(undefined, false);
    await expect(bridge.start()).resolves.toEqual({ state: 'ready', clickToDial: false, settings: SETTINGS });
    expect(salesforce.calls.map((call) => call.method)).toEqual([
      'subscribe',
      'getCallCenterSettings',
      'disableClickToDial',
      'onNavigationChange',
      'notifyInitializationComplete',
      'publish',
    ]);
    await settle();
    seen.length = 0;
    expect(salesforce.click({ number: '+1 (415) 555-0100' })).toBe(false);
    await settle();
    expect(seen).toEqual([]);
  });

  test('relays every documented payload field to the utility', async () => {
    const { salesforce, client, seen } = await started();
    const clicks = jest.fn();
    client.onClickToDial(clicks);
    salesforce.click({
      number: '+1 (415) 555-0100',
      recordId: ID18,
      recordName: 'Ada Lovelace',
      objectType: 'Contact',
      accountId: '001000000000001AAA',
      contactId: ID18,
      personAccount: true,
      params: 'accountSid=xxx, sourceId=xxx',
    });
    const payload = {
      number: '+1 (415) 555-0100',
      recordId: ID18,
      recordName: 'Ada Lovelace',
      objectType: 'Contact',
      accountId: '001000000000001AAA',
      contactId: ID18,
      personAccount: true,
      params: 'accountSid=xxx, sourceId=xxx',
    };
    expect(seen).toEqual([{ version: 1, type: 'clickToDial', requestId: 'bridge-2', payload }]);
    expect(clicks).toHaveBeenCalledWith(payload);
  });

  test('relays a number Open CTI typed as a number, as text', async () => {
    const { salesforce, seen } = await started();
    salesforce.click({ number: 4155550100 });
    expect(seen).toEqual([
      { version: 1, type: 'clickToDial', requestId: 'bridge-2', payload: { number: '4155550100' } },
    ]);
  });

  test('also reads the fields under returnValue, as early Open CTI guides show them', async () => {
    const { salesforce, seen } = await started();
    salesforce.click({ returnValue: { number: '5550100', recordId: ID18 } } as never);
    expect(seen).toEqual([
      {
        version: 1,
        type: 'clickToDial',
        requestId: 'bridge-2',
        payload: { number: '5550100', recordId: ID18 },
      },
    ]);
  });

  test('keeps record names as text, markup included', async () => {
    const { salesforce, client } = await started();
    const clicks = jest.fn();
    client.onClickToDial(clicks);
    salesforce.click({ number: '5550100', recordName: '<img src=x onerror=alert(1)>' });
    expect(clicks).toHaveBeenCalledWith({ number: '5550100', recordName: '<img src=x onerror=alert(1)>' });
  });

  test('drops a field the schema refuses but still relays the click', async () => {
    const { salesforce, client, log } = await started();
    const clicks = jest.fn();
    client.onClickToDial(clicks);
    salesforce.click({ number: '5550100', recordId: 'not-an-id', recordName: '', objectType: 'Contact' });
    expect(clicks).toHaveBeenCalledWith({ number: '5550100', objectType: 'Contact' });
    expect(log.lines.filter((line) => !line.startsWith('debug'))).toEqual([
      'warn Click-to-dial: payload.recordId must be a Salesforce id (15 letters and digits, or 18 with a valid checksum) (dropped)',
    ]);
  });

  test('relays nothing without a usable number', async () => {
    const { salesforce, seen, log } = await started();
    salesforce.click({ number: 'call me', recordId: ID18 });
    salesforce.click(null as never);
    expect(seen).toEqual([]);
    expect(log.lines).toEqual([
      expect.stringMatching(/^warn Click-to-dial: payload\.number must be a phone number/),
      'warn Ignored a click-to-dial without a usable phone number',
      'warn Click-to-dial: the click payload is not an object',
      'warn Ignored a click-to-dial without a usable phone number',
    ]);
  });
});

const SCREEN_POPS: [ScreenPopTarget, Record<string, unknown>][] = [
  [
    { type: 'SOBJECT', params: { recordId: ID18 } },
    { type: 'sobject', params: { recordId: ID18 } },
  ],
  [
    { type: 'URL', params: { url: '/lightning/o/Case/home' } },
    { type: 'url', params: { url: '/lightning/o/Case/home' } },
  ],
  [
    { type: 'OBJECTHOME', params: { scope: 'Account' } },
    { type: 'objecthome', params: { scope: 'Account' } },
  ],
  [
    { type: 'LIST', params: { listViewId: '00B000000000001', scope: 'Contact' } },
    { type: 'list', params: { listViewId: '00B000000000001', scope: 'Contact' } },
  ],
  [
    { type: 'SEARCH', params: { searchString: 'Ada' } },
    { type: 'search', params: { searchString: 'Ada' } },
  ],
  [
    {
      type: 'NEW_RECORD_MODAL',
      params: { entityName: 'Contact' },
      defaultFieldValues: { Phone: '5550100', LastName: 'Unknown' },
    },
    {
      type: 'newRecord',
      params: { entityName: 'Contact' },
      defaultFieldValues: { Phone: '5550100', LastName: 'Unknown' },
    },
  ],
  [
    {
      type: 'FLOW',
      params: {
        flowDevName: 'Caller_Intake',
        flowArgs: [{ name: 'phone', type: 'String', value: '5550100' }],
      },
    },
    {
      type: 'flow',
      params: {
        flowDevName: 'Caller_Intake',
        flowArgs: [{ name: 'phone', type: 'String', value: '5550100' }],
      },
    },
  ],
];

describe('serving the utility', () => {
  test.each(SCREEN_POPS)('screenPop %j', async (target, expected) => {
    const { salesforce, client, seen } = await started();
    await expect(client.request('screenPop', target)).resolves.toBeNull();
    expect(salesforce.callsOf('screenPop')).toEqual([expected]);
    expect(seen).toEqual([
      { version: 1, type: 'screenPop', requestId: 'utility-1', payload: target },
      { version: 1, type: 'response', requestId: 'utility-1', payload: { ok: true, result: null } },
    ]);
  });

  test('searchAndScreenPop returns the matches and lets Salesforce pop as the softphone layout says', async () => {
    const { salesforce, client } = await started((f) =>
      f.script('searchAndScreenPop', {
        returnValue: {
          [ID18]: { Id: ID18, Name: 'Ada Lovelace', RecordType: 'Contact', Phone: '+1 415 555 0100' },
        },
      }),
    );
    await expect(
      client.request('searchAndScreenPop', {
        searchParams: '+14155550100',
        callType: 'INBOUND',
        deferred: false,
      }),
    ).resolves.toEqual({
      matches: [
        { id: ID18, objectType: 'Contact', name: 'Ada Lovelace', fields: { Phone: '+1 415 555 0100' } },
      ],
    });
    expect(salesforce.callsOf('searchAndScreenPop')).toEqual([
      { searchParams: '+14155550100', callType: 'inbound', deferred: false },
    ]);
  });

  test('a deferred searchAndScreenPop hands back a token; screenPopDeferred pops SCREEN_POP_DATA once', async () => {
    const screenPopData = { type: 'sobject', params: { recordId: ID18 } };
    const { salesforce, client } = await started((f) =>
      f.script('searchAndScreenPop', {
        returnValue: {
          [ID18]: { Id: ID18, Name: 'Ada Lovelace', RecordType: 'Contact' },
          SCREEN_POP_DATA: screenPopData,
        },
      }),
    );
    const found = await client.request('searchAndScreenPop', {
      searchParams: '5550100',
      callType: 'INBOUND',
      deferred: true,
    });
    expect(found).toEqual({
      matches: [{ id: ID18, objectType: 'Contact', name: 'Ada Lovelace', fields: {} }],
      popToken: 'bridge-2',
    });
    expect(salesforce.callsOf('screenPop')).toEqual([]);

    await expect(client.request('screenPopDeferred', { popToken: 'bridge-2' })).resolves.toBeNull();
    expect(salesforce.callsOf('screenPop')).toEqual([screenPopData]);

    await expect(client.request('screenPopDeferred', { popToken: 'bridge-2' })).rejects.toMatchObject({
      code: 'EXPIRED',
      message: 'That screen pop is no longer available. Search for the caller again.',
    });
  });

  test('keeps at most 20 deferred screen pops', async () => {
    const { client } = await started((f) =>
      f.script('searchAndScreenPop', {
        returnValue: { SCREEN_POP_DATA: { type: 'search', params: { searchString: '555' } } },
      }),
    );
    const tokens: string[] = [];
    for (let i = 0; i < 21; i++) {
      const found = await client.request('searchAndScreenPop', {
        searchParams: '555',
        callType: 'INBOUND',
        deferred: true,
      });
      tokens.push(found.popToken ?? '');
    }
    await expect(client.request('screenPopDeferred', { popToken: tokens[0] ?? '' })).rejects.toMatchObject({
      code: 'EXPIRED',
    });
    await expect(client.request('screenPopDeferred', { popToken: tokens[20] ?? '' })).resolves.toBeNull();
  });

  test('saveLog creates the record and answers with its id', async () => {
    const { salesforce, client } = await started((f) =>
      f.script('saveLog', { returnValue: { recordId: '00T000000000001EAA' } }),
    );
    const value = {
      entityApiName: 'Task',
      Subject: 'Call with Ada',
      TaskSubtype: 'Call',
      CallType: 'Outbound',
      CallDurationInSeconds: 95,
      CallObject: 'a84b4c76e66710@pc33.example.com',
      Description: 'Wants a callback\non Monday',
      WhoId: ID18,
    };
    await expect(client.request('saveLog', { value })).resolves.toEqual({ recordId: '00T000000000001EAA' });
    expect(salesforce.callsOf('saveLog')).toEqual([{ value }]);
  });

  test('saveLog failure reaches the agent with Salesforce’s field-level reason', async () => {
    const { client } = await started((f) =>
      f.script('saveLog', {
        errors: [
          {
            code: 'GENERIC_ERROR',
            description:
              'An error occurred while calling the saveLog() API method. Review the Details field in the error section.',
            details: [{ message: 'Required fields are missing: [Subject]', pageErrors: [], fieldErrors: {} }],
          },
        ],
      }),
    );
    await expect(client.request('saveLog', { value: { entityApiName: 'Task' } })).rejects.toMatchObject({
      name: 'BridgeRequestError',
      code: 'GENERIC_ERROR',
      message:
        'The call log was not saved. Try again; if it keeps happening, reload the page. Salesforce said: Required fields are missing: [Subject]',
    });
  });

  test.each(Object.keys(DOCUMENTED_ERRORS))('answers an Open CTI %s with that code', async (code) => {
    const { client } = await started((f) =>
      f.script('screenPop', { errors: [DOCUMENTED_ERRORS[code as keyof typeof DOCUMENTED_ERRORS]] }),
    );
    await expect(
      client.request('screenPop', { type: 'SOBJECT', params: { recordId: ID18 } }),
    ).rejects.toMatchObject({ code });
  });

  test('setPanelVisibility opens or minimises the softphone panel', async () => {
    const { salesforce, client } = await started();
    await client.request('setPanelVisibility', { visible: true });
    await client.request('setPanelVisibility', { visible: false });
    expect(salesforce.callsOf('setSoftphonePanelVisibility')).toEqual([
      { visible: true },
      { visible: false },
    ]);
  });

  test('getCallCenterSettings reads the call center again', async () => {
    const { salesforce, client } = await started();
    salesforce.script('getCallCenterSettings', {
      returnValue: { ...DOCUMENTED_SETTINGS, '/softphoneSettings/mode': 'deskphone' },
    });
    await expect(client.request('getCallCenterSettings', {})).resolves.toEqual({
      ...SETTINGS,
      mode: 'deskphone',
    });
    expect(salesforce.callsOf('getCallCenterSettings')).toEqual([{}]);
    // The change is announced to everyone listening.
    await settle();
    expect(client.bridgeStatus).toEqual({
      state: 'ready',
      clickToDial: true,
      settings: { ...SETTINGS, mode: 'deskphone' },
    });
  });

  test('getBridgeStatus answers the current status', async () => {
    const { client } = await started();
    await expect(client.request('getBridgeStatus', {})).resolves.toEqual({
      state: 'ready',
      clickToDial: true,
      settings: SETTINGS,
    });
  });

  test('answers TIMEOUT when Open CTI never calls back, before the utility gives up', async () => {
    jest.useFakeTimers();
    const { salesforce, client } = await started((f) => f.script('screenPop', 'never'));
    const outcome = client
      .request('screenPop', { type: 'SOBJECT', params: { recordId: ID18 } })
      .catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(8_000);
    expect(await outcome).toMatchObject({
      code: 'TIMEOUT',
      message:
        'Salesforce could not open the page for this call. Salesforce did not answer in time; try again, or reload the page.',
    });
    expect(salesforce.callsOf('screenPop')).toHaveLength(1);
  });
});

describe('what the bridge never acts on', () => {
  const request = (extra: Record<string, unknown> = {}) => ({
    version: 1,
    type: 'screenPop',
    requestId: 'forged-1',
    payload: { type: 'SOBJECT', params: { recordId: ID18 } },
    ...extra,
  });

  test.each([
    [
      'a request of an unknown type',
      request({ type: 'dial' }),
      'unknown-type: type "dial" is not a known message type',
    ],
    [
      'a message of another schema version',
      request({ version: 2 }),
      'unsupported-version: version 2 is not 1',
    ],
    [
      'another component’s data on the channel',
      { messageBody: 'hi', source: 'Other' },
      'malformed: message has an unexpected member "messageBody"',
    ],
    [
      'an envelope with an extra member',
      request({ replyTo: 'elsewhere' }),
      'malformed: message has an unexpected member "replyTo"',
    ],
    [
      'a request with a hostile payload',
      request({ payload: { type: 'URL', params: { url: 'javascript:alert(1)' } } }),
      'invalid-payload: payload.params.url must be a relative path starting with a single /',
    ],
  ])('%s: ignored and logged, no Open CTI call, no answer', async (_what, message, why) => {
    const { salesforce, lms, log, seen } = await started();
    lms.publish(CHANNEL, message);
    await settle();
    expect(salesforce.calls).toEqual([]);
    expect(seen).toEqual([message]);
    expect(log.lines).toEqual([`warn Ignored a message on Softphone__c: ${why}`]);
  });

  test('a repeated requestId is served once', async () => {
    const { salesforce, lms, log } = await started();
    lms.publish(CHANNEL, request());
    await settle();
    lms.publish(CHANNEL, request());
    await settle();
    expect(salesforce.callsOf('screenPop')).toHaveLength(1);
    expect(log.lines).toContain('warn Ignored screenPop forged-1: this requestId was already served');
  });

  test('events and responses, its own or forged, are not requests', async () => {
    const { salesforce, lms, log } = await started();
    lms.publish(CHANNEL, {
      version: 1,
      type: 'response',
      requestId: 'x1',
      payload: { ok: true, result: null },
    });
    lms.publish(CHANNEL, {
      version: 1,
      type: 'clickToDial',
      requestId: 'x2',
      payload: { number: '5550100' },
    });
    await settle();
    expect(salesforce.calls).toEqual([]);
    expect(log.lines).toEqual([
      'debug Ignored response x1: the bridge serves requests only',
      'debug Ignored clickToDial x2: the bridge serves requests only',
    ]);
  });
});
