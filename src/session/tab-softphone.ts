// One phone per browser, however many tabs: every tab of the agent gets a TabSoftphone with the surface of
// the real Softphone. The leader tab builds the real one (registration, media, audio) and mirrors its view
// model to the others; a follower shows that mirror and forwards the agent's clicks to the leader, which
// acts on them once (request ids) and only when its statechart accepts them (a second "answer" is a no-op).
import type { AlertAgentInput, CallUiEvent, PhoneMode, PhoneUiEvent } from '../call';
import type { DialOptions, Softphone } from '../create-softphone';
import type { AudioDeviceChoice } from '../media';
import type { SoftphoneView } from '../view/softphone-view';
import { ChannelLeadership, type ChannelLeadershipTimings } from './channel-leadership';
import type { ChannelPort, OpenChannel } from './channel-port';
import { LockLeadership } from './lock-leadership';
import type { LockManagerLike } from './lock-manager';
import {
  MIRROR_VERSION,
  type AudioDevices,
  type ForwardedEvent,
  type MirrorCommand,
  type MirrorMessage,
} from './mirror-message';
import { SessionError } from './session-error';
import { waitingView, type SessionView } from './session-view';
import { SoloLeadership } from './solo-leadership';
import type { TabLeadership } from './tab-leadership';
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

export interface TabSessionOptions {
  /** Names the agent's phone: tabs with the same key (user, org, line) share one registration. */
  key: string;
  /** Builds the real softphone, in the tab that leads. */
  create: () => Softphone;
  /** Web Locks; default navigator.locks. Null: use the BroadcastChannel election. */
  locks?: LockManagerLike | null;
  /** Default: BroadcastChannel. Null (or no BroadcastChannel): this tab is alone and leads. */
  openChannel?: OpenChannel | null;
  tabId?: string;
  /** A call rings while this tab follows: show it (open, highlight) without a second ringtone. */
  alertFollower?: (input: AlertAgentInput) => () => void;
  onError?: (error: unknown) => void;
  /** How long a follower waits for the leader's answer to a click (default 3000 ms). */
  commandTimeoutMs?: number;
  /** The BroadcastChannel election's heartbeat and timeout. */
  election?: ChannelLeadershipTimings;
  /** The mode shown before the leader's view arrives. */
  mode?: PhoneMode;
  /** Where the tab's lifetime is observed (pagehide stops the session); default globalThis. */
  lifecycle?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

type Result = Extract<MirrorMessage, { type: 'result' }>;

/** Results remembered per request id, so a retransmitted command is answered and not done twice. */
const REMEMBERED_RESULTS = 200;

function randomId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function defaultLocks(): LockManagerLike | null {
  const locks =
    typeof navigator !== 'undefined' ? (navigator as { locks?: LockManagerLike }).locks : undefined;
  return locks && typeof locks.request === 'function' ? locks : null;
}

function defaultOpenChannel(): OpenChannel | null {
  return typeof BroadcastChannel === 'function' ? (name) => new BroadcastChannel(name) : null;
}

function defaultLifecycle(): TabSessionOptions['lifecycle'] {
  return typeof globalThis.addEventListener === 'function' ? globalThis : null;
}

export function createTabSoftphone(options: TabSessionOptions): TabSoftphone {
  const tabId = options.tabId ?? randomId();
  const onError = options.onError ?? (() => undefined);
  const commandTimeoutMs = options.commandTimeoutMs ?? 3000;
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  const openChannel = options.openChannel === undefined ? defaultOpenChannel() : options.openChannel;
  const lifecycle = options.lifecycle === undefined ? defaultLifecycle() : options.lifecycle;
  const mirror: ChannelPort | undefined = openChannel?.(`softphone-mirror:${options.key}`);
  // Without a mirror channel a follower could show nothing: every tab then leads alone, as before.
  const leadership: TabLeadership = !openChannel
    ? new SoloLeadership()
    : locks
      ? new LockLeadership(locks, `softphone:${options.key}`, onError)
      : new ChannelLeadership(openChannel(`softphone-leadership:${options.key}`), tabId, options.election);

  let started = false;
  let stopped = false;
  let phone: Softphone | undefined;
  let stopPhoneView: (() => void) | undefined;
  let mirrored: SoftphoneView | undefined;
  let leaderId: string | undefined;
  /** The leader this tab followed until it took the lead, and its calls (until its bye says what became of them). */
  let formerLeader: { id: string; calls: SoftphoneView['calls'] } | undefined;
  const followers = new Set<string>();
  let lostCalls = 0;
  let lostCallIds = new Set<string>();
  let requests = 0;
  /** The follower's commands awaiting their result. */
  const pending = new Map<
    string,
    { timer: ReturnType<typeof setTimeout>; settle: (result?: Result) => void }
  >();
  /** The leader's results by request id (a promise while the command runs). */
  const results = new Map<string, Promise<Result>>();
  const followerAlerts = new Map<string, () => void>();
  const listeners = new Set<(view: SessionView) => void>();
  let stopRole: () => void = () => undefined;
  /** The phone this page suspended: notes typed in its last moments still reach its saved calls. */
  let handedOver: Softphone | undefined;
  let createFailed = false;

  const post = (message: MirrorMessage) => {
    try {
      mirror?.postMessage(message);
    } catch (error) {
      onError(new SessionError('not-cloneable', error instanceof Error ? error.message : String(error)));
    }
  };

  const current = (): SessionView => {
    const waiting = waitingView(options.mode ?? 'softphone');
    const base = phone
      ? phone.view()
      : (mirrored ?? (createFailed ? { ...waiting, registration: 'failed' as const } : waiting));
    return {
      ...base,
      session: {
        role: leadership.role,
        followers: leadership.role === 'leader' ? followers.size : 0,
        lostCalls,
      },
    };
  };

  const emit = () => {
    const view = current();
    if (lostCalls > 0 && view.calls.some((call) => !lostCallIds.has(call.callId))) {
      lostCalls = 0;
      lostCallIds = new Set();
      view.session.lostCalls = 0;
    }
    for (const listener of [...listeners]) listener(view);
  };

  /** The calls of the last mirrored view died with the leader that held their media. */
  const loseMirroredCalls = () => {
    loseCalls(mirrored?.calls ?? []);
    mirrored = undefined;
    leaderId = undefined;
  };
  const loseCalls = (calls: readonly { callId: string }[]) => {
    if (calls.length === 0) return;
    lostCalls = calls.length;
    lostCallIds = new Set(calls.map((call) => call.callId));
  };

  /** Follower only: each answerable call alerts this tab too (the leader's tab plays the ringtone). */
  const reconcileFollowerAlerts = () => {
    const ringing =
      leadership.role === 'follower' && mirrored ? mirrored.calls.filter((c) => c.actions.answer) : [];
    const ids = new Set(ringing.map((call) => call.callId));
    for (const [callId, stop] of followerAlerts) {
      if (ids.has(callId)) continue;
      followerAlerts.delete(callId);
      stop();
    }
    if (!options.alertFollower) return;
    for (const call of ringing) {
      if (followerAlerts.has(call.callId)) continue;
      const tone = (mirrored?.calls.length ?? 0) > 1 ? 'callWaiting' : 'ring';
      followerAlerts.set(call.callId, options.alertFollower({ callId: call.callId, tone }));
    }
  };

  const lead = () => {
    // Not lost: the calls the old leader showed were saved for whichever tab leads next (this one), whose
    // phone takes them back; a leader that hung them up said so in its bye.
    formerLeader = leaderId === undefined ? undefined : { id: leaderId, calls: mirrored?.calls ?? [] };
    mirrored = undefined;
    leaderId = undefined;
    reconcileFollowerAlerts();
    dropPending();
    let created: Softphone;
    try {
      created = options.create();
    } catch (error) {
      // This tab keeps the lead (another tab would fail the same way) and shows why it has no phone.
      createFailed = true;
      onError(error);
      return emit();
    }
    phone = created;
    stopPhoneView = created.subscribe((view) => {
      post({ version: MIRROR_VERSION, type: 'view', from: tabId, view });
      emit();
    });
    if (started) created.start();
    post({ version: MIRROR_VERSION, type: 'view', from: tabId, view: created.view() });
    emit();
  };

  /** Gives up the real phone: stopped (its calls hung up), or suspended (its calls left to the next leader). */
  const stopLeading = async (keepCalls = false) => {
    const leaving = phone;
    stopPhoneView?.();
    stopPhoneView = undefined;
    phone = undefined;
    followers.clear();
    if (keepCalls) {
      handedOver = leaving;
      leaving?.suspend();
    } else await leaving?.stop();
  };

  const onRole = (role: TabRole) => {
    if (role === 'leader') return lead();
    if (phone) stopLeading().catch(onError);
    if (role === 'follower') post({ version: MIRROR_VERSION, type: 'hello', from: tabId });
    emit();
  };

  /** Runs a follower's command on the real phone; resolves with what the follower asked for, if anything. */
  const execute = async (command: MirrorCommand, softphone: Softphone): Promise<AudioDevices | undefined> => {
    switch (command.kind) {
      case 'send':
        softphone.send(command.event);
        return;
      case 'dial':
        softphone.dial(command.number, {
          source: command.source,
          callId: command.callId,
          ...(command.record ? { record: command.record } : {}),
          ...(command.transfer ? { transfer: command.transfer } : {}),
        });
        return;
      case 'redirect':
        softphone.redirect(command.callId, command.number);
        return;
      case 'audioDevices':
        return softphone.audioDevices();
      case 'chooseAudioDevices':
        await softphone.chooseAudioDevices(command.choice);
        return;
    }
  };

  const answerCommand = (message: Extract<MirrorMessage, { type: 'command' }>, softphone: Softphone) => {
    let result = results.get(message.requestId);
    if (!result) {
      const answer = { version: MIRROR_VERSION, type: 'result', from: tabId, to: message.from } as const;
      const requestId = message.requestId;
      result = execute(message.command, softphone).then(
        (value): Result => ({ ...answer, requestId, ok: true, ...(value ? { value } : {}) }),
        (error: unknown): Result => ({
          ...answer,
          requestId,
          ok: false,
          error: { code: 'command-failed', message: error instanceof Error ? error.message : String(error) },
        }),
      );
      results.set(requestId, result);
      if (results.size > REMEMBERED_RESULTS) results.delete(results.keys().next().value as string);
    }
    void result.then(post);
  };

  const receive = (event: { data: unknown }) => {
    const checked = validateMirrorMessage(event.data);
    if (!checked.ok) return onError(new SessionError('invalid-message', checked.detail));
    const message = checked.value;
    if (message.from === tabId || stopped) return;
    const leading = leadership.role === 'leader';
    switch (message.type) {
      case 'view':
        // A second leader's view (the BroadcastChannel election settling) is not ours to show.
        if (leading) return;
        if (leaderId !== message.from) {
          // A new leader learns of this follower (the first hello may have gone to the tab that closed).
          // Without a bye from the old one (it crashed), the old one's calls are not reported lost: the new
          // leader's phone takes them back from storage, and its view replaces the old one's.
          post({ version: MIRROR_VERSION, type: 'hello', from: tabId });
        }
        leaderId = message.from;
        mirrored = message.view;
        reconcileFollowerAlerts();
        return emit();
      case 'hello':
        if (!leading || !phone) return;
        followers.add(message.from);
        post({ version: MIRROR_VERSION, type: 'view', from: tabId, view: phone.view() });
        return emit();
      case 'bye':
        if (leading) {
          const former = formerLeader?.id === message.from ? formerLeader : undefined;
          // This tab took the lead before the old leader's bye arrived: it hung its calls up.
          if (former && message.leader && !message.handover) loseCalls(former.calls);
          if (former) formerLeader = undefined;
          if (followers.delete(message.from) || former) emit();
          return;
        }
        if (message.leader && (leaderId === undefined || message.from === leaderId)) {
          // Handed over: the calls were saved for the next leader (maybe this tab), which takes them back.
          if (message.handover) {
            mirrored = undefined;
            leaderId = undefined;
          } else loseMirroredCalls();
          reconcileFollowerAlerts();
          emit();
        }
        return;
      case 'command':
        if (leading && phone) answerCommand(message, phone);
        return;
      case 'result':
        if (message.to === tabId) pending.get(message.requestId)?.settle(message);
        return;
    }
  };

  /**
   * Follower side: the command goes to the leader, whose result settles the promise. No result in time (or
   * the leader gone) rejects with leader-unreachable; the command is never retried blindly.
   */
  const request = (command: MirrorCommand): Promise<AudioDevices | undefined> =>
    new Promise((resolve, reject) => {
      requests += 1;
      const requestId = `${tabId}:${requests}`;
      const settle = (result?: Result) => {
        clearTimeout(timer);
        pending.delete(requestId);
        if (!result) reject(new SessionError('leader-unreachable'));
        else if (!result.ok) reject(new SessionError('command-failed', result.error?.message));
        else resolve(result.value);
      };
      const timer = setTimeout(() => settle(), commandTimeoutMs);
      pending.set(requestId, { timer, settle });
      post({ version: MIRROR_VERSION, type: 'command', from: tabId, requestId, command });
    });

  /** A click: its failure is reported to the agent (nothing awaits it). */
  const forward = (command: MirrorCommand) => void request(command).catch(onError);

  /** Commands the old leader will never answer: their callers hear so now. */
  const dropPending = () => {
    for (const { settle } of [...pending.values()]) settle();
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
    const handover = keepCalls && phone !== undefined;
    // Begun before leadership is released: its synchronous part leaves the store as the next leader must
    // find it (the calls saved when suspended, only those in wrap-up when stopped and hung up).
    const leaving = stopLeading(keepCalls);
    post({
      version: MIRROR_VERSION,
      type: 'bye',
      from: tabId,
      leader: leading,
      ...(leading && handover ? { handover: true } : {}),
    });
    stopRole();
    mirror?.removeEventListener('message', receive);
    leadership.stop();
    dropPending();
    for (const stopAlert of followerAlerts.values()) stopAlert();
    followerAlerts.clear();
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
      if (phone) return phone.send(event);
      // The notes field flushes on pagehide too, after this page's phone was suspended (see Softphone.send).
      if (handedOver) return handedOver.send(event);
      if (event.type === 'ui.dial' || event.type === 'ui.redirect') {
        // The leader applies its own dialing rules: dial() and redirect() carry the number, not a result.
        return onError(new SessionError('command-failed', `${event.type} goes through dial() or redirect()`));
      }
      forward({ kind: 'send', event: event as ForwardedEvent });
    },
    dial(number, dialOptions = {}) {
      if (phone) return phone.dial(number, dialOptions);
      const callId = randomId() + randomId();
      forward({
        kind: 'dial',
        callId,
        number,
        source: dialOptions.source ?? 'ui',
        ...(dialOptions.record ? { record: dialOptions.record } : {}),
        ...(dialOptions.transfer ? { transfer: dialOptions.transfer } : {}),
      });
      return callId;
    },
    redirect(callId, number) {
      if (phone) return phone.redirect(callId, number);
      forward({ kind: 'redirect', callId, number });
    },
    async audioDevices() {
      if (phone) return phone.audioDevices();
      const devices = await request({ kind: 'audioDevices' });
      if (!devices) throw new SessionError('command-failed', 'no device list');
      return devices;
    },
    async chooseAudioDevices(choice) {
      if (phone) return phone.chooseAudioDevices(choice);
      await request({ kind: 'chooseAudioDevices', choice });
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
