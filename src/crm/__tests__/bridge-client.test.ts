// The utility's request/response client over an in-memory channel that behaves like LMS: every published
// message reaches every subscriber, the publisher included.
import { BridgeClient, BridgeRequestError, DEFAULT_REQUEST_TIMEOUT_MS, type MessageTransport } from '..';
import type { CrmLogger, SoftphoneMessage } from '../../protocol';

function channel() {
  const listeners = new Set<(message: unknown) => void>();
  const published: unknown[] = [];
  const transport: MessageTransport = {
    publish: jest.fn((message: SoftphoneMessage) => {
      published.push(message);
      for (const listener of [...listeners]) listener(message);
    }),
    subscribe: jest.fn((listener: (message: unknown) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
  };
  /** Something else on the channel (the bridge, or a stranger) publishes. */
  const deliver = (message: unknown) => {
    for (const listener of [...listeners]) listener(message);
  };
  return { transport, published, deliver, listeners };
}

function logger(): CrmLogger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

const response = (requestId: string, payload: unknown) => ({
  version: 1,
  type: 'response',
  requestId,
  payload,
});

let ids = 0;
const createRequestId = () => `req-${++ids}`;

function setup(options: { timeoutMs?: number } = {}) {
  const bus = channel();
  const log = logger();
  const client = new BridgeClient({ transport: bus.transport, logger: log, createRequestId, ...options });
  return { ...bus, log, client };
}

beforeEach(() => {
  ids = 0;
});

afterEach(() => {
  jest.useRealTimers();
});

describe('BridgeClient requests', () => {
  test('publish the request envelope and resolve with the checked result of the matching response', async () => {
    const { client, published, deliver } = setup();
    const pending = client.request('setPanelVisibility', { visible: true });
    expect(published).toEqual([
      { version: 1, type: 'setPanelVisibility', requestId: 'req-1', payload: { visible: true } },
    ]);
    deliver(response('req-1', { ok: true, result: null }));
    await expect(pending).resolves.toBeNull();
  });

  test('resolve a response that arrives synchronously while publishing', async () => {
    const { client, transport, deliver } = setup();
    (transport.publish as jest.Mock).mockImplementationOnce((message: SoftphoneMessage) =>
      deliver(response(message.requestId, { ok: true, result: { recordId: '00T000000000001EAA' } })),
    );
    await expect(
      client.request('saveLog', { value: { entityApiName: 'Task', Subject: 'Call' } }),
    ).resolves.toEqual({
      recordId: '00T000000000001EAA',
    });
  });

  test('reject with the bridge’s code and agent message', async () => {
    const { client, deliver } = setup();
    const pending = client.request('screenPop', { type: 'SOBJECT', params: { recordId: '003000000000001' } });
    deliver(
      response('req-1', {
        ok: false,
        error: { code: 'SERVER_ERROR', message: 'Salesforce had a server problem.' },
      }),
    );
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeRequestError);
    expect(error).toMatchObject({
      name: 'BridgeRequestError',
      code: 'SERVER_ERROR',
      message: 'Salesforce had a server problem.',
    });
  });

  test('time out after 10 s by default: a request never waits forever', async () => {
    jest.useFakeTimers();
    const { client, log } = setup();
    const pending = client.request('getBridgeStatus', {});
    const outcome = pending.catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(DEFAULT_REQUEST_TIMEOUT_MS - 1);
    let settled = false;
    void pending.catch(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringContaining('did not answer'),
    });
    expect(log.lines).toContain('warn getBridgeStatus req-1 timed out');
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(10_000);
  });

  test('honour a per-client and a per-request timeout', async () => {
    jest.useFakeTimers();
    const { client } = setup({ timeoutMs: 2_000 });
    const perClient = client.request('getBridgeStatus', {}).catch((e: unknown) => e);
    const perRequest = client.request('getBridgeStatus', {}, { timeoutMs: 500 }).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(500);
    expect(await perRequest).toMatchObject({ code: 'TIMEOUT' });
    await jest.advanceTimersByTimeAsync(1_500);
    expect(await perClient).toMatchObject({ code: 'TIMEOUT' });
  });

  test('ignore a late response after the timeout', async () => {
    jest.useFakeTimers();
    const { client, deliver, log } = setup({ timeoutMs: 100 });
    const outcome = client.request('getBridgeStatus', {}).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(100);
    deliver(response('req-1', { ok: true, result: { state: 'ready', clickToDial: true } }));
    expect(await outcome).toMatchObject({ code: 'TIMEOUT' });
    expect(log.lines).toContain(
      'debug Ignored a response to req-1: no request of this phone is waiting for it',
    );
  });

  test('ignore a response whose result does not fit the request, and keep waiting for a valid one', async () => {
    const { client, deliver, log } = setup();
    const pending = client.request('getBridgeStatus', {});
    deliver(response('req-1', { ok: true, result: { state: 'ready' } }));
    deliver(response('req-1', { ok: true, result: { state: 'ready', clickToDial: true } }));
    await expect(pending).resolves.toEqual({ state: 'ready', clickToDial: true });
    expect(log.lines).toContain(
      'warn Ignored a response to getBridgeStatus req-1: result has no clickToDial',
    );
  });

  test('refuse an invalid payload before sending it', async () => {
    const { client, published, log } = setup();
    const error = await client
      .request('screenPop', { type: 'URL', params: { url: 'javascript:alert(1)' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(published).toEqual([]);
    expect(log.lines).toContain(
      'error Refused to send screenPop: invalid-payload: payload.params.url must be a relative path starting with a single /',
    );
  });

  test.each([
    [
      'throws',
      () => {
        throw new Error('no message context');
      },
    ],
    ['rejects', () => Promise.reject(new Error('no message context'))],
  ])('fail with BRIDGE_UNAVAILABLE when publishing %s', async (_how, publish) => {
    const { client, transport } = setup();
    (transport.publish as jest.Mock).mockImplementationOnce(publish);
    await expect(client.request('getBridgeStatus', {})).rejects.toMatchObject({ code: 'BRIDGE_UNAVAILABLE' });
  });

  test('use a fresh requestId per request and never mix up answers', async () => {
    const { client, deliver } = setup();
    const first = client.request('setPanelVisibility', { visible: true });
    const second = client.request('getBridgeStatus', {});
    deliver(response('req-2', { ok: true, result: { state: 'connecting', clickToDial: false } }));
    deliver(response('req-1', { ok: true, result: null }));
    await expect(second).resolves.toEqual({ state: 'connecting', clickToDial: false });
    await expect(first).resolves.toBeNull();
  });
});

describe('BridgeClient events', () => {
  test('hand clicks to every listener until it stops listening', () => {
    const { client, deliver } = setup();
    const first = jest.fn();
    const second = jest.fn();
    const stop = client.onClickToDial(first);
    client.onClickToDial(second);
    const payload = {
      number: '+1 415 555 0100',
      recordId: '003000000000001AAA',
      recordName: 'Ada',
      objectType: 'Contact',
    };
    deliver({ version: 1, type: 'clickToDial', requestId: 'evt-1', payload });
    stop();
    deliver({ version: 1, type: 'clickToDial', requestId: 'evt-2', payload });
    expect(first).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenCalledWith(payload);
    expect(second).toHaveBeenCalledTimes(2);
  });

  test('hand the record pages the agent lands on to their listeners; a malformed one to none', () => {
    const { client, deliver } = setup();
    const listener = jest.fn();
    const stop = client.onRecordShown(listener);
    const payload = { recordId: '003000000000009AAA', objectType: 'Contact', recordName: 'New Person' };
    deliver({ version: 1, type: 'recordShown', requestId: 'evt-1', payload });
    deliver({
      version: 1,
      type: 'recordShown',
      requestId: 'evt-2',
      payload: { recordId: 'javascript:alert(1)', objectType: 'Contact' },
    });
    stop();
    deliver({ version: 1, type: 'recordShown', requestId: 'evt-3', payload });
    expect(listener.mock.calls).toEqual([[payload]]);
  });

  test("hand a list view's call list to its listeners; a malformed one to none", () => {
    const { client, deliver } = setup();
    const listener = jest.fn();
    const stop = client.onCallList(listener);
    const payload = { entries: [{ number: '4155550101', recordId: '003000000000009AAA' }] };
    deliver({ version: 1, type: 'callList', requestId: 'evt-1', payload });
    deliver({ version: 1, type: 'callList', requestId: 'evt-2', payload: { entries: 'everyone' } });
    stop();
    deliver({ version: 1, type: 'callList', requestId: 'evt-3', payload });
    expect(listener.mock.calls).toEqual([[payload]]);
  });

  test('keep the latest bridge status and announce it', () => {
    const { client, deliver } = setup();
    const listener = jest.fn();
    client.onBridgeStatus(listener);
    expect(client.bridgeStatus).toBeUndefined();
    deliver({
      version: 1,
      type: 'bridgeStatus',
      requestId: 'evt-1',
      payload: { state: 'ready', clickToDial: true },
    });
    expect(client.bridgeStatus).toEqual({ state: 'ready', clickToDial: true });
    expect(listener).toHaveBeenCalledWith({ state: 'ready', clickToDial: true });
  });

  test('a failing listener neither stops the others nor escapes', () => {
    const { client, deliver, log } = setup();
    const after = jest.fn();
    client.onClickToDial(() => {
      throw new Error('boom');
    });
    client.onClickToDial(after);
    deliver({ version: 1, type: 'clickToDial', requestId: 'evt-1', payload: { number: '5550100' } });
    expect(after).toHaveBeenCalled();
    expect(log.lines).toContain('error A softphone channel listener failed: boom');
  });

  test('ignore and log forged or foreign messages, never acting on them', async () => {
    const { client, deliver, log } = setup();
    const clicks = jest.fn();
    client.onClickToDial(clicks);
    const pending = client.request('getBridgeStatus', {}, { timeoutMs: 50 });
    deliver({ version: 2, type: 'clickToDial', requestId: 'evt-1', payload: { number: '5550100' } });
    deliver({
      version: 2,
      type: 'response',
      requestId: 'req-1',
      payload: { ok: true, result: { state: 'ready', clickToDial: true } },
    });
    deliver({ messageBody: 'hello', source: 'another component' });
    expect(clicks).not.toHaveBeenCalled();
    await expect(pending).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(log.lines).toEqual([
      'warn Ignored a message on the softphone channel: unsupported-version: version 2 is not 1',
      'warn Ignored a message on the softphone channel: unsupported-version: version 2 is not 1',
      'warn Ignored a message on the softphone channel: malformed: message has an unexpected member "messageBody"',
      'warn getBridgeStatus req-1 timed out',
    ]);
  });

  test('ignore its own requests echoed back by the channel', () => {
    const { client, deliver, log } = setup();
    deliver({
      version: 1,
      type: 'screenPop',
      requestId: 'x',
      payload: { type: 'SEARCH', params: { searchString: 'Ada' } },
    });
    expect(log.lines).toEqual([]);
    client.dispose();
  });
});

describe('BridgeClient.dispose', () => {
  test('fails pending requests, stops listening, and refuses new requests', async () => {
    const { client, listeners } = setup();
    const pending = client.request('getBridgeStatus', {});
    client.dispose();
    await expect(pending).rejects.toMatchObject({
      code: 'BRIDGE_UNAVAILABLE',
      message: 'The phone closed before Salesforce answered.',
    });
    expect(listeners.size).toBe(0);
    await expect(client.request('getBridgeStatus', {})).rejects.toMatchObject({ code: 'BRIDGE_UNAVAILABLE' });
  });
});
