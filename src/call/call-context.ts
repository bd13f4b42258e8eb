// The data a call machine carries: everything the call log and recents need, and nothing that cannot be persisted.
import type { ContactMatch, Customer } from './customer';
import type { DialResult, DialTarget } from '../dialing';
import type { CallFailure } from './call-failure';
import { callFailure } from './call-failure';
import type { CallLogRefusal } from './call-log-refusal';
import type { CallDirection, CallOutcome, CallRecord, RemoteParty } from './call-record';
import { durationSeconds, isMissedCall } from './call-record';
import type { CallSettings, PhoneMode } from './phone-settings';
import type { RestoredCall } from './restored-call';
import { mayWriteNotes } from './call-notes';

export interface CallInput {
  callId: string;
  direction: CallDirection;
  mode: PhoneMode;
  settings: CallSettings;
  /** Epoch ms: INVITE received, or the agent's dial. */
  startedAt: number;
  remote: RemoteParty;
  /** Outgoing calls: what src/dialing made of the number; { ok: false } becomes a failed call. */
  dial?: DialResult;
  /** The record the call was placed from (click-to-dial); skips the contact search. */
  record?: ContactMatch;
  /** Another call was in progress when this one arrived. */
  callWaiting?: boolean;
  /** A call carried over a page reload: it starts where it was (taking its dialog back, or in wrap-up). */
  restored?: RestoredCall;
  /** The customer this call is about: sent with a consult call, received with one from another agent. */
  about?: Customer;
}

export type CallErrorCode =
  | 'hold-failed'
  | 'resume-failed'
  | 'transfer-failed'
  | 'conference-join-failed'
  | 'invalid-redirect'
  | 'invalid-dtmf';

/** A problem the call recovered from; the UI shows it until the next one. */
export interface CallError {
  code: CallErrorCode;
  message: string;
}

export const callErrorMessages: Readonly<Record<CallErrorCode, string>> = {
  'hold-failed': 'The call could not be put on hold. It is still connected.',
  'resume-failed': 'The call could not be taken off hold. Try again.',
  'transfer-failed': 'The transfer did not go through. The caller is still on your line.',
  'conference-join-failed': 'This party could not join the conference and is still on hold.',
  'invalid-redirect': 'The call cannot be redirected to this number.',
  'invalid-dtmf': 'Only the keys 0-9, *, # and A-D can be sent.',
};

export interface CallContext {
  callId: string;
  direction: CallDirection;
  mode: PhoneMode;
  settings: CallSettings;
  remote: RemoteParty;
  callWaiting: boolean;
  about: Customer | null;
  /** Another call took this one over (INVITE with Replaces, a supervised transfer to us): nothing to log. */
  replaced: boolean;
  /** Outgoing: the target that passed the dialing rules. */
  target: DialTarget | null;
  matches: ContactMatch[];
  chosen: ContactMatch | null;
  lookupError: string | null;
  notes: string;
  disposition: string | null;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  outcome: CallOutcome | null;
  failure: CallFailure | null;
  error: CallError | null;
  transfer: 'blind' | 'attended' | null;
  /** Joined a conference while still ringing: enters the conference when answered. */
  conferenceMember: boolean;
  /** Bumped by every change to what the call log holds; the log is up to date when saved === revision. */
  revision: number;
  savedRevision: number;
  savingRevision: number;
  saveError: string | null;
  /** Failed saves in a row: the retry waits longer after each (saveRetryDelayMs doubled, capped). */
  saveFailures: number;
  /** The CRM refused the last save for good (null while saves succeed or may succeed on a retry). */
  saveRefusal: CallLogRefusal | null;
  /** After a refusal of its related record, the agent chose to log the call without contact or record. */
  logWithoutRecord: boolean;
  /** Carried over a page reload: where the call starts again (null for a call begun on this page). */
  restored: RestoredCall['phase'] | null;
  /** Carried over a page reload while on hold: the take-back offers hold and the call comes back held. */
  restoredHeld: boolean;
  /** Fixed when wrap-up begins (work-timer.ts): the view and the timer agree even if the record changes. */
  workTimerSeconds: number | null;
}

export function createCallContext(input: CallInput): CallContext {
  const target = input.dial?.ok ? input.dial.target : null;
  const fresh: CallContext = {
    callId: input.callId,
    direction: input.direction,
    mode: input.mode,
    settings: input.settings,
    remote: input.remote,
    callWaiting: input.callWaiting ?? false,
    about: input.about ?? null,
    replaced: false,
    target,
    matches: input.record ? [input.record] : [],
    chosen: input.record ?? null,
    lookupError: null,
    notes: '',
    disposition: null,
    startedAt: input.startedAt,
    answeredAt: null,
    endedAt: null,
    outcome: null,
    failure: dialFailure(input),
    error: null,
    transfer: null,
    conferenceMember: false,
    revision: 0,
    savedRevision: 0,
    savingRevision: 0,
    saveError: null,
    saveFailures: 0,
    saveRefusal: null,
    logWithoutRecord: false,
    restored: null,
    restoredHeld: false,
    workTimerSeconds: null,
  };
  const restored = input.restored;
  if (!restored) return fresh;
  // What the agent had is not known to be logged yet: revision ahead of savedRevision saves it again
  // (the upsert keyed by callId updates the same Task).
  return {
    ...fresh,
    matches: restored.matches,
    chosen: restored.chosen,
    notes: restored.notes,
    disposition: restored.disposition,
    answeredAt: restored.answeredAt,
    endedAt: restored.phase === 'wrapUp' ? (restored.endedAt ?? null) : null,
    outcome: restored.phase === 'wrapUp' ? (restored.outcome ?? 'completed') : null,
    failure: restored.phase === 'wrapUp' ? (restored.failure ?? null) : null,
    revision: 1,
    restored: restored.phase,
    restoredHeld: restored.phase === 'connected' && restored.held === true,
  };
}

/** An outgoing call whose number failed the dialing rules carries the rules' own message. */
function dialFailure(input: CallInput): CallFailure | null {
  if (input.direction !== 'outgoing') return null;
  if (!input.dial) return callFailure('invalid-number');
  return input.dial.ok ? null : callFailure('invalid-number', input.dial.message);
}

/**
 * The customer this call is about, as it goes to another agent (consult call, transfer): what we were told
 * with the call, else the caller's number and the record the agent has for them.
 */
export function customerContext(context: CallContext): Customer | undefined {
  if (context.about) return context.about;
  return context.chosen ? { number: context.remote.number, recordId: context.chosen.id } : undefined;
}

/** Only calls that connected reach an activity record; redirected calls never do (see isMissedCall for the rest). */
export function isLoggable(context: CallContext): boolean {
  return context.answeredAt !== null && context.outcome !== 'redirected' && !context.replaced;
}

/**
 * What the call log save writes: the call record, without its contact or record once the agent dropped them,
 * and without notes when the agent may not write any on this call.
 */
export function toLoggedRecord(context: CallContext): CallRecord {
  const record = toCallRecord(context);
  // Notes the admin turned off never reach the log, whatever a restored draft held.
  const notes = mayWriteNotes(context) ? record.notes : '';
  return context.logWithoutRecord ? { ...record, notes, chosen: null } : { ...record, notes };
}

export function toCallRecord(context: CallContext): CallRecord {
  return {
    callId: context.callId,
    direction: context.direction,
    remote: context.remote,
    matches: context.matches,
    chosen: context.chosen,
    notes: context.notes,
    disposition: context.disposition,
    startedAt: context.startedAt,
    answeredAt: context.answeredAt,
    endedAt: context.endedAt,
    durationSeconds: durationSeconds(context.answeredAt, context.endedAt),
    outcome: context.outcome,
    failure: context.failure,
    loggable: isLoggable(context),
    missed: isMissedCall(context.direction, context.outcome),
  };
}
