// Leadership with the Web Locks API: the leader holds an exclusive lock for its life; the others queue on it.
// The browser grants the lock to the next tab as soon as the holder's document goes (closed, crashed,
// navigated), so a takeover needs no heartbeat and no timeout.
import type { LockManagerLike } from './lock-manager';
import { RoleHolder, type TabLeadership } from './tab-leadership';

export class LockLeadership extends RoleHolder implements TabLeadership {
  readonly #locks: LockManagerLike;
  readonly #name: string;
  readonly #onError: (error: unknown) => void;
  #abort: AbortController | undefined;
  #release: (() => void) | undefined;

  constructor(locks: LockManagerLike, name: string, onError: (error: unknown) => void = () => undefined) {
    super();
    this.#locks = locks;
    this.#name = name;
    this.#onError = onError;
  }

  start(): void {
    if (this.#abort) return;
    const abort = new AbortController();
    this.#abort = abort;
    // First ask without waiting, so a tab knows at once that it follows; then queue for the lock.
    this.#locks
      .request(this.#name, { mode: 'exclusive', ifAvailable: true }, (lock) => {
        if (abort.signal.aborted) return;
        if (lock) return this.#lead();
        this.setRole('follower');
        this.#queue(abort);
      })
      .catch((error: unknown) => this.#failed(error, abort));
  }

  #queue(abort: AbortController): void {
    this.#locks
      .request(this.#name, { mode: 'exclusive', signal: abort.signal }, () =>
        abort.signal.aborted ? undefined : this.#lead(),
      )
      .catch((error: unknown) => this.#failed(error, abort));
  }

  /** Holds the lock until stop(): the promise the lock manager waits on. */
  #lead(): Promise<void> {
    this.setRole('leader');
    return new Promise<void>((resolve) => {
      this.#release = resolve;
    });
  }

  #failed(error: unknown, abort: AbortController): void {
    // stop() aborts a queued request: that rejection is the expected end, not a problem.
    if (abort.signal.aborted) return;
    this.#onError(error);
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#release?.();
    this.#release = undefined;
    this.setRole('electing');
  }
}
