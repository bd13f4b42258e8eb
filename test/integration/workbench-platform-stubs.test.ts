// Contract tests of the project's one emulation of the Lightning platform modules (test/emulation/lightning),
// which the LWC Jest tests (moduleNameMapper in jest.config.ts) and the workbench (workbench/lwc/
// lightning-modules.ts) both load: the documented exports and shapes, and the behaviours both rely on — LMS
// delivery, the page reference handed to navigation, the utility bar calls and getInfo's members. The
// workbench adds only its page (across-frames.js): LMS across the tab's bundles and frames, and the
// requests as `workbench:*` window events. Brittle on purpose: a change of a documented shape fails here.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as lms from '../emulation/lightning/messageService.js';
import {
  NavigationMixin,
  getNavigateCalledWith,
  resetNavigation,
} from '../emulation/lightning/navigation.js';
import * as utilityBar from '../emulation/lightning/platformUtilityBarApi.js';
import type * as AcrossFrames from '../emulation/lightning/across-frames.js';
import type * as Navigation from '../emulation/lightning/navigation.js';

const CHANNEL = 'Softphone__c';
const lightning = resolve(__dirname, '../emulation/lightning');

/** The page's window as the modules see it: an event target (Node has no DOM). */
const events: { type: string; detail: unknown }[] = [];
beforeAll(() => {
  const target = new EventTarget();
  for (const type of ['workbench:navigate', 'workbench:utility', 'workbench:toast']) {
    target.addEventListener(type, (e) => events.push({ type: e.type, detail: (e as CustomEvent).detail }));
  }
  (globalThis as unknown as { window: EventTarget }).window = target;
});

const bundles: (typeof lms)[] = [];

/** The module as a bundle of its own loads it (call inside jest.isolateModules). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = <T>(file: string): T => require(`../emulation/lightning/${file}`) as T;

afterEach(() => {
  lms.resetMessageService();
  for (const bundle of bundles.splice(0)) bundle.resetMessageService();
  resetNavigation();
  events.length = 0;
});

afterAll(() => {
  delete (globalThis as { window?: unknown }).window;
});

/**
 * One workbench bundle (the LWC's, the shell's or the Open CTI frame's): its own copy of the modules, with
 * the workbench's page installed as lightning-modules.ts and the shell do.
 */
function workbenchBundle() {
  let bundle: { lms: typeof lms; navigation: typeof Navigation } | undefined;
  jest.isolateModules(() => {
    load<typeof AcrossFrames>('across-frames.js').enableAcrossFrames();
    bundle = {
      lms: load<typeof lms>('messageService.js'),
      navigation: load<typeof Navigation>('navigation.js'),
    };
  });
  if (!bundle) throw new Error('the bundle did not load');
  bundles.push(bundle.lms);
  return bundle;
}

describe('lightning/messageService', () => {
  const channel = Object.freeze({ channelName: CHANNEL });

  test('delivers a copy to every subscriber of the channel, the publisher included, and to no other channel', () => {
    const first = jest.fn();
    const second = jest.fn();
    const other = jest.fn();
    lms.subscribe({}, channel, first, { scope: lms.APPLICATION_SCOPE });
    lms.subscribe({}, channel, second);
    lms.subscribe({}, { channelName: 'Other__c' }, other);
    const message = { version: 1, type: 'clickToDial', requestId: 'r-1', payload: { number: '+15550100' } };
    lms.publish({}, channel, message);
    expect(first).toHaveBeenCalledWith(message);
    expect(second).toHaveBeenCalledWith(message);
    expect(first.mock.calls[0]?.[0]).not.toBe(message);
    expect(other).not.toHaveBeenCalled();
  });

  test("matches a channel by its reference's name: the imported channel, Open CTI's plain name", () => {
    const listener = jest.fn();
    lms.subscribe({}, CHANNEL, listener);
    lms.publish({}, channel, { type: 'ping' });
    lms.publish({}, Object.freeze({ channelName: CHANNEL }), { type: 'pong' });
    expect(listener.mock.calls).toEqual([[{ type: 'ping' }], [{ type: 'pong' }]]);
  });

  test('stops delivering after unsubscribe and after reset', () => {
    const listener = jest.fn();
    lms.unsubscribe(lms.subscribe({}, channel, listener));
    lms.publish({}, channel, { type: 'ping' });
    lms.subscribe({}, channel, listener);
    lms.resetMessageService();
    lms.publish({}, channel, { type: 'ping' });
    expect(listener).not.toHaveBeenCalled();
    expect(lms.getSubscriberCount(channel)).toBe(0);
  });

  test('in the workbench, reaches the other bundles and frames of the tab, each message once', async () => {
    const lwc = workbenchBundle().lms;
    const bridge = workbenchBundle().lms;
    const heard = new Promise((done) => bridge.subscribe({}, CHANNEL, done));
    const own = jest.fn();
    lwc.subscribe({}, channel, own);
    lwc.publish({}, channel, { type: 'callStarted' });
    await expect(heard).resolves.toEqual({ type: 'callStarted' });
    expect(own.mock.calls).toEqual([[{ type: 'callStarted' }]]);
  });

  test('under Jest (no page), nothing leaves the module instance: no other copy hears, no page events', async () => {
    let other: typeof lms | undefined;
    jest.isolateModules(() => {
      other = load<typeof lms>('messageService.js');
    });
    const elsewhere = jest.fn();
    other?.subscribe({}, CHANNEL, elsewhere);
    const listener = jest.fn();
    lms.subscribe({}, channel, listener);
    lms.publish({}, channel, { type: 'ping' });
    await new Promise((done) => setTimeout(done, 50));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(elsewhere).not.toHaveBeenCalled();
    expect(events).toEqual([]);
  });
});

/** The platform's exports (Lightning Component Reference), plus the helpers tests read. */
const documentedExports: Record<string, string[]> = {
  messageService: [
    'APPLICATION_SCOPE',
    'MessageContext',
    'createMessageChannel',
    'createMessageContext',
    'publish',
    'releaseMessageContext',
    'subscribe',
    'unsubscribe',
  ],
  navigation: ['CurrentPageReference', 'NavigationMixin'],
  pageReferenceUtils: ['decodeDefaultFieldValues', 'encodeDefaultFieldValues'],
  platformResourceLoader: ['loadScript', 'loadStyle'],
  platformShowToastEvent: ['ShowToastEvent'],
  platformUtilityBarApi: [
    'EnclosingUtilityId',
    'enableModal',
    'enablePopout',
    'getAllUtilityInfo',
    'getInfo',
    'minimize',
    'onUtilityClick',
    'open',
    'updatePanel',
    'updateUtility',
  ],
  uiObjectInfoApi: ['getObjectInfo'],
  uiRecordApi: ['getRecord'],
};
const testHelpers = [
  'ShowToastEventName',
  'connectMessageTransport',
  'getGenerateUrlCalledWith',
  'getNavigateCalledWith',
  'getSubscriberCount',
  'resetMessageService',
  'resetNavigation',
];

test('each module offers exactly the documented platform exports (and the named test helpers)', () => {
  for (const [module, expected] of Object.entries(documentedExports)) {
    const exported = [
      ...readFileSync(join(lightning, `${module}.js`), 'utf8').matchAll(
        /export (?:const|function|class|let) (\w+)/g,
      ),
    ]
      .map((m) => m[1] ?? '')
      .filter((name) => !testHelpers.includes(name))
      .sort();
    expect({ module, exported }).toEqual({ module, exported: expected });
  }
});

describe('lightning/navigation and the utility bar API', () => {
  const pageReference = {
    type: 'standard__recordPage',
    attributes: { recordId: '003WB0000000001YAA', actionName: 'view' },
  };
  // A stand-in for LightningElement: the mixin only adds the two symbol methods.
  class Component {
    readonly template = null;
  }
  type Navigator = Record<symbol, (pageReference: unknown, replace?: boolean) => unknown>;

  test('Navigate records the page reference and replace flag; the workbench page receives the same', () => {
    const navigator = new (class extends NavigationMixin(Component) {})() as unknown as Navigator;
    navigator[NavigationMixin.Navigate]?.(pageReference, true);
    expect(getNavigateCalledWith()).toEqual({ pageReference, replace: true });
    expect(events).toEqual([]);

    const { navigation } = workbenchBundle();
    const inWorkbench = new (class extends navigation.NavigationMixin(
      Component,
    ) {})() as unknown as Navigator;
    inWorkbench[navigation.NavigationMixin.Navigate]?.(pageReference, true);
    expect(events).toEqual([{ type: 'workbench:navigate', detail: { pageReference, replace: true } }]);
  });

  test('GenerateUrl resolves to a URL of the page reference', async () => {
    const navigator = new (class extends NavigationMixin(Component) {})() as unknown as Navigator;
    await expect(navigator[NavigationMixin.GenerateUrl]?.(pageReference)).resolves.toBe(
      '#/standard__recordPage//003WB0000000001YAA',
    );
  });

  test('the utility bar calls resolve true and are recorded; getInfo has the documented members', async () => {
    await expect(utilityBar.open('softphone-utility')).resolves.toBe(true);
    await expect(utilityBar.updateUtility('softphone-utility', { highlighted: true })).resolves.toBe(true);
    expect(utilityBar.open).toHaveBeenCalledWith('softphone-utility');
    expect(utilityBar.updateUtility).toHaveBeenCalledWith('softphone-utility', { highlighted: true });
    // UtilityInfo (platformUtilityBarApi getInfo / getAllUtilityInfo).
    expect(Object.keys(await utilityBar.getInfo('softphone-utility')).sort()).toEqual([
      'id',
      'isLoaded',
      'panelHeaderIcon',
      'panelHeaderLabel',
      'panelHeight',
      'panelWidth',
      'utilityHighlighted',
      'utilityIcon',
      'utilityLabel',
      'utilityVisible',
    ]);
    await expect(utilityBar.getInfo('softphone-utility')).resolves.toMatchObject({ utilityVisible: false });
  });

  test("in the workbench, the utility bar's requests reach the page's utility bar", async () => {
    let bar: typeof utilityBar | undefined;
    jest.isolateModules(() => {
      load<typeof AcrossFrames>('across-frames.js').enableAcrossFrames();
      bar = load<typeof utilityBar>('platformUtilityBarApi.js');
    });
    await expect(bar?.open('softphone-utility')).resolves.toBe(true);
    await expect(bar?.updateUtility('softphone-utility', { highlighted: true })).resolves.toBe(true);
    expect(events.map((e) => e.detail)).toEqual([
      { action: 'open', utilityId: 'softphone-utility', options: undefined },
      { action: 'update', utilityId: 'softphone-utility', options: { highlighted: true } },
    ]);
    (globalThis as unknown as { document: unknown }).document = {
      querySelector: () => ({ hidden: false }),
    };
    try {
      await expect(bar?.getInfo('softphone-utility')).resolves.toMatchObject({ utilityVisible: true });
    } finally {
      delete (globalThis as { document?: unknown }).document;
    }
  });
});
