// An in-memory Web Storage for tests; `failWrites` makes setItem throw like a full quota.
import type { BrowserStorage } from '../browser-storage';

export class FakeStorage implements BrowserStorage {
  readonly items = new Map<string, string>();
  failWrites = false;
  writes = 0;

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
    const text = this.items.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }
}
