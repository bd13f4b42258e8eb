// Contract tests of the workbench's emulated platform modules (workbench/lwc/stubs/lightning) against the
// project's Jest mocks (force-app/test/jest-mocks/lightning), which the LWC unit tests trust: the same
// platform exports, and the behaviours those tests rely on — LMS delivery, the page reference handed to
// navigation, the utility bar calls and getInfo's members. Brittle on purpose: a change to one side fails here.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as lms from '../../workbench/lwc/stubs/lightning/messageService/messageService.js';
import { NavigationMixin } from '../../workbench/lwc/stubs/lightning/navigation/navigation.js';
import * as utilityBar from '../../workbench/lwc/stubs/lightning/platformUtilityBarApi/platformUtilityBarApi.js';

const CHANNEL = 'Softphone__c';
const mocks = resolve(__dirname, '../../force-app/test/jest-mocks/lightning');
const stubs = resolve(__dirname, '../../workbench/lwc/stubs/lightning');

/** The page's window as the stubs see it: an event target (Node has no DOM). */
const events: { type: string; detail: unknown }[] = [];
beforeAll(() => {
  const target = new EventTarget();
  for (const type of ['workbench:navigate', 'workbench:utility']) {
    target.addEventListener(type, (e) => events.push({ type: e.type, detail: (e as CustomEvent).detail }));
  }
  (globalThis as unknown as { window: EventTarget }).window = target;
});

afterEach(() => {
  lms.resetMessageService();
  events.length = 0;
});

afterAll(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe("the workbench's lightning/messageService behaves like the Jest mock", () => {
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
    expect(other).not.toHaveBeenCalled();
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

  test('offers every platform export of the Jest mocks (lightning/*)', () => {
    const testOnly = new Set([
      'getNavigateCalledWith',
      'getGenerateUrlCalledWith',
      'resetNavigation',
      'ShowToastEventName',
    ]);
    const exportsOf = (file: string) =>
      [...readFileSync(file, 'utf8').matchAll(/export (?:const|function|class|let) (\w+)/g)].map(
        (m) => m[1] ?? '',
      );
    for (const module of [
      'messageService',
      'navigation',
      'platformResourceLoader',
      'platformShowToastEvent',
      'platformUtilityBarApi',
    ]) {
      const missing = exportsOf(join(mocks, `${module}.js`)).filter(
        (name) => !testOnly.has(name) && !exportsOf(join(stubs, module, `${module}.js`)).includes(name),
      );
      expect({ module, missing }).toEqual({ module, missing: [] });
    }
  });
});

describe("the workbench's lightning/navigation and utility bar API behave like the Jest mocks", () => {
  test('Navigate hands the page reference and replace flag over as the mock records them', () => {
    // A stand-in for LightningElement: the mixin only adds the two symbol methods.
    class Component {
      readonly template = null;
    }
    class Navigator extends NavigationMixin(Component) {}
    const navigator = new Navigator() as unknown as Record<
      symbol,
      (pageReference: unknown, replace?: boolean) => void
    >;
    const pageReference = {
      type: 'standard__recordPage',
      attributes: { recordId: '003WB0000000001YAA', actionName: 'view' },
    };
    navigator[NavigationMixin.Navigate]?.(pageReference, true);
    // The mock's getNavigateCalledWith() returns exactly { pageReference, replace }.
    expect(events).toEqual([{ type: 'workbench:navigate', detail: { pageReference, replace: true } }]);
  });

  test("the utility bar calls resolve true like the mock's, and getInfo has the mock's members", async () => {
    await expect(utilityBar.open('softphone-utility')).resolves.toBe(true);
    await expect(utilityBar.updateUtility('softphone-utility', { highlighted: true })).resolves.toBe(true);
    expect(events.map((e) => e.detail)).toEqual([
      { action: 'open', utilityId: 'softphone-utility', options: undefined },
      { action: 'update', utilityId: 'softphone-utility', options: { highlighted: true } },
    ]);
    const mockInfo = /getInfo = jest\.fn\(\(utilityId\) =>\s*Promise\.resolve\(\{([\s\S]*?)\}\)/.exec(
      readFileSync(join(mocks, 'platformUtilityBarApi.js'), 'utf8'),
    )?.[1];
    const mockMembers = [...(mockInfo ?? '').matchAll(/(\w+):/g)].map((m) => m[1]).sort();
    expect(mockMembers.length).toBeGreaterThan(5);
    (globalThis as unknown as { document: unknown }).document = { querySelector: () => null };
    try {
      expect(Object.keys(await utilityBar.getInfo('softphone-utility')).sort()).toEqual(mockMembers);
    } finally {
      delete (globalThis as { document?: unknown }).document;
    }
  });
});
