// The bridge end to end inside one page: the emulated sforce.opencti (documented shapes, test/emulation)
// under the real wrapOpenCti, and on the other side of the bridge's one-way post the utility's real
// BridgeClient (ADR 0007: the bridge posts, serves nothing, and touches no message channel).
import { BridgeClient, type MessageTransport } from '../../crm';
import type { BridgeStatus, CrmLogger } from '../../protocol';
import { ANNOUNCE_EVERY_MS, SoftphoneBridge, wrapOpenCti } from '..';
import type { EmulatedOpenCti } from '../../../test/emulation/open-cti';
import { DOCUMENTED_ERRORS, DOCUMENTED_SETTINGS } from '../../../test/emulation/open-cti-documented';
import { memoryOpenCti } from '../../../test/emulation/open-cti-memory';

const ID18 = '003000000000001AAA';

function logger(): CrmLogger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** Lets every pending promise job run (Open CTI callbacks, the bridge's awaits). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

const bridges: SoftphoneBridge[] = [];

function setup(prepare: (salesforce: EmulatedOpenCti) => void = () => undefined, clickToDial?: boolean) {
  const { openCti: salesforce } = memoryOpenCti();
  prepare(salesforce);
  const log = logger();
  const statuses: BridgeStatus[] = [];
  // What the bridge posted, in order; each is also delivered to the utility's listeners (the window's).
  const seen: unknown[] = [];
  const listeners = new Set<(message: unknown) => void>();
  let ids = 0;
  const bridge = new SoftphoneBridge({
    openCti: wrapOpenCti(salesforce),
    logger: log,
    post: (message) => {
      seen.push(message);
      for (const listener of listeners) listener(message);
    },
    createRequestId: () => `bridge-${++ids}`,
    onStatus: (status) => statuses.push(status),
    ...(clickToDial === undefined ? {} : { clickToDial }),
  });
  bridges.push(bridge);
  const transport: MessageTransport = {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const client = new BridgeClient({ transport });
  return { salesforce, log, bridge, client, statuses, seen };
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

afterEach(() => {
  for (const bridge of bridges.splice(0)) bridge.stop();
  jest.useRealTimers();
});

describe('starting the bridge', () => {
  test('reads the call center, listens for clicks, enables click-to-dial, then tells Salesforce it is ready', async () => {
    const { salesforce, bridge } = setup();
    await expect(bridge.start()).resolves.toEqual({ state: 'ready', clickToDial: true, settings: SETTINGS });
    expect(salesforce.calls.map((call) => call.method)).toEqual([
      'getCallCenterSettings',
      'onClickToDial',
      'enableClickToDial',
      'notifyInitializationComplete',
    ]);
  });

  test('touches no message channel and follows no navigation: the utility does both itself', async () => {
    const { salesforce, bridge } = setup();
    await bridge.start();
    const methods = salesforce.calls.map((call) => call.method);
    for (const method of ['subscribe', 'publish', 'onNavigationChange'])
      expect(methods).not.toContain(method);
  });

  test('shows connecting, then ready, and posts each status to the utility', async () => {
    const { bridge, statuses, seen, client } = setup();
    await bridge.start();
    await settle();
    const ready = { state: 'ready', clickToDial: true, settings: SETTINGS };
    expect(statuses).toEqual([{ state: 'connecting', clickToDial: false }, ready]);
    expect(seen).toEqual([
      {
        version: 1,
        type: 'bridgeStatus',
        requestId: 'bridge-1',
        payload: { state: 'connecting', clickToDial: false },
      },
      { version: 1, type: 'bridgeStatus', requestId: 'bridge-2', payload: ready },
    ]);
    expect(client.bridgeStatus).toEqual(ready);
  });

  test('starts once however often it is asked', async () => {
    const { bridge, salesforce } = setup();
    await Promise.all([bridge.start(), bridge.start()]);
    await bridge.start();
    expect(salesforce.callsOf('getCallCenterSettings')).toHaveLength(1);
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

describe('announcing itself to a utility that starts later', () => {
  test('repeats its status every ANNOUNCE_EVERY_MS until stopped, each with a new id', async () => {
    jest.useFakeTimers();
    const { bridge, seen, client } = setup();
    await bridge.start();
    seen.length = 0;
    const late = jest.fn();
    client.onBridgeStatus(late);
    jest.advanceTimersByTime(ANNOUNCE_EVERY_MS * 2);
    expect(seen).toEqual([
      expect.objectContaining({ type: 'bridgeStatus', requestId: 'bridge-3' }),
      expect.objectContaining({ type: 'bridgeStatus', requestId: 'bridge-4' }),
    ]);
    expect(late).toHaveBeenCalledWith({ state: 'ready', clickToDial: true, settings: SETTINGS });
    bridge.stop();
    jest.advanceTimersByTime(ANNOUNCE_EVERY_MS * 3);
    expect(seen).toHaveLength(2);
  });

  test('a post that throws is logged and the bridge carries on', async () => {
    const { openCti: salesforce } = memoryOpenCti();
    const log = logger();
    const bridge = new SoftphoneBridge({
      openCti: wrapOpenCti(salesforce),
      logger: log,
      post: () => {
        throw new Error('the Lightning window is gone');
      },
    });
    bridges.push(bridge);
    await expect(bridge.start()).resolves.toMatchObject({ state: 'ready' });
    expect(log.lines).toContain('error Could not post bridgeStatus: the Lightning window is gone');
  });
});

describe('click-to-dial', () => {
  test('the admin’s switch is off: Open CTI is told to turn click-to-dial off, and a click reaches nobody', async () => {
    const { salesforce, bridge, seen } = setup(undefined, false);
    await expect(bridge.start()).resolves.toEqual({ state: 'ready', clickToDial: false, settings: SETTINGS });
    expect(salesforce.calls.map((call) => call.method)).toEqual([
      'getCallCenterSettings',
      'disableClickToDial',
      'notifyInitializationComplete',
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
    expect(seen).toEqual([{ version: 1, type: 'clickToDial', requestId: 'bridge-3', payload }]);
    expect(clicks).toHaveBeenCalledWith(payload);
  });

  test('relays a number Open CTI typed as a number, as text', async () => {
    const { salesforce, seen } = await started();
    salesforce.click({ number: 4155550100 });
    expect(seen).toEqual([
      { version: 1, type: 'clickToDial', requestId: 'bridge-3', payload: { number: '4155550100' } },
    ]);
  });

  test('also reads the fields under returnValue, as early Open CTI guides show them', async () => {
    const { salesforce, seen } = await started();
    salesforce.click({ returnValue: { number: '5550100', recordId: ID18 } } as never);
    expect(seen).toEqual([
      {
        version: 1,
        type: 'clickToDial',
        requestId: 'bridge-3',
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
