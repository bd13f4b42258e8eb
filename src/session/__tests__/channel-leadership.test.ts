import { ChannelLeadership } from '../channel-leadership';
import type { TabRole } from '../tab-role';
import { FakeBrowser } from './fake-browser';

const timings = { heartbeatMs: 100, timeoutMs: 400 };

describe('ChannelLeadership', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] }));
  afterEach(() => jest.useRealTimers());

  test('two leaders that meet keep the smaller tab id: the other steps down', async () => {
    const browser = new FakeBrowser();
    // Two tabs that could not hear each other (each alone on its channel) both lead.
    const a = new ChannelLeadership(browser.openChannel('a')('island-a'), 'a', timings);
    const b = new ChannelLeadership(browser.openChannel('b')('island-b'), 'b', timings);
    a.start();
    b.start();
    await jest.advanceTimersByTimeAsync(1000);
    expect([a.role, b.role]).toEqual(['leader', 'leader']);

    // The partition heals: b now hears a's heartbeats (and a hears b's).
    const roles: TabRole[] = [];
    b.onChange((role) => roles.push(role));
    const bridge = browser.openChannel('bridge');
    const fromA = bridge('island-a');
    const toB = bridge('island-b');
    fromA.addEventListener('message', (event) => toB.postMessage(event.data));
    await jest.advanceTimersByTimeAsync(300);

    expect([a.role, b.role]).toEqual(['leader', 'follower']);
    expect(roles).toEqual(['follower']);
    a.stop();
    b.stop();
  });

  test('a tab that starts while a leader lives follows at once and never claims', async () => {
    const browser = new FakeBrowser();
    const claims = browser.spy('election');
    const a = new ChannelLeadership(browser.openChannel('a')('election'), 'a', timings);
    a.start();
    await jest.advanceTimersByTimeAsync(1000);
    const b = new ChannelLeadership(browser.openChannel('b')('election'), 'b', timings);
    b.start();
    await jest.advanceTimersByTimeAsync(2000);

    expect([a.role, b.role]).toEqual(['leader', 'follower']);
    expect(
      claims.filter(
        (m) =>
          (m as { election: string; tabId: string }).tabId === 'b' &&
          (m as { election: string }).election === 'claim',
      ),
    ).toEqual([]);
    a.stop();
    b.stop();
  });
});
