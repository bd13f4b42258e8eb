// Customer data (saved calls with their numbers, names, contact matches and notes; note drafts) reaches
// browser storage only sealed with the agent's storage key: a key derived per Salesforce user on the server
// (SoftphoneCredentials.getStorageKey) that the page holds in memory only. Without the agent's Salesforce
// session the entries are unreadable, and another user's page (another key) cannot open them. Each entry is
// bound to its own name, so an entry copied under another agent's or call's name does not open either.
// Sealing is synchronous (ChaCha20-Poly1305): the notes field's last write happens on `pagehide`.
import type { BrowserStorage } from './browser-storage';
import { KEY_BYTES, NONCE_BYTES, open, seal } from './chacha20-poly1305';

/** What is stored under an entry's name: the write time in the clear (for the retention), the rest sealed. */
export interface SealedEntry {
  sealed: 1;
  /** Epoch ms of the write. */
  at: number;
  /** base64 nonce */
  n: string;
  /** base64 ciphertext and tag */
  c: string;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(text);
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** The envelope of a sealed entry; undefined for anything else (an entry in the clear, garbage). */
export function sealedEntry(raw: string | null): SealedEntry | undefined {
  if (!raw?.startsWith('{"sealed":1,')) return undefined;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    const ok =
      typeof v.at === 'number' && Number.isFinite(v.at) && typeof v.n === 'string' && typeof v.c === 'string';
    return ok ? (v as unknown as SealedEntry) : undefined;
  } catch {
    return undefined;
  }
}

/** The agent's storage key (base64 of 32 bytes, as Apex returns it); undefined when it is not one. */
export function parseStorageKey(text: string): Uint8Array | undefined {
  const key = fromBase64(text);
  return key?.length === KEY_BYTES ? key : undefined;
}

export interface SealedStorageOptions {
  now?: () => number;
  /** An entry of this agent that did not open (sealed under a key since replaced, or damaged): it is removed. */
  onUnreadable?: (name: string) => void;
}

/** A BrowserStorage whose values are sealed on write and opened on read; unreadable entries read as absent. */
export class SealedStorage implements BrowserStorage {
  private readonly now: () => number;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly storage: BrowserStorage,
    private readonly secret: Uint8Array,
    private readonly options: SealedStorageOptions = {},
  ) {
    if (secret.length !== KEY_BYTES) throw new RangeError('The storage key must be 32 bytes');
    this.now = options.now ?? Date.now;
  }

  get length(): number {
    return this.storage.length;
  }

  key(index: number): string | null {
    return this.storage.key(index);
  }

  getItem(name: string): string | null {
    const raw = this.storage.getItem(name);
    if (raw === null) return null;
    const entry = sealedEntry(raw);
    const nonce = entry && fromBase64(entry.n);
    const sealed = entry && fromBase64(entry.c);
    const plain = nonce && sealed && open(this.secret, nonce, sealed, this.encoder.encode(name));
    try {
      if (plain) return this.decoder.decode(plain);
    } catch {
      // Opened but not text: treated as damaged below.
    }
    this.storage.removeItem(name);
    this.options.onUnreadable?.(name);
    return null;
  }

  setItem(name: string, value: string): void {
    const nonce = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
    const sealed = seal(this.secret, nonce, this.encoder.encode(value), this.encoder.encode(name));
    const entry: SealedEntry = { sealed: 1, at: this.now(), n: toBase64(nonce), c: toBase64(sealed) };
    this.storage.setItem(name, JSON.stringify(entry));
  }

  removeItem(name: string): void {
    this.storage.removeItem(name);
  }
}

export type StorageErrorCode = 'invalid-key' | 'unreadable';

export const storageErrorMessages: Readonly<Record<StorageErrorCode, string>> = {
  'invalid-key':
    'The key protecting your calls and notes in this browser is not valid, so they will not survive a reload. Ask your Salesforce admin to check the Softphone setup.',
  unreadable:
    'Calls or notes saved in this browser could not be read back: they were protected with a key that has since changed. Check the logs of your recent calls.',
};

/** Problems of the protected storage, with stable codes and messages an agent can act on. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode) {
    super(storageErrorMessages[code]);
    this.code = code;
  }
}
