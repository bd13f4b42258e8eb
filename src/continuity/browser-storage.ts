// The part of the Web Storage API the softphone uses (sessionStorage, localStorage), so that stores can be
// tested with fakes and a host without storage (Node, a locked-down container) simply keeps nothing.

export interface BrowserStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** `globalThis[name]` when the host has it and lets us use it (it throws when storage is blocked). */
export function hostStorage(name: 'sessionStorage' | 'localStorage'): BrowserStorage | undefined {
  try {
    const storage = (globalThis as Partial<Record<typeof name, BrowserStorage>>)[name];
    return storage && typeof storage.getItem === 'function' ? storage : undefined;
  } catch {
    return undefined;
  }
}

/** Reads JSON; undefined when absent or unreadable (a corrupt entry is dropped, never fatal). */
export function readJson(storage: BrowserStorage | undefined, key: string): unknown {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    storage?.removeItem(key);
    return undefined;
  }
}

/** Writes JSON; false when the storage refused it (quota, private mode). */
export function writeJson(storage: BrowserStorage | undefined, key: string, value: unknown): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
