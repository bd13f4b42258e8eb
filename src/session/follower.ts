// The follower half of a tab: it shows the leader's mirrored view, alerts its own tab while a call rings,
// and forwards the agent's clicks to the leader as commands (src/session/command-requests.ts).
import type { AlertAgentInput } from '../call';
import type { SoftphoneView } from '../view/softphone-view';
import { createCommandRequests } from './command-requests';
import { MIRROR_VERSION, type AudioDevices, type MirrorCommand, type MirrorMessage } from './mirror-message';
import type { Result, TabContext } from './tab-context';

export interface FollowerOptions {
  /** A call rings while this tab follows: show it (open, highlight) without a second ringtone. */
  alertFollower?: (input: AlertAgentInput) => () => void;
  /** How long a follower waits for the leader's answer to a click. */
  commandTimeoutMs: number;
}

/** The leader a tab followed until it took the lead, and that leader's calls as last mirrored. */
export interface FormerLeader {
  id: string;
  calls: SoftphoneView['calls'];
}

export interface Follower {
  /** The leader's last view, while there is one. */
  mirrored(): SoftphoneView | undefined;
  onView(message: Extract<MirrorMessage, { type: 'view' }>): void;
  onLeaderBye(message: Extract<MirrorMessage, { type: 'bye' }>): void;
  onResult(message: Result): void;
  /** This tab leads now: the mirror goes, and so do the alerts and the commands the old leader won't answer. */
  takeLead(): FormerLeader | undefined;
  request(command: MirrorCommand): Promise<AudioDevices | undefined>;
  /** A click: its failure is reported to the agent (nothing awaits it). */
  forward(command: MirrorCommand): void;
  stop(): void;
}

/** Follower only: each answerable call alerts this tab too (the leader's tab plays the ringtone). */
function createRingAlerts(alertFollower: FollowerOptions['alertFollower']) {
  const alerts = new Map<string, () => void>();
  return {
    /** Alerts the calls of `view` that can be answered, and ends the alerts of the others (none: all end). */
    reconcile(view: SoftphoneView | undefined) {
      const calls = view?.calls ?? [];
      const ringing = calls.filter((c) => c.actions.answer);
      const ids = new Set(ringing.map((call) => call.callId));
      for (const [callId, stop] of alerts) {
        if (ids.has(callId)) continue;
        alerts.delete(callId);
        stop();
      }
      if (!alertFollower) return;
      for (const call of ringing) {
        if (alerts.has(call.callId)) continue;
        const tone = calls.length > 1 ? 'callWaiting' : 'ring';
        alerts.set(call.callId, alertFollower({ callId: call.callId, tone }));
      }
    },
    stop() {
      for (const stopAlert of alerts.values()) stopAlert();
      alerts.clear();
    },
  };
}

export function createFollower(tab: TabContext, options: FollowerOptions): Follower {
  let mirrored: SoftphoneView | undefined;
  let leaderId: string | undefined;
  const commands = createCommandRequests(tab, options.commandTimeoutMs);
  const alerts = createRingAlerts(options.alertFollower);
  const reconcileAlerts = () => alerts.reconcile(tab.role() === 'follower' ? mirrored : undefined);

  return {
    mirrored: () => mirrored,
    onView(message) {
      if (leaderId !== message.from) {
        // A new leader learns of this follower (the first hello may have gone to the tab that closed).
        // Without a bye from the old one (it crashed), the old one's calls are not reported lost: the new
        // leader's phone takes them back from storage, and its view replaces the old one's.
        tab.post({ version: MIRROR_VERSION, type: 'hello', from: tab.tabId });
      }
      leaderId = message.from;
      mirrored = message.view;
      reconcileAlerts();
      tab.emit();
    },
    onLeaderBye(message) {
      if (!message.leader || (leaderId !== undefined && message.from !== leaderId)) return;
      // Handed over: the calls were saved for the next leader (maybe this tab), which takes them back.
      if (!message.handover) tab.loseCalls(mirrored?.calls ?? []);
      mirrored = undefined;
      leaderId = undefined;
      reconcileAlerts();
      tab.emit();
    },
    onResult: commands.onResult,
    takeLead() {
      // Not lost: the calls the old leader showed were saved for whichever tab leads next (this one), whose
      // phone takes them back; a leader that hung them up says so in its bye.
      const former = leaderId === undefined ? undefined : { id: leaderId, calls: mirrored?.calls ?? [] };
      mirrored = undefined;
      leaderId = undefined;
      reconcileAlerts();
      // Commands the old leader will never answer: their callers hear so now.
      commands.dropAll();
      return former;
    },
    request: commands.request,
    forward: (command) => void commands.request(command).catch(tab.onError),
    stop() {
      commands.dropAll();
      alerts.stop();
    },
  };
}
