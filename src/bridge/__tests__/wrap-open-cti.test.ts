// wrapOpenCti against the emulated sforce.opencti (test/emulation) answering with the documented shapes: the
// exact argument objects it passes, how success, error arrays, thrown errors and silence become promises.
import { DEFAULT_OPEN_CTI_TIMEOUT_MS, OpenCtiError, wrapOpenCti } from '..';
import { DOCUMENTED_ERRORS, DOCUMENTED_SETTINGS } from '../../../test/emulation/open-cti-documented';
import type { EmulatedOpenCti } from '../../../test/emulation/open-cti';
import { memoryOpenCti } from '../../../test/emulation/open-cti-memory';

const ID18 = '003000000000001AAA';

function setup() {
  const salesforce = memoryOpenCti().openCti;
  return { salesforce, openCti: wrapOpenCti(salesforce, { timeoutMs: 1_000 }) };
}

afterEach(() => jest.useRealTimers());

describe('wrapOpenCti passes the documented argument objects', () => {
  test('enableClickToDial, disableClickToDial and notifyInitializationComplete take only a callback', async () => {
    const { salesforce, openCti } = setup();
    await openCti.enableClickToDial();
    await openCti.disableClickToDial();
    await openCti.notifyInitializationComplete();
    expect(salesforce.calls).toEqual([
      { method: 'enableClickToDial', args: {} },
      { method: 'disableClickToDial', args: {} },
      { method: 'notifyInitializationComplete', args: {} },
    ]);
  });

  test('screenPop uses sforce.opencti.SCREENPOP_TYPE and passes params (and defaultFieldValues for new records)', async () => {
    const { salesforce, openCti } = setup();
    await openCti.screenPop({ type: 'SOBJECT', params: { recordId: ID18 } });
    await openCti.screenPop({
      type: 'NEW_RECORD_MODAL',
      params: { entityName: 'Contact' },
      defaultFieldValues: { Phone: '5550100' },
    });
    expect(salesforce.callsOf('screenPop')).toEqual([
      { type: 'sobject', params: { recordId: ID18 } },
      { type: 'newRecord', params: { entityName: 'Contact' }, defaultFieldValues: { Phone: '5550100' } },
    ]);
  });

  test('screenPop falls back to the documented type names when the enumeration is missing', async () => {
    // An opencti_min.js without the enumerations: its own checks are not the point, so it accepts the names.
    const salesforce = memoryOpenCti()
      .openCti.script('screenPop', { returnValue: null })
      .script('searchAndScreenPop', { returnValue: {} });
    const bare = Object.assign(
      Object.create(Object.getPrototypeOf(salesforce) as object) as EmulatedOpenCti,
      salesforce,
      {
        SCREENPOP_TYPE: undefined,
        CALL_TYPE: undefined,
      },
    );
    const openCti = wrapOpenCti(bare);
    await openCti.screenPop({ type: 'SEARCH', params: { searchString: 'Ada' } });
    await openCti.searchAndScreenPop({ searchParams: '5550100', callType: 'INTERNAL', deferred: false });
    expect(bare.calls.map((c) => c.args)).toEqual([
      { type: 'SEARCH', params: { searchString: 'Ada' } },
      { searchParams: '5550100', callType: 'INTERNAL', deferred: false },
    ]);
  });

  test('searchAndScreenPop passes searchParams, queryParams, defaultFieldValues, CALL_TYPE and deferred', async () => {
    const { salesforce, openCti } = setup();
    await openCti.searchAndScreenPop({
      searchParams: '+14155550100',
      queryParams: 'callId=abc',
      defaultFieldValues: { Phone: '+14155550100' },
      callType: 'OUTBOUND',
      deferred: true,
    });
    expect(salesforce.callsOf('searchAndScreenPop')).toEqual([
      {
        searchParams: '+14155550100',
        queryParams: 'callId=abc',
        defaultFieldValues: { Phone: '+14155550100' },
        callType: 'outbound',
        deferred: true,
      },
    ]);
  });

  test('saveLog, setSoftphonePanelVisibility, subscribe and publish', async () => {
    const { salesforce, openCti } = setup();
    const listener = jest.fn();
    await openCti.saveLog({ entityApiName: 'Task', Subject: 'Call', CallDurationInSeconds: 42 });
    await openCti.setSoftphonePanelVisibility(false);
    await openCti.subscribe('Softphone__c', listener);
    await openCti.publish('Softphone__c', { hello: 'world' });
    expect(salesforce.calls).toEqual([
      {
        method: 'saveLog',
        args: { value: { entityApiName: 'Task', Subject: 'Call', CallDurationInSeconds: 42 } },
      },
      { method: 'setSoftphonePanelVisibility', args: { visible: false } },
      { method: 'subscribe', args: { channelName: 'Softphone__c' } },
      { method: 'publish', args: { channelName: 'Softphone__c', message: { hello: 'world' } } },
    ]);
    expect(listener).toHaveBeenCalledWith({ hello: 'world' });
  });
});

describe('wrapOpenCti reads returnValues', () => {
  test('getCallCenterSettings: the flat "/section/item" map, strings only', async () => {
    const { salesforce, openCti } = setup();
    salesforce.script('getCallCenterSettings', {
      returnValue: { ...DOCUMENTED_SETTINGS, '/odd/number': 7, notAKey: 'x' },
    });
    await expect(openCti.getCallCenterSettings()).resolves.toEqual(DOCUMENTED_SETTINGS);
  });

  test('searchAndScreenPop: records by id with their display fields, and SCREEN_POP_DATA when deferred', async () => {
    const { salesforce, openCti } = setup();
    salesforce.script('searchAndScreenPop', {
      returnValue: {
        [ID18]: {
          Id: ID18,
          Name: 'Ada Lovelace',
          RecordType: 'Contact',
          Phone: '+1 415 555 0100',
          Title: 'CTO',
        },
        '001000000000001AAA': { Id: '001000000000001AAA', Name: 'Analytical Engines', RecordType: 'Account' },
        SCREEN_POP_DATA: { type: 'sobject', params: { recordId: ID18 } },
        junk: 'not a record',
        '00Q000000000001EAA': { Id: '00Q000000000001EAA', Name: 'x'.repeat(300), RecordType: 'Lead' },
      },
    });
    await expect(
      openCti.searchAndScreenPop({ searchParams: '5550100', callType: 'INBOUND', deferred: true }),
    ).resolves.toEqual({
      matches: [
        {
          id: ID18,
          objectType: 'Contact',
          name: 'Ada Lovelace',
          fields: { Phone: '+1 415 555 0100', Title: 'CTO' },
        },
        { id: '001000000000001AAA', objectType: 'Account', name: 'Analytical Engines', fields: {} },
      ],
      screenPopData: { type: 'sobject', params: { recordId: ID18 } },
    });
  });

  test.each([
    ['an id', '00T000000000001EAA', { recordId: '00T000000000001EAA' }],
    ['{recordId}', { recordId: '00T000000000001EAA' }, { recordId: '00T000000000001EAA' }],
    ['{Id}', { Id: '00T000000000001EAA' }, { recordId: '00T000000000001EAA' }],
    ['nothing usable', { id: 42 }, {}],
    ['null', null, {}],
  ])('saveLog: the record id from %s', async (_what, returnValue, expected) => {
    const { salesforce, openCti } = setup();
    salesforce.script('saveLog', { returnValue });
    await expect(openCti.saveLog({ Id: ID18, Subject: 'Call' })).resolves.toEqual(expected);
  });
});

describe('wrapOpenCti turns failures into OpenCtiError', () => {
  test.each(Object.values(DOCUMENTED_ERRORS).map((entry) => [entry.code, entry] as const))(
    'keeps the documented %s code and Salesforce’s description, and explains it to the agent',
    async (code, entry) => {
      const { salesforce, openCti } = setup();
      salesforce.script('screenPop', { errors: [entry] });
      const error = await openCti
        .screenPop({ type: 'SOBJECT', params: { recordId: ID18 } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenCtiError);
      expect(error).toMatchObject({
        name: 'OpenCtiError',
        code,
        method: 'screenPop',
        description: entry.description,
        details: [],
      });
      expect((error as Error).message).toMatch(/^Salesforce could not open the page for this call\. /);
    },
  );

  test('words each code for the agent', async () => {
    const messages: Record<string, string> = {};
    for (const entry of Object.values(DOCUMENTED_ERRORS)) {
      const { salesforce, openCti } = setup();
      salesforce.script('setSoftphonePanelVisibility', { errors: [entry] });
      messages[entry.code] = (
        (await openCti.setSoftphonePanelVisibility(true).catch((e: unknown) => e)) as Error
      ).message;
    }
    expect(messages).toEqual({
      INVALID_PARAM:
        'The phone panel could not be opened or minimised. Salesforce refused a value; if this keeps happening, tell your Salesforce administrator.',
      GENERIC_ERROR:
        'The phone panel could not be opened or minimised. Try again; if it keeps happening, reload the page.',
      SERVER_ERROR:
        'The phone panel could not be opened or minimised. Salesforce had a server problem; try again in a moment.',
      SOFTPHONE_CONTAINER_ERROR:
        'The phone panel could not be opened or minimised. The phone panel is still starting; wait a moment and try again, or reload the page.',
    });
  });

  test('adds saveLog’s field-level details to the message', async () => {
    const { salesforce, openCti } = setup();
    salesforce.script('saveLog', {
      errors: [
        {
          code: 'GENERIC_ERROR',
          description:
            'An error occurred while calling the saveLog() API method. Review the Details field in the error section.',
          details: [{ message: 'Required fields are missing: [Subject]', fieldNames: ['Subject'] }],
        },
      ],
    });
    const error = await openCti.saveLog({ entityApiName: 'Task' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'GENERIC_ERROR',
      details: ['Required fields are missing: [Subject]'],
      message:
        'The call log was not saved. Try again; if it keeps happening, reload the page. Salesforce said: Required fields are missing: [Subject]',
    });
  });

  test.each([
    [
      'an unknown code',
      { success: false, returnValue: null, errors: [{ code: 'NEW_CODE', description: 'x' }] },
    ],
    ['no errors at all', { success: false, returnValue: null, errors: null }],
    [
      'a code of our own',
      { success: false, returnValue: null, errors: [{ code: 'TIMEOUT', description: 'x' }] },
    ],
    ['no response object', undefined],
  ])('treats %s as GENERIC_ERROR', async (_what, response) => {
    const raw = memoryOpenCti().openCti;
    raw.enableClickToDial = ({ callback }) => callback?.(response as never);
    await expect(wrapOpenCti(raw).enableClickToDial()).rejects.toMatchObject({ code: 'GENERIC_ERROR' });
  });

  test('reads the error list when the response names it `error`', async () => {
    const raw = memoryOpenCti().openCti;
    raw.enableClickToDial = ({ callback }) =>
      callback?.({ success: false, returnValue: null, error: [DOCUMENTED_ERRORS.SERVER_ERROR] } as never);
    await expect(wrapOpenCti(raw).enableClickToDial()).rejects.toMatchObject({ code: 'SERVER_ERROR' });
  });

  test('fails with TIMEOUT when the callback never comes, and ignores it if it comes later', async () => {
    jest.useFakeTimers();
    const raw = memoryOpenCti().openCti;
    let late: (() => void) | undefined;
    raw.getCallCenterSettings = ({ callback }) => {
      late = () => callback({ success: true, returnValue: {}, errors: null });
    };
    const outcome = wrapOpenCti(raw)
      .getCallCenterSettings()
      .catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(DEFAULT_OPEN_CTI_TIMEOUT_MS);
    expect(await outcome).toMatchObject({
      code: 'TIMEOUT',
      method: 'getCallCenterSettings',
      description: 'no callback within 8000 ms',
      message:
        'Salesforce could not read your call center settings. Salesforce did not answer in time; try again, or reload the page.',
    });
    expect(() => late?.()).not.toThrow();
  });

  test('fails with GENERIC_ERROR when the method throws (e.g. outside the Open CTI iframe)', async () => {
    const { salesforce, openCti } = setup();
    salesforce.script('subscribe', 'throw');
    await expect(openCti.subscribe('Softphone__c', jest.fn())).rejects.toMatchObject({
      code: 'GENERIC_ERROR',
      method: 'subscribe',
      description: 'subscribe is not available outside the Open CTI iframe',
    });
  });

  test('keeps agent messages within the schema’s 500 characters and free of control characters', async () => {
    const { salesforce, openCti } = setup();
    salesforce.script('saveLog', {
      errors: [
        {
          code: 'GENERIC_ERROR',
          description: 'bad\nline',
          details: Array.from({ length: 5 }, () => ({ message: `x\n${'y'.repeat(200)}` })),
        },
      ],
    });
    const error = (await openCti.saveLog({ Id: ID18 }).catch((e: unknown) => e)) as OpenCtiError;
    expect(error.message.length).toBeLessThanOrEqual(500);
    expect(error.message).not.toMatch(/[\u0000-\u001f]/);
    expect(error.description).toBe('bad line');
  });
});
