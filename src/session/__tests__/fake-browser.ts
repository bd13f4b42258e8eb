// A browser's worth of tabs for the session tests: BroadcastChannel and Web Locks with their documented
// semantics (a message reaches every other port of the name as a structured clone, later; an exclusive lock
// is granted in request order and released when its callback settles or its tab closes).
import type { ChannelPort } from '../channel-port';
import type { HeldLock, LockManagerLike } from '../lock-manager';

type Listener = (event: { data: unknown }) => void;

class FakePort implements ChannelPort {
  readonly listeners = new Set<Listener>();
  closed = false;

  constructor(
    private readonly browser: FakeBrowser,
    readonly tab: string,
    readonly name: string,
  ) {}

  postMessage(message: unknown): void {
    // A closed tab runs no more code: what its timers would still post goes nowhere.
    if (this.browser.isClosed(this.tab)) return;
    if (this.closed) throw new Error('InvalidStateError: the channel is closed');
    const data = structuredClone(message);
    for (const port of this.browser.ports) {
      if (port === this || port.closed || port.name !== this.name) continue;
      setTimeout(() => {
        if (!port.closed)
          for (const listener of [...port.listeners]) listener({ data: structuredClone(data) });
      }, 0);
    }
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
  }
}

interface LockRequest {
  tab: string;
  callback: (lock: HeldLock | null) => Promise<void> | void;
  done: { resolve: () => void; reject: (error: unknown) => void };
}

export class FakeBrowser {
  readonly ports: FakePort[] = [];
  readonly #holders = new Map<string, LockRequest>();
  readonly #queues = new Map<string, LockRequest[]>();
  readonly #closedTabs = new Set<string>();

  /** The tab's BroadcastChannel constructor. */
  openChannel(tab: string) {
    return (name: string): ChannelPort => {
      const port = new FakePort(this, tab, name);
      this.ports.push(port);
      return port;
    };
  }

  /** The tab's navigator.locks. */
  locks(tab: string): LockManagerLike {
    return {
      request: (name, options, callback) =>
        new Promise<void>((resolve, reject) => {
          const request: LockRequest = { tab, callback, done: { resolve, reject } };
          if (this.#holders.has(name) && options.ifAvailable) {
            Promise.resolve(callback(null)).then(resolve, reject);
            return;
          }
          const queue = this.#queues.get(name) ?? [];
          this.#queues.set(name, queue);
          queue.push(request);
          options.signal?.addEventListener('abort', () => {
            const index = queue.indexOf(request);
            if (index < 0) return;
            queue.splice(index, 1);
            reject(new DOMException('aborted', 'AbortError'));
          });
          this.#grant(name);
        }),
    };
  }

  #grant(name: string): void {
    if (this.#holders.has(name)) return;
    const next = this.#queues.get(name)?.shift();
    if (!next) return;
    this.#holders.set(name, next);
    const release = () => {
      if (this.#holders.get(name) !== next) return;
      this.#holders.delete(name);
      this.#grant(name);
    };
    Promise.resolve(next.callback({ name })).then(
      () => {
        release();
        next.done.resolve();
      },
      (error: unknown) => {
        release();
        next.done.reject(error);
      },
    );
  }

  isClosed(tab: string): boolean {
    return this.#closedTabs.has(tab);
  }

  /** The tab goes away without running any code: its ports close and its locks are released. */
  closeTab(tab: string): void {
    this.#closedTabs.add(tab);
    for (const port of this.ports) if (port.tab === tab) port.close();
    for (const [name, queue] of this.#queues) {
      this.#queues.set(
        name,
        queue.filter((r) => r.tab !== tab),
      );
    }
    for (const [name, holder] of [...this.#holders]) {
      if (holder.tab !== tab) continue;
      this.#holders.delete(name);
      this.#grant(name);
    }
  }

  /** Every message posted on channels of this name, as another tab would receive it. */
  spy(name: string): unknown[] {
    const received: unknown[] = [];
    const port = this.openChannel('spy')(name);
    port.addEventListener('message', (event) => received.push(event.data));
    return received;
  }

  /** Posts a message as some other tab would. */
  inject(name: string, message: unknown): void {
    this.openChannel('injector')(name).postMessage(message);
  }
}
