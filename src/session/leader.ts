// The leader half of a tab: it holds the real phone, mirrors its view to the followers, keeps count of them
// and answers their commands (src/session/command-answers.ts: once each, as its statechart accepts them).
import { createCommandAnswers } from './command-answers';
import type { FormerLeader } from './follower';
import { MIRROR_VERSION, type MirrorMessage } from './mirror-message';
import type { SoftphonePort } from './softphone-port';
import type { TabContext } from './tab-context';

export interface LeaderOptions {
  /** Builds the real softphone, in the tab that leads. */
  create: () => SoftphonePort;
  /** Whether the tab was started: a phone built after that registers at once. */
  started: () => boolean;
}

export interface Leader {
  /** The real phone while this tab leads and has one. */
  readonly phone: SoftphonePort | undefined;
  /** The phone this page suspended: notes typed in its last moments still reach its saved calls. */
  readonly handedOver: SoftphonePort | undefined;
  /** The phone could not be built: this tab keeps the lead (another tab would fail the same way). */
  readonly createFailed: boolean;
  readonly followers: number;
  lead(former: FormerLeader | undefined): void;
  /** Gives up the real phone: stopped (its calls hung up), or suspended (its calls left to the next leader). */
  stopLeading(keepCalls?: boolean): Promise<void>;
  onHello(message: Extract<MirrorMessage, { type: 'hello' }>): void;
  onBye(message: Extract<MirrorMessage, { type: 'bye' }>): void;
  onCommand(message: Extract<MirrorMessage, { type: 'command' }>): void;
}

/**
 * The real phone of a leading tab: built when the tab takes the lead, its every view mirrored to the
 * followers and shown in this tab, and given up when the tab stops leading.
 */
function holdPhone(tab: TabContext, options: LeaderOptions) {
  let phone: SoftphonePort | undefined;
  let stopPhoneView: (() => void) | undefined;
  let handedOver: SoftphonePort | undefined;
  let createFailed = false;

  const showView = (view = phone?.view()) => {
    if (view) tab.post({ version: MIRROR_VERSION, type: 'view', from: tab.tabId, view });
    tab.emit();
  };

  return {
    get phone() {
      return phone;
    },
    get handedOver() {
      return handedOver;
    },
    get createFailed() {
      return createFailed;
    },
    showView,
    build() {
      try {
        phone = options.create();
      } catch (error) {
        createFailed = true;
        tab.onError(error);
        return tab.emit();
      }
      stopPhoneView = phone.subscribe(showView);
      if (options.started()) phone.start();
      showView();
    },
    /** Stopped (its calls hung up), or suspended (its calls left to the next leader). */
    async release(keepCalls: boolean) {
      const leaving = phone;
      stopPhoneView?.();
      stopPhoneView = undefined;
      phone = undefined;
      if (keepCalls) {
        handedOver = leaving;
        leaving?.suspend();
      } else await leaving?.stop();
    },
  };
}

export function createLeader(tab: TabContext, options: LeaderOptions): Leader {
  const held = holdPhone(tab, options);
  /** The leader this tab followed until it took the lead (until its bye says what became of its calls). */
  let formerLeader: FormerLeader | undefined;
  const followers = new Set<string>();
  const answer = createCommandAnswers(tab);

  return {
    get phone() {
      return held.phone;
    },
    get handedOver() {
      return held.handedOver;
    },
    get createFailed() {
      return held.createFailed;
    },
    get followers() {
      return followers.size;
    },
    lead(former) {
      formerLeader = former;
      held.build();
    },
    stopLeading(keepCalls = false) {
      followers.clear();
      return held.release(keepCalls);
    },
    onHello(message) {
      if (!held.phone) return;
      followers.add(message.from);
      held.showView();
    },
    onBye(message) {
      const former = formerLeader?.id === message.from ? formerLeader : undefined;
      // This tab took the lead before the old leader's bye arrived: it hung its calls up.
      if (former && message.leader && !message.handover) tab.loseCalls(former.calls);
      if (former) formerLeader = undefined;
      if (followers.delete(message.from) || former) tab.emit();
    },
    onCommand(message) {
      if (held.phone) void answer(message, held.phone).then(tab.post);
    },
  };
}
