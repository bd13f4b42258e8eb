import type { AlertAgentInput } from '../../call';
import { SessionError } from '../session-error';
import { createTabSoftphone, type TabSessionOptions, type TabSoftphone } from '../tab-softphone';
import { FakeBrowser } from './fake-browser';
import { fakeSoftphone, idleView, ringingCall, type FakeSoftphone } from './fake-softphone';

const KEY = '005xx0000012345:sip:1001@example.com';

interface Tab {
  name: string;
  softphone: TabSoftphone;
  /** The real phones this tab built while it led. */
  phones: FakeSoftphone[];
  errors: unknown[];
  alerts: AlertAgentInput[];
  stoppedAlerts: string[];
}

describe('createTabSoftphone', () => {
  let browser: FakeBrowser;
  const tabs: Tab[] = [];

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    browser = new FakeBrowser();
  });

  afterEach(async () => {
    await Promise.all(tabs.splice(0).map((tab) => tab.softphone.stop()));
    jest.useRealTimers();
  });

  /** Lets `ms` pass, then the messages those timers posted (each hop is a 0 ms task) reach their tabs. */
  async function settle(ms = 0): Promise<void> {
    await jest.advanceTimersByTimeAsync(ms);
    for (let hop = 0; hop < 5; hop += 1) await jest.advanceTimersByTimeAsync(1);
  }

  function openTab(name: string, options: Partial<TabSessionOptions> = {}): Tab {
    const tab: Tab = { name, phones: [], errors: [], alerts: [], stoppedAlerts: [] } as unknown as Tab;
    tab.softphone = createTabSoftphone({
      key: KEY,
      tabId: name,
      locks: browser.locks(name),
      openChannel: browser.openChannel(name),
      lifecycle: null,
      create: () => {
        const phone = fakeSoftphone();
        tab.phones.push(phone);
        return phone;
      },
      onError: (error) => tab.errors.push(error),
      alertFollower: (input) => {
        tab.alerts.push(input);
        return () => tab.stoppedAlerts.push(input.callId);
      },
      ...options,
    });
    tabs.push(tab);
    tab.softphone.start();
    return tab;
  }

  const phoneOf = (tab: Tab) => tab.phones.at(-1)!;

  test('the first tab leads and registers; the tabs opened after it follow and build no phone', async () => {
    const a = openTab('a');
    await settle();
    const b = openTab('b');
    const c = openTab('c');
    await settle();

    expect([a.softphone.role, b.softphone.role, c.softphone.role]).toEqual([
      'leader',
      'follower',
      'follower',
    ]);
    expect(a.phones).toHaveLength(1);
    expect(phoneOf(a).started).toBe(1);
    expect(b.phones).toHaveLength(0);
    expect(c.phones).toHaveLength(0);
    expect(a.softphone.view().session).toEqual({ role: 'leader', followers: 2, lostCalls: 0 });
  });

  test('every follower shows the leader view model, a ringing call included', async () => {
    const a = openTab('a');
    await settle();
    const b = openTab('b');
    const c = openTab('c');
    await settle();
    const seen: string[][] = [];
    c.softphone.subscribe((view) => seen.push(view.calls.map((call) => call.callId)));

    phoneOf(a).setView({ ...idleView(), calls: [ringingCall('call-1')] });
    await settle();

    for (const tab of [b, c]) {
      expect(tab.softphone.view().calls.map((call) => call.callId)).toEqual(['call-1']);
      expect(tab.softphone.view().registration).toBe('registered');
      expect(tab.softphone.view().session.role).toBe('follower');
    }
    expect(seen.at(-1)).toEqual(['call-1']);
  });

  test('a click in a follower reaches the leader phone once, and a retransmitted command is not done again', async () => {
    const a = openTab('a');
    await settle();
    const b = openTab('b');
    await settle();
    const mirror = browser.spy(`softphone-mirror:${KEY}`);

    b.softphone.send({ type: 'ui.answer', callId: 'call-1' });
    await settle();
    const command = mirror.find((m) => (m as { type: string }).type === 'command');
    browser.inject(`softphone-mirror:${KEY}`, command);
    await settle();

    expect(a.errors).toEqual([]);
    expect(phoneOf(a).sent).toEqual([{ type: 'ui.answer', callId: 'call-1' }]);
    const results = mirror.filter((m) => (m as { type: string }).type === 'result');
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({
      to: 'b',
      ok: true,
      requestId: (command as { requestId: string }).requestId,
    });
    expect(b.errors).toEqual([]);
  });

  test('a follower names the call it dials, so its dial() returns the id the leader dials with', async () => {
    const a = openTab('a');
    await settle();
    const b = openTab('b');
    await settle();

    const record = {
      id: '003000000000001AAA',
      name: 'Ada',
      objectType: 'Contact' as const,
      phone: '+15551234567',
    };
    const callId = b.softphone.dial('+1 555 123 4567', { source: 'crm', record });
    b.softphone.redirect('call-2', '1002');
    await settle();

    expect(phoneOf(a).dialled).toEqual([
      { number: '+1 555 123 4567', options: { source: 'crm', callId, record } },
    ]);
    expect(phoneOf(a).redirected).toEqual([{ callId: 'call-2', number: '1002' }]);
  });

  test('an unsupervised transfer dialled in a follower is handed over by the leader, which sees the consult call', async () => {
    const a = openTab('a');
    await settle();
    const b = openTab('b');
    await settle();

    const callId = b.softphone.dial('1002', { source: 'ui', transfer: 'unsupervised' });
    await settle();

    expect(phoneOf(a).dialled).toEqual([
      { number: '1002', options: { source: 'ui', callId, transfer: 'unsupervised' } },
    ]);
  });

  test("a follower lists the leader tab's audio devices and applies the agent's choice there", async () => {
    const a = openTab('a');
    await settle();
    const b = openTab('b');
    await settle();

    const listed = b.softphone.audioDevices();
    await settle();
    await expect(listed).resolves.toEqual(await phoneOf(a).audioDevices());

    const chosen = b.softphone.chooseAudioDevices({ ringer: 'spk-2' });
    await settle();
    await expect(chosen).resolves.toBeUndefined();
    expect(phoneOf(a).choices).toEqual([{ ringer: 'spk-2' }]);

    const refused = b.softphone.chooseAudioDevices({ speaker: 'gone' });
    const rejection = expect(refused).rejects.toMatchObject({
      code: 'command-failed',
      message: expect.stringContaining('That speaker is no longer connected.'),
    });
    await settle();
    await rejection;
  });

  test('a follower alerts its own tab while a call rings (no second ringtone) and stops when it is answered', async () => {
    const a = openTab('a');
    await settle();
    const b = openTab('b');
    await settle();

    phoneOf(a).setView({ ...idleView(), calls: [ringingCall('call-1')] });
    await settle();
    expect(b.alerts).toEqual([{ callId: 'call-1', tone: 'ring' }]);
    expect(a.alerts).toEqual([]);

    phoneOf(a).setView({ ...idleView(), calls: [ringingCall('call-1', false)] });
    await settle();
    expect(b.stoppedAlerts).toEqual(['call-1']);
  });

  test('when the leader tab closes without a word (crash), a follower takes over and registers; its calls are not reported lost (the new leader phone takes them back from storage)', async () => {
    const a = openTab('a');
    await settle();
    const b = openTab('b');
    const c = openTab('c');
    await settle();
    phoneOf(a).setView({ ...idleView(), calls: [ringingCall('call-1', false)] });
    await settle();

    browser.closeTab('a');
    await settle();

    const leaders = [b, c].filter((tab) => tab.softphone.role === 'leader');
    expect(leaders.map((tab) => tab.name)).toEqual(['b']);
    expect(phoneOf(b).started).toBe(1);
    expect(b.softphone.view().session).toEqual({ role: 'leader', followers: 1, lostCalls: 0 });
    expect(c.softphone.view().session).toMatchObject({ role: 'follower', lostCalls: 0 });

    // c greets the new leader, is counted and served, and shows what the new leader's phone has.
    expect(b.softphone.view().session.followers).toBe(1);
    c.softphone.send({ type: 'ui.availability.away' });
    await settle();
    expect(phoneOf(b).sent).toEqual([{ type: 'ui.availability.away' }]);
    phoneOf(b).setView({ ...idleView(), calls: [ringingCall('call-1', false)] });
    await settle();
    expect(c.softphone.view().calls.map((call) => call.callId)).toEqual(['call-1']);
  });

  test('a leader that stops (and hangs its calls up) says so: the tab leading next shows the lost calls, even when it took the lead before the bye arrived', async () => {
    const a = openTab('a');
    await settle();
    const b = openTab('b');
    await settle();
    phoneOf(a).setView({ ...idleView(), calls: [ringingCall('call-1', false)] });
    await settle();
    const views: number[] = [];
    b.softphone.subscribe((view) => views.push(view.session.lostCalls));

    await a.softphone.stop();
    await settle();

    expect(phoneOf(a).stopped).toBe(1);
    expect(views.at(-1)).toBe(1);
    expect(b.softphone.role).toBe('leader');
  });

  test('a leading page that is hidden (reload, tab closed) suspends its phone instead of stopping it, before the next tab leads; followers lose no call', async () => {
    const page = new EventTarget();
    const order: string[] = [];
    const a = openTab('a', { lifecycle: page });
    await settle();
    const b = openTab('b', {
      create: () => {
        order.push(`b leads after a suspended ${phoneOf(a).suspended} time(s)`);
        const phone = fakeSoftphone();
        b.phones.push(phone);
        return phone;
      },
    });
    await settle();
    phoneOf(a).setView({ ...idleView(), calls: [ringingCall('call-1', false)] });
    await settle();
    const lost: number[] = [];
    b.softphone.subscribe((view) => lost.push(view.session.lostCalls));

    page.dispatchEvent(new Event('pagehide'));
    await settle();

    expect(phoneOf(a)).toMatchObject({ suspended: 1, stopped: 0 });
    expect(order).toEqual(['b leads after a suspended 1 time(s)']);
    expect(b.softphone.role).toBe('leader');
    expect(lost.every((n) => n === 0)).toBe(true);
  });

  test('a click no leader answers is reported to the agent, not lost silently', async () => {
    openTab('a');
    await settle();
    // b follows but its turn never comes (another browser window's tab holds the queue, say).
    const b = openTab('b', {
      commandTimeoutMs: 1000,
      locks: {
        request: (_name, options, callback) =>
          options.ifAvailable ? Promise.resolve(callback(null)) : new Promise(() => undefined),
      },
    });
    await settle();
    browser.closeTab('a');

    b.softphone.send({ type: 'ui.hangup', callId: 'call-1' });
    await settle(1000);

    expect(b.errors).toEqual([expect.objectContaining({ code: 'leader-unreachable' })]);
  });

  test('a message another build could send is refused with a clear error and changes nothing', async () => {
    const a = openTab('a');
    await settle();

    browser.inject(`softphone-mirror:${KEY}`, {
      version: 2,
      type: 'command',
      from: 'x',
      requestId: 'x:1',
      command: { kind: 'send', event: { type: 'ui.answer', callId: 'call-1' } },
    });
    browser.inject(`softphone-mirror:${KEY}`, {
      version: 1,
      type: 'command',
      from: 'x',
      requestId: 'x:2',
      command: { kind: 'send', event: { type: 'sip.invite.received', callId: 'call-1' } },
    });
    await settle();

    expect(phoneOf(a).sent).toEqual([]);
    expect(a.errors).toHaveLength(2);
    expect(a.errors.every((e) => e instanceof SessionError && e.code === 'invalid-message')).toBe(true);
  });

  test('without Web Locks the tabs elect over BroadcastChannel: one leader, and a takeover after it closes', async () => {
    const election = { heartbeatMs: 100, timeoutMs: 400 };
    const b = openTab('b', { locks: null, election });
    const a = openTab('a', { locks: null, election });
    const c = openTab('c', { locks: null, election });
    await settle(1000);

    expect([a, b, c].filter((tab) => tab.softphone.role === 'leader').map((tab) => tab.name)).toEqual(['a']);
    expect(b.phones).toHaveLength(0);

    browser.closeTab('a');
    await settle(election.timeoutMs + 2 * election.heartbeatMs);
    expect([b, c].filter((tab) => tab.softphone.role === 'leader').map((tab) => tab.name)).toEqual(['b']);
    expect(phoneOf(b).started).toBe(1);
  });

  test('without Web Locks a leader that stops resigns, so the next tab leads within one heartbeat', async () => {
    const election = { heartbeatMs: 100, timeoutMs: 400 };
    const a = openTab('a', { locks: null, election });
    await settle(1000);
    const b = openTab('b', { locks: null, election });
    await settle(200);
    expect(b.softphone.role).toBe('follower');

    await a.softphone.stop();
    await settle(election.heartbeatMs + 10);

    expect(b.softphone.role).toBe('leader');
  });

  test.each([
    ['neither Web Locks nor BroadcastChannel', { locks: null, openChannel: null }],
    ['Web Locks but no BroadcastChannel to mirror over', { openChannel: null }],
  ])('a tab with %s leads alone, as before', async (_name, options) => {
    const a = openTab('a', options);
    const b = openTab('b', options);
    await settle();
    expect([a.softphone.role, b.softphone.role]).toEqual(['leader', 'leader']);
    expect(phoneOf(b).started).toBe(1);
  });

  test('a leader whose phone cannot be built says why and shows no phone', async () => {
    const a = openTab('a', {
      create: () => {
        throw new Error('SIP configuration refused');
      },
    });
    await settle();

    expect(a.softphone.role).toBe('leader');
    expect(a.errors).toEqual([new Error('SIP configuration refused')]);
    expect(a.softphone.view()).toMatchObject({ registration: 'failed', calls: [], canDial: false });
  });
});
