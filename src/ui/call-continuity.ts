// Calls that survive a page reload: after every view change the tab's calls are written to session storage
// (connected calls with their SIP dialog, calls in wrap-up with their notes), and the note drafts to local
// storage. A new page of the same tab reads them back once: wrap-up calls return at once, connected ones
// are taken back (INVITE with Replaces) once the phone is registered. Nothing here decides about a call:
// the statechart does (host.call.restore), this only remembers.
import type { CallOutcome, CallRecord, LineStatus, RestoredCall } from '../call';
import { parseDialogSnapshot, type DialogSnapshot } from '../sip';
import { readJson, writeJson, type BrowserStorage } from './browser-storage';
import type { NoteDraftStore } from './note-drafts';
import type { CallView, SoftphoneView } from './softphone-view';

export interface SavedCall {
  call: RestoredCall;
  /** Connected calls: the dialog to take back. */
  dialog: DialogSnapshot | null;
  /** Epoch ms when this entry was written (a newer note draft wins over it). */
  savedAt: number;
}

export interface CallContinuityOptions {
  /** The tab's session storage (survives a reload, not the tab). */
  storage: BrowserStorage | undefined;
  drafts: NoteDraftStore;
  /** The agent's SIP address: entries of another agent in the same tab are never restored. */
  user: string;
  now?: () => number;
  /** A saved call that could not be read back (the agent hears of it; the others still restore). */
  onError?: (error: unknown) => void;
}

const PREFIX = 'softphone.calls:';
/** Statuses in which the call has an established dialog to take back. */
const CONNECTED: readonly LineStatus[] = [
  'live',
  'holding',
  'held',
  'recalling',
  'transferring',
  'conference',
];
const DIRECTIONS = ['incoming', 'outgoing'];

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
    Array.isArray(v.matches);
  if (!ok) throw new Error('A call saved before the page reloaded could not be read back.');
  return value as RestoredCall;
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
      ? { endedAt: call.endedAt, outcome: call.outcome ?? ('completed' satisfies CallOutcome) }
      : {}),
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

  constructor(private readonly options: CallContinuityOptions) {
    this.key = `${PREFIX}${options.user}`;
    this.now = options.now ?? Date.now;
    const stored = readJson(options.storage, this.key);
    for (const entry of Array.isArray(stored) ? stored : []) {
      try {
        const e = entry as Partial<SavedCall>;
        const call = restoredCall(e.call);
        const dialog = call.phase === 'connected' ? parseDialogSnapshot(e.dialog) : null;
        const draft = options.drafts.read(call.callId);
        const savedAt = typeof e.savedAt === 'number' ? e.savedAt : 0;
        const newer = draft && draft.updatedAt >= savedAt ? draft : undefined;
        const restored = newer ? { ...call, notes: newer.notes, disposition: newer.disposition } : call;
        this.pending.set(call.callId, { call: restored, dialog, savedAt });
      } catch (error) {
        options.onError?.(error);
      }
    }
    this.saved = new Map(this.pending);
  }

  /** Calls to hand back to the phone (each once): `wrapUp` ones at start, `connected` once registered. */
  take(phase: RestoredCall['phase']): RestoredCall[] {
    const taken = [...this.pending.values()].filter((s) => s.call.phase === phase);
    for (const s of taken) this.pending.delete(s.call.callId);
    return taken.map((s) => s.call);
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
    this.saved = next;
    if (next.size === 0) this.options.storage?.removeItem(this.key);
    else writeJson(this.options.storage, this.key, [...next.values()]);
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
    const left = [...this.saved.values()].filter((s) => s.call.phase === 'wrapUp');
    this.saved = new Map(left.map((s) => [s.call.callId, s]));
    if (left.length === 0) this.options.storage?.removeItem(this.key);
    else writeJson(this.options.storage, this.key, left);
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
