// What reaches the utility from Visualforce (ADR 0007): only trusted events from the package's Visualforce
// origin carrying a valid clickToDial, bridgeStatus or callList. Everything else is dropped and acted on by
// nobody; the agent sees nothing of it.
import type { CrmLogger } from '../../protocol';
import { listenToVisualforce, type WindowMessageEvent, type WindowMessages } from '../visualforce-messages';

const VISUALFORCE = 'https://acme--ns.vf.force.com';
const CLICK = { version: 1, type: 'clickToDial', requestId: 'bridge-1', payload: { number: '+14155550100' } };

/** The utility's window: the events the browser would deliver to its 'message' listeners. */
function utilityWindow(): WindowMessages & { deliver(event: WindowMessageEvent): void; listening(): number } {
  const listeners = new Set<(event: WindowMessageEvent) => void>();
  return {
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    deliver: (event) => listeners.forEach((listener) => listener(event)),
    listening: () => listeners.size,
  };
}

function logger(): CrmLogger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function listening() {
  const window = utilityWindow();
  const log = logger();
  const heard: unknown[] = [];
  const stop = listenToVisualforce({ window, visualforceOrigin: VISUALFORCE, logger: log }, (message) =>
    heard.push(message),
  );
  return { window, log, heard, stop };
}

const fromBrowser = (origin: string, data: unknown): WindowMessageEvent => ({
  isTrusted: true,
  origin,
  data,
});

test('a click the bridge posted from the package’s Visualforce origin reaches the utility, checked', () => {
  const { window, heard, log } = listening();
  window.deliver(fromBrowser(VISUALFORCE, CLICK));
  expect(heard).toEqual([CLICK]);
  expect(log.lines).toEqual([]);
});

test.each([
  ['bridgeStatus', { state: 'ready', clickToDial: true }],
  ['callList', { entries: [{ number: '+14155550100', recordName: 'Ada' }] }],
])('a %s from Visualforce reaches the utility', (type, payload) => {
  const { window, heard } = listening();
  const message = { version: 1, type, requestId: 'vf-1', payload };
  window.deliver(fromBrowser(VISUALFORCE, message));
  expect(heard).toEqual([message]);
});

test.each([
  ['another package’s Visualforce host', fromBrowser('https://acme--other.vf.force.com', CLICK)],
  ['the org’s unpackaged Visualforce host', fromBrowser('https://acme--c.vf.force.com', CLICK)],
  [
    'the Lightning window itself (any component on the page)',
    fromBrowser('https://acme.lightning.force.com', CLICK),
  ],
  ['a look-alike host', fromBrowser('https://acme--ns.vf.force.com.evil.example', CLICK)],
  ['plain http on the right host', fromBrowser('http://acme--ns.vf.force.com', CLICK)],
  ['a sandboxed frame (opaque origin)', fromBrowser('null', CLICK)],
  [
    'a script’s synthetic event claiming the right origin',
    { isTrusted: false, origin: VISUALFORCE, data: CLICK },
  ],
])('a click from %s is dropped and acted on by nobody', (_, event) => {
  const { window, heard, log } = listening();
  window.deliver(event);
  expect(heard).toEqual([]);
  expect(log.lines).toHaveLength(1);
  expect(log.lines[0]).toMatch(/^debug Dropped a window message: /);
});

test.each([
  [
    'a request (Visualforce serves none)',
    { ...CLICK, type: 'screenPop', payload: { type: 'SOBJECT', params: { recordId: '003000000000001AAA' } } },
  ],
  ['a response', { ...CLICK, type: 'response', payload: { ok: true, result: null } }],
  [
    'a recordShown (the utility follows pages itself)',
    { ...CLICK, type: 'recordShown', payload: { recordId: '003000000000001AAA', objectType: 'Contact' } },
  ],
  ['a malformed click', { ...CLICK, payload: { number: 'call me' } }],
  ['another schema version', { ...CLICK, version: 2 }],
  ['text', 'clickToDial +14155550100'],
])('%s from the right origin is dropped', (_, data) => {
  const { window, heard, log } = listening();
  window.deliver(fromBrowser(VISUALFORCE, data));
  expect(heard).toEqual([]);
  expect(log.lines[0]).toMatch(/^debug Dropped a window message: /);
});

test('without a Visualforce origin from Apex nothing gets through', () => {
  const window = utilityWindow();
  const heard: unknown[] = [];
  listenToVisualforce({ window, visualforceOrigin: '' }, (message) => heard.push(message));
  window.deliver(fromBrowser('', CLICK));
  window.deliver(fromBrowser(VISUALFORCE, CLICK));
  expect(heard).toEqual([]);
});

test('stops listening when asked', () => {
  const { window, heard, stop } = listening();
  stop();
  expect(window.listening()).toBe(0);
  window.deliver(fromBrowser(VISUALFORCE, CLICK));
  expect(heard).toEqual([]);
});
