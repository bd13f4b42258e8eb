// wrapOpenCti against the emulated sforce.opencti (test/emulation) answering with the documented shapes: the
// exact argument objects it passes, how success, error arrays, thrown errors and silence become promises.
import { DEFAULT_OPEN_CTI_TIMEOUT_MS, OpenCtiError, wrapOpenCti } from '..';
import { DOCUMENTED_ERRORS, DOCUMENTED_SETTINGS } from '../../../test/emulation/open-cti-documented';
import { memoryOpenCti } from '../../../test/emulation/open-cti-memory';

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
});

describe('wrapOpenCti reads returnValues', () => {
  test('getCallCenterSettings: the flat "/section/item" map, strings only', async () => {
    const { salesforce, openCti } = setup();
    salesforce.script('getCallCenterSettings', {
      returnValue: { ...DOCUMENTED_SETTINGS, '/odd/number': 7, notAKey: 'x' },
    });
    await expect(openCti.getCallCenterSettings()).resolves.toEqual(DOCUMENTED_SETTINGS);
  });
});

describe('wrapOpenCti turns failures into OpenCtiError', () => {
  test.each(Object.values(DOCUMENTED_ERRORS).map((entry) => [entry.code, entry] as const))(
    'keeps the documented %s code and Salesforce’s description, and explains it to the agent',
    async (code, entry) => {
      const { salesforce, openCti } = setup();
      salesforce.script('enableClickToDial', { errors: [entry] });
      const error = await openCti.enableClickToDial().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenCtiError);
      expect(error).toMatchObject({
        name: 'OpenCtiError',
        code,
        method: 'enableClickToDial',
        description: entry.description,
        details: [],
      });
      expect((error as Error).message).toMatch(/^Click-to-dial could not be turned on\. /);
    },
  );

  test('words each code for the agent', async () => {
    const messages: Record<string, string> = {};
    for (const entry of Object.values(DOCUMENTED_ERRORS)) {
      const { salesforce, openCti } = setup();
      salesforce.script('getCallCenterSettings', { errors: [entry] });
      messages[entry.code] = (
        (await openCti.getCallCenterSettings().catch((e: unknown) => e)) as Error
      ).message;
    }
    expect(messages).toEqual({
      INVALID_PARAM:
        'Salesforce could not read your call center settings. Salesforce refused a value; if this keeps happening, tell your Salesforce administrator.',
      GENERIC_ERROR:
        'Salesforce could not read your call center settings. Try again; if it keeps happening, reload the page.',
      SERVER_ERROR:
        'Salesforce could not read your call center settings. Salesforce had a server problem; try again in a moment.',
      SOFTPHONE_CONTAINER_ERROR:
        'Salesforce could not read your call center settings. The phone panel is still starting; wait a moment and try again, or reload the page.',
    });
  });

  test('adds Salesforce’s details to the message', async () => {
    const { salesforce, openCti } = setup();
    salesforce.script('getCallCenterSettings', {
      errors: [
        {
          code: 'GENERIC_ERROR',
          description:
            'An error occurred while calling the getCallCenterSettings() API method. Review the Details field in the error section.',
          details: [{ message: 'The call center definition could not be read' }],
        },
      ],
    });
    const error = await openCti.getCallCenterSettings().catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'GENERIC_ERROR',
      details: ['The call center definition could not be read'],
      message:
        'Salesforce could not read your call center settings. Try again; if it keeps happening, reload the page. Salesforce said: The call center definition could not be read',
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
    salesforce.script('enableClickToDial', 'throw');
    await expect(openCti.enableClickToDial()).rejects.toMatchObject({
      code: 'GENERIC_ERROR',
      method: 'enableClickToDial',
      description: 'enableClickToDial is not available outside the Open CTI iframe',
    });
  });

  test('keeps agent messages within the schema’s 500 characters and free of control characters', async () => {
    const { salesforce, openCti } = setup();
    salesforce.script('getCallCenterSettings', {
      errors: [
        {
          code: 'GENERIC_ERROR',
          description: 'bad\nline',
          details: Array.from({ length: 5 }, () => ({ message: `x\n${'y'.repeat(200)}` })),
        },
      ],
    });
    const error = (await openCti.getCallCenterSettings().catch((e: unknown) => e)) as OpenCtiError;
    expect(error.message.length).toBeLessThanOrEqual(500);
    expect(error.message).not.toMatch(/[\u0000-\u001f]/);
    expect(error.description).toBe('bad line');
  });
});
