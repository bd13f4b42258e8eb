// The slice of the Web Locks API (navigator.locks) the session layer uses.

export interface HeldLock {
  readonly name: string;
}

export interface LockManagerLike {
  request(
    name: string,
    options: { mode?: 'exclusive'; ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: HeldLock | null) => Promise<void> | void,
  ): Promise<void>;
}
