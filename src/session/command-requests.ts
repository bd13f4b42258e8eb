// A follower's commands to the leader: each carries a request id and waits for its one result. A command
// nobody answers in time fails (leader-unreachable); it is never retried blindly.
import { MIRROR_VERSION, type AudioDevices, type MirrorCommand } from './mirror-message';
import { SessionError } from './session-error';
import type { Result, TabContext } from './tab-context';

export interface CommandRequests {
  /** Posts the command; resolves with what it asked for (if anything), rejects with a SessionError. */
  request(command: MirrorCommand): Promise<AudioDevices | undefined>;
  /** The leader's answer to one of this tab's commands. */
  onResult(message: Result): void;
  /** Fails every command still waiting: the leader that would answer them is gone. */
  dropAll(): void;
}

export function createCommandRequests(tab: TabContext, timeoutMs: number): CommandRequests {
  let requests = 0;
  /** The commands awaiting their result. */
  const pending = new Map<
    string,
    { timer: ReturnType<typeof setTimeout>; settle: (result?: Result) => void }
  >();

  return {
    request: (command) =>
      new Promise((resolve, reject) => {
        requests += 1;
        const requestId = `${tab.tabId}:${requests}`;
        const settle = (result?: Result) => {
          clearTimeout(timer);
          pending.delete(requestId);
          if (!result) reject(new SessionError('leader-unreachable'));
          else if (!result.ok) reject(new SessionError('command-failed', result.error?.message));
          else resolve(result.value);
        };
        const timer = setTimeout(() => settle(), timeoutMs);
        pending.set(requestId, { timer, settle });
        tab.post({ version: MIRROR_VERSION, type: 'command', from: tab.tabId, requestId, command });
      }),
    onResult(message) {
      if (message.to === tab.tabId) pending.get(message.requestId)?.settle(message);
    },
    dropAll() {
      for (const { settle } of [...pending.values()]) settle();
    },
  };
}
