// Which election a tab takes part in, from what its host offers: Web Locks where there are, else a
// BroadcastChannel election; without a channel there is no mirror either, so every tab leads alone.
import { ChannelLeadership, type ChannelLeadershipTimings } from './channel-leadership';
import type { ChannelPort, OpenChannel } from './channel-port';
import { LockLeadership } from './lock-leadership';
import type { LockManagerLike } from './lock-manager';
import { SoloLeadership } from './solo-leadership';
import type { TabLeadership } from './tab-leadership';

export interface ElectionOptions {
  /** Names the agent's phone: tabs with the same key (user, org, line) share one registration. */
  key: string;
  tabId: string;
  /** Web Locks; default navigator.locks. Null: use the BroadcastChannel election. */
  locks?: LockManagerLike | null;
  /** Default: BroadcastChannel. Null (or no BroadcastChannel): this tab is alone and leads. */
  openChannel?: OpenChannel | null;
  /** The BroadcastChannel election's heartbeat and timeout. */
  election?: ChannelLeadershipTimings;
  onError: (error: unknown) => void;
}

function defaultLocks(): LockManagerLike | null {
  const locks =
    typeof navigator !== 'undefined' ? (navigator as { locks?: LockManagerLike }).locks : undefined;
  return locks && typeof locks.request === 'function' ? locks : null;
}

function defaultOpenChannel(): OpenChannel | null {
  return typeof BroadcastChannel === 'function' ? (name) => new BroadcastChannel(name) : null;
}

/** The tab's election and the channel its leader mirrors on (none when the tab is alone). */
export function elect(options: ElectionOptions): { leadership: TabLeadership; mirror?: ChannelPort } {
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  const openChannel = options.openChannel === undefined ? defaultOpenChannel() : options.openChannel;
  if (!openChannel) return { leadership: new SoloLeadership() };
  const mirror = openChannel(`softphone-mirror:${options.key}`);
  const leadership = locks
    ? new LockLeadership(locks, `softphone:${options.key}`, options.onError)
    : new ChannelLeadership(
        openChannel(`softphone-leadership:${options.key}`),
        options.tabId,
        options.election,
      );
  return { leadership, mirror };
}
