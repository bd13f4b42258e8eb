// What a tab shows and who hears of it: the phone's view where the tab leads, the leader's mirror where it
// follows, a waiting view until one of them comes; with the tab's part in the session (its role, the
// followers it serves, and the calls lost with a leader, until a new call starts).
import type { PhoneMode } from '../call';
import type { SoftphoneView } from '../view/softphone-view';
import { waitingView, type SessionView } from './session-view';
import type { TabRole } from './tab-role';

/** Where the view comes from; read at each change, since the halves that hold it come and go. */
export interface TabViewSources {
  /** The mode shown before the leader's view arrives. */
  mode: PhoneMode;
  role(): TabRole;
  /** The phone's view in the leading tab, the mirrored one in a follower; none while waiting for either. */
  shown(): SoftphoneView | undefined;
  /** The leading tab could not build its phone. */
  createFailed(): boolean;
  followers(): number;
}

export interface TabView {
  current(): SessionView;
  subscribe(listener: (view: SessionView) => void): () => void;
  /** Tells the listeners that the view changed. */
  emit(): void;
  /** Calls that died with the leader holding their media: shown as lost until new ones come. */
  loseCalls(calls: readonly { callId: string }[]): void;
  /** The tab stopped: nobody hears of it any more. */
  clear(): void;
}

export function createTabView(sources: TabViewSources): TabView {
  let lostCalls = 0;
  let lostCallIds = new Set<string>();
  const listeners = new Set<(view: SessionView) => void>();

  const current = (): SessionView => {
    const waiting = waitingView(sources.mode);
    const base =
      sources.shown() ?? (sources.createFailed() ? { ...waiting, registration: 'failed' as const } : waiting);
    const role = sources.role();
    return { ...base, session: { role, followers: role === 'leader' ? sources.followers() : 0, lostCalls } };
  };

  return {
    current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
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
    clear() {
      listeners.clear();
    },
  };
}
