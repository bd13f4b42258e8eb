// The leader half of a tab: it builds the real phone, mirrors its view to the followers and runs their
// commands once each (request ids) and only as its statechart accepts them (a second "answer" is a no-op).
import type { FormerLeader } from './follower';
import { MIRROR_VERSION, type AudioDevices, type MirrorCommand, type MirrorMessage } from './mirror-message';
import type { SoftphonePort } from './softphone-port';
import type { Result, TabContext } from './tab-context';

/** Results remembered per request id, so a retransmitted command is answered and not done twice. */
const REMEMBERED_RESULTS = 200;

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

/** Runs a follower's command on the real phone; resolves with what the follower asked for, if anything. */
async function execute(command: MirrorCommand, softphone: SoftphonePort): Promise<AudioDevices | undefined> {
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
}

export function createLeader(tab: TabContext, options: LeaderOptions): Leader {
  let phone: SoftphonePort | undefined;
  let stopPhoneView: (() => void) | undefined;
  let handedOver: SoftphonePort | undefined;
  let createFailed = false;
  /** The leader this tab followed until it took the lead (until its bye says what became of its calls). */
  let formerLeader: FormerLeader | undefined;
  const followers = new Set<string>();
  /** The results by request id (a promise while the command runs). */
  const results = new Map<string, Promise<Result>>();

  const postView = (view = phone?.view()) =>
    view && tab.post({ version: MIRROR_VERSION, type: 'view', from: tab.tabId, view });

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
    get followers() {
      return followers.size;
    },
    lead(former) {
      formerLeader = former;
      let created: SoftphonePort;
      try {
        created = options.create();
      } catch (error) {
        createFailed = true;
        tab.onError(error);
        return tab.emit();
      }
      phone = created;
      stopPhoneView = created.subscribe((view) => {
        postView(view);
        tab.emit();
      });
      if (options.started()) created.start();
      postView();
      tab.emit();
    },
    async stopLeading(keepCalls = false) {
      const leaving = phone;
      stopPhoneView?.();
      stopPhoneView = undefined;
      phone = undefined;
      followers.clear();
      if (keepCalls) {
        handedOver = leaving;
        leaving?.suspend();
      } else await leaving?.stop();
    },
    onHello(message) {
      if (!phone) return;
      followers.add(message.from);
      postView();
      tab.emit();
    },
    onBye(message) {
      const former = formerLeader?.id === message.from ? formerLeader : undefined;
      // This tab took the lead before the old leader's bye arrived: it hung its calls up.
      if (former && message.leader && !message.handover) tab.loseCalls(former.calls);
      if (former) formerLeader = undefined;
      if (followers.delete(message.from) || former) tab.emit();
    },
    onCommand(message) {
      if (!phone) return;
      let result = results.get(message.requestId);
      if (!result) {
        const answer = {
          version: MIRROR_VERSION,
          type: 'result',
          from: tab.tabId,
          to: message.from,
        } as const;
        const requestId = message.requestId;
        result = execute(message.command, phone).then(
          (value): Result => ({ ...answer, requestId, ok: true, ...(value ? { value } : {}) }),
          (error: unknown): Result => ({
            ...answer,
            requestId,
            ok: false,
            error: {
              code: 'command-failed',
              message: error instanceof Error ? error.message : String(error),
            },
          }),
        );
        results.set(requestId, result);
        if (results.size > REMEMBERED_RESULTS) results.delete(results.keys().next().value as string);
      }
      void result.then(tab.post);
    },
  };
}
