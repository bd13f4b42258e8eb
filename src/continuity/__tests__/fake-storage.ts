// An in-memory Web Storage for tests; `failWrites` makes setItem throw like a full quota. Given the agent's
// storage key, json() opens sealed entries the way the agent's page does (see src/continuity/sealed-storage.ts).
import type { BrowserStorage } from '../browser-storage';
import { parseStorageKey, sealedEntry, SealedStorage } from '../sealed-storage';

/** A storage key as Apex hands it out (base64 of 32 bytes). */
export const TEST_STORAGE_KEY = Buffer.alloc(32, 0x5a).toString('base64');

export class FakeStorage implements BrowserStorage {
  readonly items = new Map<string, string>();
  failWrites = false;
  writes = 0;

  constructor(private readonly secret?: string) {}

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.writes++;
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  json(key: string): unknown {
    const raw = this.items.get(key);
    const secret = this.secret === undefined ? undefined : parseStorageKey(this.secret);
    const text =
      secret && sealedEntry(raw ?? null) ? (new SealedStorage(this, secret).getItem(key) ?? undefined) : raw;
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }
}
