// The two halves of a tab (src/session/leader.ts and follower.ts), what they share (the TabContext: the
// mirror channel and the tab's view), and the switch between them: as the election changes the tab's role,
// and as each message from another tab goes to the half its type and the tab's role call for.
import type { ChannelPort } from './channel-port';
import { createFollower, type Follower, type FollowerOptions } from './follower';
import { createLeader, type Leader, type LeaderOptions } from './leader';
import { MIRROR_VERSION, type MirrorMessage } from './mirror-message';
import { SessionError } from './session-error';
import type { TabContext } from './tab-context';
import type { TabLeadership } from './tab-leadership';
import type { TabRole } from './tab-role';
import { createTabView, type TabView, type TabViewSources } from './tab-view';

export interface TabHalvesOptions extends LeaderOptions, FollowerOptions, Pick<TabViewSources, 'mode'> {
  tabId: string;
  leadership: TabLeadership;
  /** The channel the leader mirrors on; none when the tab is alone. */
  mirror?: ChannelPort;
  onError: (error: unknown) => void;
}

export interface TabHalves {
  readonly tab: TabContext;
  readonly view: TabView;
  readonly leader: Leader;
  readonly follower: Follower;
  /** The election gave this tab a role. */
  onRole(role: TabRole): void;
  /** A checked message from another tab, for the half that handles it in this tab's role. */
  receive(message: MirrorMessage): void;
  /**
   * This tab leaves: its phone, if it leads, is stopped (calls hung up) or suspended (`keepCalls`: calls
   * saved for the next leader), and its bye says which. The synchronous part is done on return.
   */
  leave(keepCalls: boolean): Promise<void>;
}

/** The TabContext both halves use: messages on the mirror channel, the tab's view and its errors. */
function tabContext(options: TabHalvesOptions, view: TabView): TabContext {
  const { tabId, leadership, mirror, onError } = options;
  return {
    tabId,
    role: () => leadership.role,
    post(message: MirrorMessage) {
      try {
        mirror?.postMessage(message);
      } catch (error) {
        onError(new SessionError('not-cloneable', error instanceof Error ? error.message : String(error)));
      }
    },
    emit: view.emit,
    loseCalls: view.loseCalls,
    onError,
  };
}

export function createTabHalves(options: TabHalvesOptions): TabHalves {
  const { leadership } = options;
  // The view reads the halves at each change; they are built below, before anything changes.
  const view = createTabView({
    mode: options.mode,
    role: () => leadership.role,
    shown: () => leader.phone?.view() ?? follower.mirrored(),
    createFailed: () => leader.createFailed,
    followers: () => leader.followers,
  });
  const tab = tabContext(options, view);
  const leader = createLeader(tab, options);
  const follower = createFollower(tab, options);

  return {
    tab,
    view,
    leader,
    follower,
    onRole(role) {
      if (role === 'leader') return leader.lead(follower.takeLead());
      if (leader.phone) leader.stopLeading().catch(options.onError);
      if (role === 'follower') tab.post({ version: MIRROR_VERSION, type: 'hello', from: tab.tabId });
      tab.emit();
    },
    receive(message) {
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
    },
    leave(keepCalls) {
      const leading = leadership.role === 'leader';
      const handover = keepCalls && leader.phone !== undefined;
      const leaving = leader.stopLeading(keepCalls);
      const bye = { version: MIRROR_VERSION, type: 'bye', from: tab.tabId, leader: leading } as const;
      tab.post(leading && handover ? { ...bye, handover: true } : bye);
      return leaving;
    },
  };
}
