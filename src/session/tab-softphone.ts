// One phone per browser, however many tabs: every tab of the agent gets a TabSoftphone with the surface of
// the real Softphone. The tabs elect a leader; the leader tab builds the real phone (src/session/leader.ts)
// and mirrors its view model to the others; a follower shows that mirror and forwards the agent's clicks
// (src/session/follower.ts), the role switch between them is src/session/tab-halves.ts. This file holds the
// election and the tab's lifetime: started, stopped, or its page hidden with its calls handed over.
import type { AlertAgentInput, CallUiEvent, PhoneMode, PhoneUiEvent } from '../call';
import type { AudioDeviceChoice } from '../media';
import { createAgentActions } from './agent-actions';
import { elect, type ElectionOptions } from './elect';
import type { AudioDevices } from './mirror-message';
import { SessionError } from './session-error';
import type { SessionView } from './session-view';
import type { DialOptions, SoftphonePort } from './softphone-port';
import { randomId } from './tab-context';
import { createTabHalves } from './tab-halves';
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

/** Where the tab's lifetime is observed unless the host says: the page, where there is one. */
function pageLifecycle(lifecycle: TabSessionOptions['lifecycle']) {
  if (lifecycle !== undefined) return lifecycle;
  return typeof globalThis.addEventListener === 'function' ? globalThis : null;
}

export function createTabSoftphone(options: TabSessionOptions): TabSoftphone {
  const tabId = options.tabId ?? randomId();
  const onError = options.onError ?? (() => undefined);
  const lifecycle = pageLifecycle(options.lifecycle);
  const { leadership, mirror } = elect({ ...options, tabId, onError });
  let started = false;
  let stopped = false;
  let stopRole: () => void = () => undefined;
  const halves = createTabHalves({
    tabId,
    leadership,
    mirror,
    onError,
    create: options.create,
    started: () => started,
    alertFollower: options.alertFollower,
    commandTimeoutMs: options.commandTimeoutMs ?? 3000,
    mode: options.mode ?? 'softphone',
  });
  const { view, leader, follower } = halves;

  const receive = (event: { data: unknown }) => {
    const checked = validateMirrorMessage(event.data);
    if (!checked.ok) return onError(new SessionError('invalid-message', checked.detail));
    if (checked.value.from !== tabId && !stopped) halves.receive(checked.value);
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
    // Begun before leadership is released: its synchronous part leaves the store as the next leader must
    // find it (the calls saved when suspended, only those in wrap-up when stopped and hung up).
    const leaving = halves.leave(keepCalls);
    stopRole();
    mirror?.removeEventListener('message', receive);
    leadership.stop();
    follower.stop();
    view.clear();
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
    view: view.current,
    subscribe: view.subscribe,
    ...createAgentActions(leader, follower, onError),
    start() {
      if (started || stopped) return;
      started = true;
      mirror?.addEventListener('message', receive);
      lifecycle?.addEventListener('pagehide', onPageHide);
      stopRole = leadership.onChange(halves.onRole);
      leadership.start();
    },
    stop: () => stop(),
  };
}
