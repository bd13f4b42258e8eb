// The stores a phone keeps across pages: the calls for whichever page leads next (a reload, another tab)
// and the note drafts that survive anything, both sealed with the agent's storage key; what nobody needs
// any more goes first. Also this browser's +sip.instance, so a reload's registration replaces the old one.
import type { CallUiEvent, PhoneUiEvent, RestoredCall } from '../call';
import type { DialogSnapshot } from '../sip';
import { hostStorage, type BrowserStorage } from './browser-storage';
import { browserInstanceId } from './browser-instance-id';
import { CallContinuity } from './call-continuity';
import { NoteDraftStore } from './note-drafts';
import { parseStorageKey, SealedStorage, StorageError } from './sealed-storage';
import type { SoftphoneView } from '../view/softphone-view';
import { DEFAULT_STORAGE_RETENTION_MS, purgeCustomerData } from './storage-retention';

/**
 * Where the calls are kept for whichever page leads next (a reload, another tab) and note drafts survive
 * anything, both default localStorage (shared by the browser's tabs); null keeps nothing. `key` names
 * the agent's entries and browser instance id (the session key: Salesforce user and SIP address;
 * default the SIP address). `secret` is the agent's storage key (base64, 32 bytes; from Apex
 * SoftphoneCredentials.getStorageKey, held in memory only): calls and drafts are stored sealed with it,
 * and without it they are not stored at all. `retentionMs` is how long customer data nobody needs any
 * more stays (default 24 h; see src/continuity/storage-retention.ts).
 */
export interface StorageOptions {
  calls?: BrowserStorage | null;
  local?: BrowserStorage | null;
  key?: string;
  secret?: string;
  retentionMs?: number;
}

export interface OpenStoresInput {
  storage: StorageOptions | undefined;
  /** The agent's SIP address: the default key. */
  aor: string;
  /** The +sip.instance the host chose, if any (else one per browser and agent, kept in storage). */
  instanceId?: string;
  now: () => number;
  onError?: (error: unknown) => void;
}

export interface Stores {
  instanceId: string | undefined;
  drafts: NoteDraftStore;
  continuity: CallContinuity;
}

/**
 * Each storage opened with the agent's storage key. Without a key customer data is not stored (a host that
 * gives none, like Node, keeps nothing); a key that is not one is reported.
 */
function sealedStorages(
  input: OpenStoresInput,
  storages: (BrowserStorage | undefined)[],
): Map<BrowserStorage, SealedStorage> {
  const opened = new Map<BrowserStorage, SealedStorage>();
  const secret = input.storage?.secret;
  if (secret === undefined) return opened;
  const key = parseStorageKey(secret);
  if (!key) {
    input.onError?.(new StorageError('invalid-key'));
    return opened;
  }
  let reported = false;
  const onUnreadable = () => {
    if (!reported) input.onError?.(new StorageError('unreadable'));
    reported = true;
  };
  for (const storage of storages) {
    if (storage && !opened.has(storage))
      opened.set(storage, new SealedStorage(storage, key, { now: input.now, onUnreadable }));
  }
  return opened;
}

export function openStores(input: OpenStoresInput): Stores {
  const { storage, now } = input;
  const local = storage?.local === null ? undefined : (storage?.local ?? hostStorage('localStorage'));
  const key = storage?.key ?? input.aor;
  const instanceId = input.instanceId ?? browserInstanceId(local, key);
  // Calls and unsaved notes from the page that held the phone before (see src/continuity/call-continuity.ts),
  // sealed with the agent's key (src/continuity/sealed-storage.ts); what nobody needs any more goes first.
  const callsStorage = storage?.calls === null ? undefined : (storage?.calls ?? local);
  const sealed = sealedStorages(input, [local, callsStorage]);
  for (const store of new Set([local, callsStorage])) {
    purgeCustomerData({
      storage: store,
      sealed: store && sealed.get(store),
      key,
      now: now(),
      retentionMs: storage?.retentionMs ?? DEFAULT_STORAGE_RETENTION_MS,
    });
  }
  const drafts = new NoteDraftStore({ storage: local && sealed.get(local), user: key, now });
  const continuity = new CallContinuity({
    storage: callsStorage && sealed.get(callsStorage),
    drafts,
    key,
    now,
    onError: input.onError,
  });
  return { instanceId, drafts, continuity };
}

/** What the stores need of the running phone. */
export interface StoresLink {
  now: () => number;
  /** Gives a saved call back to the phone statechart (host.call.restore). */
  restore(call: RestoredCall): void;
  /** The view model while the phone runs; undefined once it stopped. */
  view(): SoftphoneView | undefined;
  dialogSnapshot(callId: string): DialogSnapshot | undefined;
  /** Calls back on each registration of this page's phone; returns the unsubscribe. */
  onRegistered(listener: () => void): () => void;
}

export interface LinkedStores {
  /** The page is going away: drafts written at once, the calls saved as they are now, the store left. */
  pageHidden(): void;
  /** Nothing more is restored, and pagehide no longer saves. */
  stop(): void;
}

/**
 * Takes the saved calls back into the phone: wrap-up ones at once (they need no SIP), connected ones once
 * this page's phone is registered; and saves them again when the page goes away.
 */
export function linkStores({ continuity, drafts }: Stores, link: StoresLink): LinkedStores {
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  const restore = (registered: boolean) => {
    for (const call of continuity.take(registered)) link.restore(call);
    // A connected call still waiting for the registration comes back dropped once it expired.
    clearTimeout(expiryTimer);
    const due = continuity.nextExpiry();
    if (due !== undefined) expiryTimer = setTimeout(() => restore(false), Math.max(0, due - link.now()));
  };
  restore(false);
  const stopRestoring = link.onRegistered(() => restore(true));
  const pageHidden = () => {
    drafts.pageHidden();
    // The view update of the last change may still be queued (a microtask the page may never run).
    const view = link.view();
    if (view) continuity.update(view, (callId) => link.dialogSnapshot(callId));
    continuity.leave();
  };
  if (typeof addEventListener === 'function') addEventListener('pagehide', pageHidden);
  return {
    pageHidden,
    stop() {
      stopRestoring();
      clearTimeout(expiryTimer);
      if (typeof removeEventListener === 'function') removeEventListener('pagehide', pageHidden);
    },
  };
}

/**
 * The page left, but its notes field flushes on pagehide after the phone was suspended: the last words
 * typed go to the draft (written at once now), which the next leader prefers over the older entry.
 */
export function keepLateNotes(
  drafts: NoteDraftStore,
  leftWith: SoftphoneView,
  event: CallUiEvent | PhoneUiEvent,
): void {
  if (event.type !== 'ui.notes.changed' && event.type !== 'ui.disposition.changed') return;
  const call = leftWith.calls.find((c) => c.callId === event.callId);
  if (!call) return;
  drafts.write(
    call.callId,
    event.type === 'ui.notes.changed' ? event.text : call.notes,
    event.type === 'ui.disposition.changed' ? event.disposition : call.disposition,
  );
}
