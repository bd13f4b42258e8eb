// Note drafts in browser storage (localStorage), one per user and call: written as the agent types
// (debounced), read back after a reload, and cleared only once the call log confirmed the save. A failed
// save, a reload or a crash never loses what the agent typed.
import { readJson, writeJson, type BrowserStorage } from './browser-storage';

export interface NoteDraft {
  callId: string;
  notes: string;
  disposition: string | null;
  /** Epoch ms of the keystroke that produced it. */
  updatedAt: number;
}

export interface NoteDraftStoreOptions {
  storage: BrowserStorage | undefined;
  /** Whose drafts: the agent's SIP address (one browser may serve several agents). */
  user: string;
  /** Quiet time after the last keystroke before the draft is written (default 400 ms). */
  debounceMs?: number;
  now?: () => number;
}

export const DRAFT_PREFIX = 'softphone.draft:';
const MAX_NOTES = 32_000;

function isDraft(value: unknown, callId: string): value is NoteDraft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.callId === callId &&
    typeof v.notes === 'string' &&
    v.notes.length <= MAX_NOTES &&
    (v.disposition === null || typeof v.disposition === 'string') &&
    typeof v.updatedAt === 'number' &&
    Number.isFinite(v.updatedAt)
  );
}

export class NoteDraftStore {
  private readonly storage: BrowserStorage | undefined;
  private readonly prefix: string;
  private readonly debounceMs: number;
  private readonly now: () => number;
  private readonly pending = new Map<string, { draft: NoteDraft; timer: ReturnType<typeof setTimeout> }>();
  /** The page is going away: no time is left for a debounce. */
  private writeThrough = false;

  constructor(options: NoteDraftStoreOptions) {
    this.storage = options.storage;
    this.prefix = `${DRAFT_PREFIX}${options.user}:`;
    this.debounceMs = options.debounceMs ?? 400;
    this.now = options.now ?? Date.now;
  }

  private key(callId: string): string {
    return `${this.prefix}${callId}`;
  }

  /** Records what the agent typed; it reaches storage once typing pauses (or on flush()). */
  write(callId: string, notes: string, disposition: string | null): void {
    const draft: NoteDraft = { callId, notes, disposition, updatedAt: this.now() };
    const previous = this.pending.get(callId);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => this.persist(callId), this.debounceMs);
    this.pending.set(callId, { draft, timer });
    if (this.writeThrough) this.persist(callId);
  }

  private persist(callId: string): void {
    const entry = this.pending.get(callId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(callId);
    writeJson(this.storage, this.key(callId), entry.draft);
  }

  /** Writes every pending draft now. */
  flush(): void {
    for (const callId of [...this.pending.keys()]) this.persist(callId);
  }

  /** The page is being hidden (reload, tab closed): what is pending and whatever follows is written at once. */
  pageHidden(): void {
    this.writeThrough = true;
    this.flush();
  }

  /** The latest draft of a call: still pending, else from storage (a malformed one is dropped). */
  read(callId: string): NoteDraft | undefined {
    const pending = this.pending.get(callId);
    if (pending) return pending.draft;
    const value = readJson(this.storage, this.key(callId));
    if (value === undefined) return undefined;
    if (isDraft(value, callId)) return value;
    this.storage?.removeItem(this.key(callId));
    return undefined;
  }

  /** The save is confirmed: the draft is no longer needed. */
  clear(callId: string): void {
    const pending = this.pending.get(callId);
    if (pending) clearTimeout(pending.timer);
    this.pending.delete(callId);
    try {
      this.storage?.removeItem(this.key(callId));
    } catch {
      // Storage that cannot remove cannot have stored either.
    }
  }

  /** Calls of this user that have a draft (stored or pending). */
  callIds(): string[] {
    const ids = new Set(this.pending.keys());
    const storage = this.storage;
    if (storage) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(this.prefix)) ids.add(key.slice(this.prefix.length));
      }
    }
    return [...ids];
  }

  /** Stops the timers, writing what is pending. */
  dispose(): void {
    this.flush();
  }
}
