// One phone per browser, however many tabs: every tab of the agent gets a TabSoftphone with the surface of
// the real Softphone. The tabs elect a leader; the leader tab builds the real phone (src/session/leader.ts)
// and mirrors its view model to the others; a follower shows that mirror and forwards the agent's clicks
// (src/session/follower.ts). This file holds the election, the role switch and the tab's lifetime.
import type { AlertAgentInput, CallUiEvent, PhoneMode, PhoneUiEvent } from '../call';
import type { AudioDeviceChoice } from '../media';
import { elect, type ElectionOptions } from './elect';
import { createFollower } from './follower';
import { createLeader } from './leader';
import { MIRROR_VERSION, type AudioDevices, type ForwardedEvent, type MirrorMessage } from './mirror-message';
import { SessionError } from './session-error';
import { waitingView, type SessionView } from './session-view';
import type { DialOptions, SoftphonePort } from './softphone-port';
import { randomId, type TabContext } from './tab-context';
import type { TabRole } from './tab-role';
import { validateMirrorMessage } from './validate-mirror-message';

/** What the LWC and the workbench use of a phone; the real Softphone and a follower's mirror both have it. */
export interface TabSoftphone {
  readonly role: TabRole;
  view(): SessionView;
  subscribe(listener: (view: SessionView) => void): () => void;
  send(event: PhoneUiEvent | CallUiEvent): void;
  dial(number: string, options?: Omit<DialOptions, 'callId'>): string;
  redirect(callId: string, number: string): void;
  /** The microphones and speakers of the tab that plays the calls (the leader's), and the agent's choice. */
  audioDevices(): Promise<AudioDevices>;
  /** Applies the choice where the calls play (the leader's tab); rejects with a reason the agent can read. */
  chooseAudioDevices(choice: Partial<AudioDeviceChoice>): Promise<void>;
  start(): void;
  /**
   * Ends this tab's part: the leader's phone stops and hangs its calls up (the host tore the component
   * down). A page being hidden (pagehide) does not come here: its calls are handed over (see onPageHide).
   */
  stop(): Promise<void>;
}

export interface TabSessionOptions extends Omit<ElectionOptions, 'tabId' | 'onError'> {
  /** Builds the real softphone, in the tab that leads. */
  create: () => SoftphonePort;
  tabId?: string;
  /** A call rings while this tab follows: show it (open, highlight) without a second ringtone. */
  alertFollower?: (input: AlertAgentInput) => () => void;
  onError?: (error: unknown) => void;
  /** How long a follower waits for the leader's answer to a click (default 3000 ms). */
  commandTimeoutMs?: number;
  /** The mode shown before the leader's view arrives. */
  mode?: PhoneMode;
  /** Where the tab's lifetime is observed (pagehide stops the session); default globalThis. */
  lifecycle?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

export function createTabSoftphone(options: TabSessionOptions): TabSoftphone {
  const tabId = options.tabId ?? randomId();
  const onError = options.onError ?? (() => undefined);
  const lifecycle =
    options.lifecycle !== undefined
      ? options.lifecycle
      : typeof globalThis.addEventListener === 'function'
        ? globalThis
        : null;
  const { leadership, mirror } = elect({ ...options, tabId, onError });

  let started = false;
  let stopped = false;
  let lostCalls = 0;
  let lostCallIds = new Set<string>();
  const listeners = new Set<(view: SessionView) => void>();
  let stopRole: () => void = () => undefined;

  const current = (): SessionView => {
    const waiting = waitingView(options.mode ?? 'softphone');
    const base =
      leader.phone?.view() ??
      follower.mirrored() ??
      (leader.createFailed ? { ...waiting, registration: 'failed' as const } : waiting);
    const role = leadership.role;
    return { ...base, session: { role, followers: role === 'leader' ? leader.followers : 0, lostCalls } };
  };

  const tab: TabContext = {
    tabId,
    role: () => leadership.role,
    post(message: MirrorMessage) {
      try {
        mirror?.postMessage(message);
      } catch (error) {
        onError(new SessionError('not-cloneable', error instanceof Error ? error.message : String(error)));
      }
    },
    emit() {
      const view = current();
      if (lostCalls > 0 && view.calls.some((call) => !lostCallIds.has(call.callId))) {
        lostCalls = 0;
        lostCallIds = new Set();
        view.session.lostCalls = 0;
      }
      for (const listener of [...listeners]) listener(view);
    },
    loseCalls(calls) {
      if (calls.length === 0) return;
      lostCalls = calls.length;
      lostCallIds = new Set(calls.map((call) => call.callId));
    },
    onError,
  };
  const leader = createLeader(tab, { create: options.create, started: () => started });
  const follower = createFollower(tab, {
    alertFollower: options.alertFollower,
    commandTimeoutMs: options.commandTimeoutMs ?? 3000,
  });

  const onRole = (role: TabRole) => {
    if (role === 'leader') return leader.lead(follower.takeLead());
    if (leader.phone) leader.stopLeading().catch(onError);
    if (role === 'follower') tab.post({ version: MIRROR_VERSION, type: 'hello', from: tabId });
    tab.emit();
  };

  const receive = (event: { data: unknown }) => {
    const checked = validateMirrorMessage(event.data);
    if (!checked.ok) return onError(new SessionError('invalid-message', checked.detail));
    const message = checked.value;
    if (message.from === tabId || stopped) return;
    const leading = leadership.role === 'leader';
    switch (message.type) {
      // A second leader's view (the BroadcastChannel election settling) is not ours to show.
      case 'view':
        return leading ? undefined : follower.onView(message);
      case 'hello':
        return leading ? leader.onHello(message) : undefined;
      case 'bye':
        return leading ? leader.onBye(message) : follower.onLeaderBye(message);
      case 'command':
        return leading ? leader.onCommand(message) : undefined;
      case 'result':
        return follower.onResult(message);
    }
  };

  /**
   * The page is going away (reload, tab closed, navigation): the phone is suspended, not stopped. Its calls
   * stay up at the far end and saved, and the next leader takes them back with Replaces; hanging them up
   * here would end the very calls a reload is meant to keep.
   */
  const onPageHide = () => void stop(true);

  async function stop(keepCalls = false): Promise<void> {
    if (stopped) return;
    stopped = true;
    lifecycle?.removeEventListener('pagehide', onPageHide);
    const leading = leadership.role === 'leader';
    const handover = keepCalls && leader.phone !== undefined;
    // Begun before leadership is released: its synchronous part leaves the store as the next leader must
    // find it (the calls saved when suspended, only those in wrap-up when stopped and hung up).
    const leaving = leader.stopLeading(keepCalls);
    const bye = { version: MIRROR_VERSION, type: 'bye', from: tabId, leader: leading } as const;
    tab.post(leading && handover ? { ...bye, handover: true } : bye);
    stopRole();
    mirror?.removeEventListener('message', receive);
    leadership.stop();
    follower.stop();
    listeners.clear();
    try {
      await leaving;
    } finally {
      mirror?.close();
    }
  }

  return {
    get role() {
      return leadership.role;
    },
    view: current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(event) {
      const phone = leader.phone ?? leader.handedOver;
      // The notes field flushes on pagehide too, after this page's phone was suspended (see Softphone.send).
      if (phone) return phone.send(event);
      if (event.type === 'ui.dial' || event.type === 'ui.redirect') {
        // The leader applies its own dialing rules: dial() and redirect() carry the number, not a result.
        return onError(new SessionError('command-failed', `${event.type} goes through dial() or redirect()`));
      }
      follower.forward({ kind: 'send', event: event as ForwardedEvent });
    },
    dial(number, dialOptions = {}) {
      if (leader.phone) return leader.phone.dial(number, dialOptions);
      const callId = randomId() + randomId();
      const { record, transfer } = dialOptions;
      const source = dialOptions.source ?? 'ui';
      follower.forward({
        kind: 'dial',
        callId,
        number,
        source,
        ...(record ? { record } : {}),
        ...(transfer ? { transfer } : {}),
      });
      return callId;
    },
    redirect(callId, number) {
      if (leader.phone) return leader.phone.redirect(callId, number);
      follower.forward({ kind: 'redirect', callId, number });
    },
    async audioDevices() {
      if (leader.phone) return leader.phone.audioDevices();
      const devices = await follower.request({ kind: 'audioDevices' });
      if (!devices) throw new SessionError('command-failed', 'no device list');
      return devices;
    },
    async chooseAudioDevices(choice) {
      if (leader.phone) return leader.phone.chooseAudioDevices(choice);
      await follower.request({ kind: 'chooseAudioDevices', choice });
    },
    start() {
      if (started || stopped) return;
      started = true;
      mirror?.addEventListener('message', receive);
      lifecycle?.addEventListener('pagehide', onPageHide);
      stopRole = leadership.onChange(onRole);
      leadership.start();
    },
    stop: () => stop(),
  };
}
