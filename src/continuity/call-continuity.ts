// Calls that survive the page that holds the phone: after every view change the leading tab writes its calls
// (connected calls with their SIP dialog, calls in wrap-up with their notes) to local storage, keyed by the
// agent (user and SIP address), so whichever tab leads next — the same tab after a reload, or another open
// tab when the leading one closes — reads them back once: wrap-up calls return at once, connected ones are
// taken back (INVITE with Replaces) once its phone is registered. A connected call nobody took back within
// `expireMs` of the page leaving comes back dropped, to be wrapped up and logged: the far end has long
// given up on the silent leg. Only the tab that leads reads or writes here (followers have no phone).
// Nothing here decides about a call: the statechart does (host.call.restore), this only remembers.
import {
  notRecoveredFailure,
  type CallOutcome,
  type CallRecord,
  type LineStatus,
  type RestoredCall,
} from '../call';
import { parseDialogSnapshot, type DialogSnapshot } from '../sip';
import { readJson, writeJson, type BrowserStorage } from './browser-storage';
import type { NoteDraftStore } from './note-drafts';
import type { CallView, SoftphoneView } from '../view/softphone-view';

export interface SavedCall {
  call: RestoredCall;
  /** Connected calls: the dialog to take back. */
  dialog: DialogSnapshot | null;
  /**
   * Epoch ms when this entry was last written by a live page (a newer note draft wins over it); a connected
   * call expires `expireMs` after it.
   */
  savedAt: number;
}

export interface CallContinuityOptions {
  /** Shared by the tabs of this browser (localStorage): whichever tab leads next finds the calls. */
  storage: BrowserStorage | undefined;
  drafts: NoteDraftStore;
  /** Whose calls (the Salesforce user and SIP address): another agent's entries are never restored. */
  key: string;
  now?: () => number;
  /** How long after its page left a connected call may still be taken back (default 2 minutes). */
  expireMs?: number;
  /** A saved call that could not be read back (the agent hears of it; the others still restore). */
  onError?: (error: unknown) => void;
}

export const CALLS_PREFIX = 'softphone.calls:';
/** Statuses in which the call has an established dialog to take back. */
const CONNECTED: readonly LineStatus[] = [
  'live',
  'holding',
  'held',
  'recalling',
  'transferring',
  'conference',
];
/** Statuses in which the call is on hold: it comes back held. */
const HELD: readonly LineStatus[] = ['holding', 'held', 'recalling', 'transferring'];
const DIRECTIONS = ['incoming', 'outgoing'];
export const DEFAULT_CONTINUITY_EXPIRY_MS = 120_000;

function restoredCall(value: unknown): RestoredCall {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const remote = v.remote as Record<string, unknown> | undefined;
  const ok =
    typeof v.callId === 'string' &&
    typeof v.direction === 'string' &&
    DIRECTIONS.includes(v.direction) &&
    typeof remote?.number === 'string' &&
    typeof v.startedAt === 'number' &&
    typeof v.answeredAt === 'number' &&
    typeof v.notes === 'string' &&
    (v.phase === 'connected' || v.phase === 'wrapUp') &&
    (v.held === undefined || typeof v.held === 'boolean') &&
    Array.isArray(v.matches);
  if (!ok) throw new Error('A call saved before the page reloaded could not be read back.');
  // Only a reason this code wrote is shown again; anything else is forgotten, not trusted.
  const failure = v.failure as Record<string, unknown> | null | undefined;
  const shown =
    failure && failure.reason === 'not-recovered' && typeof failure.message === 'string'
      ? { reason: 'not-recovered' as const, message: failure.message.slice(0, 500) }
      : null;
  return { ...(value as RestoredCall), ...(v.phase === 'wrapUp' ? { failure: shown } : {}) };
}

function toRestored(call: CallView, phase: RestoredCall['phase']): RestoredCall | undefined {
  if (call.answeredAt === null) return undefined;
  return {
    callId: call.callId,
    direction: call.direction,
    remote: call.remote,
    startedAt: call.startedAt,
    answeredAt: call.answeredAt,
    notes: call.notes,
    disposition: call.disposition,
    matches: call.contact.matches,
    chosen: call.contact.chosen,
    phase,
    ...(phase === 'wrapUp'
      ? {
          endedAt: call.endedAt,
          outcome: call.outcome ?? ('completed' satisfies CallOutcome),
          failure: call.failure,
        }
      : { held: HELD.includes(call.status) }),
  };
}

/** A connected call no page took back in time: it ended when its page left; wrap it up and log it. */
function dropped(saved: SavedCall): RestoredCall {
  const { held: _held, ...call } = saved.call;
  return {
    ...call,
    phase: 'wrapUp',
    endedAt: Math.max(saved.savedAt, call.answeredAt),
    outcome: 'dropped',
    failure: notRecoveredFailure('expired'),
  };
}

export class CallContinuity {
  private readonly key: string;
  private readonly now: () => number;
  /** Read back from before the reload and not handed to the phone yet. */
  private readonly pending = new Map<string, SavedCall>();
  /** What was last written, by call id (a call being taken back keeps its entry until it is up). */
  private saved = new Map<string, SavedCall>();
  /** Notes and disposition last seen per call, to write a draft only when the agent changed them. */
  private readonly seen = new Map<string, string>();
  /** The page left (leave()): what it wrote is for the next leader, it writes no more. */
  private left = false;

  private readonly expireMs: number;

  constructor(private readonly options: CallContinuityOptions) {
    this.key = `${CALLS_PREFIX}${options.key}`;
    this.now = options.now ?? Date.now;
    this.expireMs = options.expireMs ?? DEFAULT_CONTINUITY_EXPIRY_MS;
    const stored = readJson(options.storage, this.key);
    for (const entry of Array.isArray(stored) ? stored : []) {
      try {
        const e = entry as Partial<SavedCall>;
        const call = restoredCall(e.call);
        const dialog = call.phase === 'connected' ? parseDialogSnapshot(e.dialog) : null;
        const savedAt = typeof e.savedAt === 'number' ? e.savedAt : 0;
        this.pending.set(call.callId, { call: this.withNewerDraft(call, savedAt), dialog, savedAt });
      } catch (error) {
        options.onError?.(error);
      }
    }
    this.saved = new Map(this.pending);
  }

  /**
   * Calls to hand back to the phone, each once: wrap-up ones at once, connected ones once `registered`
   * (to be taken back), or dropped once expired. What is not handed back yet stays pending (and stored).
   */
  take(registered: boolean): RestoredCall[] {
    const now = this.now();
    const taken: RestoredCall[] = [];
    for (const waiting of [...this.pending.values()]) {
      const expired = waiting.call.phase === 'connected' && now - waiting.savedAt > this.expireMs;
      if (waiting.call.phase === 'connected' && !registered && !expired) continue;
      this.pending.delete(waiting.call.callId);
      // The page that left may have written its last notes after this page read its calls (the notes
      // field flushes on pagehide, after the phone let go): the newest draft counts.
      const saved = { ...waiting, call: this.withNewerDraft(waiting.call, waiting.savedAt) };
      if (expired) {
        // Nothing left to take back: the entry now describes a call in wrap-up.
        const call = dropped(saved);
        const entry = { call, dialog: null, savedAt: saved.savedAt };
        this.saved.set(call.callId, entry);
        taken.push(call);
      } else taken.push(saved.call);
    }
    return taken;
  }

  private withNewerDraft(call: RestoredCall, savedAt: number): RestoredCall {
    const draft = this.options.drafts.read(call.callId);
    return draft && draft.updatedAt >= savedAt
      ? { ...call, notes: draft.notes, disposition: draft.disposition }
      : call;
  }

  /** When the first connected call still waiting to be taken back expires (undefined: none waits). */
  nextExpiry(): number | undefined {
    const due = [...this.pending.values()]
      .filter((s) => s.call.phase === 'connected')
      .map((s) => s.savedAt + this.expireMs + 1);
    return due.length > 0 ? Math.min(...due) : undefined;
  }

  /** The dialog a call had before the reload (what its take-back replaces). */
  savedDialog(callId: string): DialogSnapshot | undefined {
    return this.saved.get(callId)?.dialog ?? undefined;
  }

  /** After every view change: remembers the tab's calls and the agent's unsaved notes. */
  update(view: SoftphoneView, dialogOf: (callId: string) => DialogSnapshot | undefined): void {
    const next = new Map<string, SavedCall>(this.pending);
    const savedAt = this.now();
    for (const call of view.calls) {
      this.keepDraft(call);
      if (call.wrapUp.active) {
        const restored = toRestored(call, 'wrapUp');
        if (restored) next.set(call.callId, { call: restored, dialog: null, savedAt });
        continue;
      }
      const dialog = CONNECTED.includes(call.status) ? dialogOf(call.callId) : undefined;
      const restored = dialog && toRestored(call, 'connected');
      if (dialog && restored) {
        next.set(call.callId, { call: restored, dialog, savedAt });
      } else if (call.status === 'connecting' && this.saved.get(call.callId)?.dialog) {
        // Still being taken back: a second reload now must still find the old dialog.
        const before = this.saved.get(call.callId) as SavedCall;
        next.set(call.callId, { ...before, call: { ...before.call, notes: call.notes } });
      }
    }
    for (const callId of this.seen.keys()) {
      if (!view.calls.some((c) => c.callId === callId)) this.seen.delete(callId);
    }
    this.write([...next.values()]);
  }

  /**
   * A call is over. A call that reached the log finishes only once its log is saved, so its draft has done
   * its job; the draft of one that could not be logged (never connected) is kept.
   */
  finished(record: CallRecord): void {
    if (record.loggable || record.notes === '') this.options.drafts.clear(record.callId);
  }

  /** The phone stops and hangs its calls up: only calls in wrap-up are still worth a restore. */
  forgetConnected(): void {
    this.pending.clear();
    this.write([...this.saved.values()].filter((s) => s.call.phase === 'wrapUp'));
  }

  /**
   * The page leaves with its calls up (pagehide): every entry is stamped now, so a connected call expires
   * `expireMs` after its page left, not after its last change. Nothing is written after this.
   */
  leave(): void {
    if (this.left) return;
    const now = this.now();
    this.write(
      [...this.saved.values()].map((s) => (s.call.phase === 'connected' ? { ...s, savedAt: now } : s)),
    );
    this.left = true;
  }

  private write(entries: SavedCall[]): void {
    if (this.left) return;
    this.saved = new Map(entries.map((s) => [s.call.callId, s]));
    if (entries.length === 0) this.options.storage?.removeItem(this.key);
    else writeJson(this.options.storage, this.key, entries);
  }

  /** Drafts follow the typing; a save the CRM confirmed (the log is up to date) clears it. */
  private keepDraft(call: CallView): void {
    const { drafts } = this.options;
    const fingerprint = JSON.stringify([call.notes, call.disposition]);
    const changed = this.seen.get(call.callId) !== fingerprint;
    this.seen.set(call.callId, fingerprint);
    if (call.wrapUp.saved && !call.wrapUp.saving) drafts.clear(call.callId);
    else if (changed && (call.notes !== '' || call.disposition !== null)) {
      drafts.write(call.callId, call.notes, call.disposition);
    }
  }
}
