// How long customer data stays in browser storage, applied once when a phone starts, before anything is read.
//
// The rule (docs/adr/0004-customer-data-in-browser-storage.md):
// - Entries of another agent (another Salesforce user, or another line of this one) are sealed under a key
//   this page does not have: unreadable here. They are removed once `retentionMs` passed since their last
//   write; until then they may hold a colleague's call still waiting for its log, which that colleague's
//   next start in this browser brings back.
// - This agent's saved calls are never removed by age: this start hands them back (wrap-up ones at once,
//   to be logged), so a call whose log was never saved comes back on screen rather than vanishing; the entry
//   leaves storage once the call is logged.
// - This agent's note draft is kept, whatever its age, while its call is among the saved calls (it may hold
//   the newest words of a log not saved yet). A draft without a saved call (its log was saved but the page
//   went before clearing it, or its call never reached a log) is shown nowhere again: it goes after
//   `retentionMs`.
// - Entries in the clear (written before sealing existed, or by a host without a key) are sealed now when
//   they are this agent's and a key is at hand, and removed otherwise: they are readable by anyone.
import type { BrowserStorage } from './browser-storage';
import { CALLS_PREFIX } from './call-continuity';
import { DRAFT_PREFIX } from './note-drafts';
import { sealedEntry, type SealedStorage } from './sealed-storage';

/** Default retention of customer data nobody needs any more: a working day and the night after it. */
export const DEFAULT_STORAGE_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface RetentionOptions {
  /** The raw storage (what is on disk). */
  storage: BrowserStorage | undefined;
  /** The same storage opened with this agent's key; undefined when the page has no key. */
  sealed: SealedStorage | undefined;
  /** This agent's entry key (Salesforce user and SIP address). */
  key: string;
  now: number;
  retentionMs: number;
}

function names(storage: BrowserStorage): string[] {
  const found: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    if (name?.startsWith(CALLS_PREFIX) || name?.startsWith(DRAFT_PREFIX)) found.push(name);
  }
  return found;
}

/** The call ids of this agent's saved calls (what its drafts may still be needed for). */
function savedCallIds(sealed: SealedStorage | undefined, key: string): Set<string> {
  try {
    const entries = JSON.parse(sealed?.getItem(`${CALLS_PREFIX}${key}`) ?? '[]') as unknown;
    return new Set(
      (Array.isArray(entries) ? entries : [])
        .map((e: { call?: { callId?: unknown } } | null) => e?.call?.callId)
        .filter((id): id is string => typeof id === 'string'),
    );
  } catch {
    return new Set();
  }
}

/** Removes what is no longer needed or readable by anyone entitled to it (see the rule above). */
export function purgeCustomerData(options: RetentionOptions): void {
  const { storage, sealed, key, now, retentionMs } = options;
  if (!storage) return;
  const callsName = `${CALLS_PREFIX}${key}`;
  const draftPrefix = `${DRAFT_PREFIX}${key}:`;
  const own = (name: string) => name === callsName || name.startsWith(draftPrefix);
  try {
    for (const name of names(storage)) {
      const raw = storage.getItem(name);
      if (raw !== null && !sealedEntry(raw)) {
        if (own(name) && sealed) sealed.setItem(name, raw);
        else storage.removeItem(name);
      }
    }
    const needed = savedCallIds(sealed, key);
    for (const name of names(storage)) {
      const entry = sealedEntry(storage.getItem(name));
      const expired = !entry || now - entry.at > retentionMs;
      const draftOfSavedCall = name.startsWith(draftPrefix) && needed.has(name.slice(draftPrefix.length));
      if (expired && name !== callsName && !draftOfSavedCall) storage.removeItem(name);
    }
  } catch {
    // Storage that fails to list or remove now is tried again at the next start; nothing is lost.
  }
}
