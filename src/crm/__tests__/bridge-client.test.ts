// The utility's listening end over an in-memory channel that behaves like LMS: every published message reaches
// every subscriber.
import { BridgeClient, type MessageTransport } from '..';
import type { CrmLogger } from '../../protocol';

function channel() {
  const listeners = new Set<(message: unknown) => void>();
  const transport: MessageTransport = {
    subscribe: jest.fn((listener: (message: unknown) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
  };
  /** Something else on the channel (the bridge, or a stranger) publishes. */
  const deliver = (message: unknown) => {
    for (const listener of [...listeners]) listener(message);
  };
  return { transport, deliver, listeners };
}

function logger(): CrmLogger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function setup() {
  const bus = channel();
  const log = logger();
  const client = new BridgeClient({ transport: bus.transport, logger: log });
  return { ...bus, log, client };
}

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

  test('ignore and log forged, foreign and retired messages, never acting on them', () => {
    const { client, deliver, log } = setup();
    const clicks = jest.fn();
    client.onClickToDial(clicks);
    deliver({ version: 2, type: 'clickToDial', requestId: 'evt-1', payload: { number: '5550100' } });
    deliver({ messageBody: 'hello', source: 'another component' });
    // The request/response schema is gone (ADR 0007): an old peer's request is refused like any stranger.
    deliver({
      version: 1,
      type: 'screenPop',
      requestId: 'x',
      payload: { type: 'SEARCH', params: { searchString: 'Ada' } },
    });
    expect(clicks).not.toHaveBeenCalled();
    expect(log.lines).toEqual([
      'warn Ignored a message on the softphone channel: unsupported-version: version 2 is not 1',
      'warn Ignored a message on the softphone channel: malformed: message has an unexpected member "messageBody"',
      'warn Ignored a message on the softphone channel: unknown-type: type "screenPop" is not a known message type',
    ]);
  });
});

describe('BridgeClient.dispose', () => {
  test('stops listening and tells no listener anything after', () => {
    const { client, deliver, listeners } = setup();
    const clicks = jest.fn();
    client.onClickToDial(clicks);
    client.dispose();
    expect(listeners.size).toBe(0);
    deliver({ version: 1, type: 'clickToDial', requestId: 'evt-1', payload: { number: '5550100' } });
    expect(clicks).not.toHaveBeenCalled();
  });
});
