// The `+sip.instance` of this browser for one agent (RFC 5626): kept in local storage so that every page of
// the agent in this browser (a reload, another tab taking the phone over) registers as the same instance,
// and the registrar replaces the old page's contact instead of keeping a stale one beside the new one.
import type { BrowserStorage } from './browser-storage';

const PREFIX = 'softphone.instance:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function newUuid(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The stored instance id of `key` (the agent), created on first use. Undefined without storage (or when it
 * refuses to keep one): the phone then gets a fresh id per page, as before.
 */
export function browserInstanceId(storage: BrowserStorage | undefined, key: string): string | undefined {
  if (!storage) return undefined;
  try {
    const stored = storage.getItem(`${PREFIX}${key}`);
    if (stored && UUID.test(stored)) return stored;
    const id = newUuid();
    storage.setItem(`${PREFIX}${key}`, id);
    return storage.getItem(`${PREFIX}${key}`) === id ? id : undefined;
  } catch {
    return undefined;
  }
}
