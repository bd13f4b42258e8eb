// The persistable facts of one call: what the call log actor writes and what recents show.
import type { ContactMatch } from './customer';
import type { CallFailure } from './call-failure';

export type CallDirection = 'incoming' | 'outgoing';

export interface RemoteParty {
  /** The number or SIP user as signalled (E.164 when the dialing rules produced one). */
  number: string;
  /** Caller name from SIP, or how the dialled number is shown to the agent. */
  displayName?: string;
}

export type CallOutcome =
  /** Talked and hung up (either side). */
  | 'completed'
  /** The caller gave up before anybody answered. */
  | 'missed'
  /** The phone declined it (all lines busy, agent away or in wrap-up): also a missed call for the agent. */
  | 'declined'
  /** The agent rejected it, with or without a text reply. */
  | 'rejected'
  /** Sent on to another number while ringing; never logged to an activity record. */
  | 'redirected'
  /** Answered on another device of the agent: never a missed call. */
  | 'answeredElsewhere'
  /** Handed over to another party by a transfer the SIP layer confirmed. */
  | 'transferred'
  /** The agent cancelled an outgoing call before it was answered. */
  | 'canceled'
  /** It never connected; see `failure`. */
  | 'failed'
  /** Connected, then lost when the agent's page reloaded and the far end could not take it back; see `failure`. */
  | 'dropped';

export interface CallRecord {
  callId: string;
  direction: CallDirection;
  remote: RemoteParty;
  /** Every record the contact search returned. */
  matches: ContactMatch[];
  /** The record the call is logged against, when the agent (or a single match) chose one. */
  chosen: ContactMatch | null;
  notes: string;
  disposition: string | null;
  /** Epoch milliseconds. */
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  /** Talk time, from answer to end; null when the call never connected or its end time is unknown. */
  durationSeconds: number | null;
  outcome: CallOutcome | null;
  failure: CallFailure | null;
  /** False for calls that must not reach an activity record (redirected, never connected). */
  loggable: boolean;
  /** An incoming call that rang here and was never answered (isMissedCall): kept as a missed call. */
  missed: boolean;
}

export function durationSeconds(answeredAt: number | null, endedAt: number | null): number | null {
  if (answeredAt === null || endedAt === null) return null;
  return Math.max(0, Math.round((endedAt - answeredAt) / 1000));
}

/** Outcomes of an incoming call that rang here and was answered nowhere. */
const UNANSWERED: readonly CallOutcome[] = ['missed', 'declined', 'rejected'];

/**
 * What is logged of a call that never connected (a connected one gets its call log, see isLoggable): an
 * incoming call the caller gave up on, that the phone declined or that the agent rejected (with or without
 * a text reply) is a missed call, a Task the agent finds under Recents → Missed to call back; a redirected
 * call, an outgoing call that never connected, or one answered on another device, is not.
 */
export function isMissedCall(direction: CallDirection, outcome: CallOutcome | null): boolean {
  return direction === 'incoming' && outcome !== null && UNANSWERED.includes(outcome);
}
