// A call carried over a page reload: what the agent saw of it before, so the new page shows the same call
// (and logs it to the same Task, keyed by the original Call-ID) while the SIP layer takes its dialog back.
import type { ContactMatch } from './customer';
import type { CallFailure } from './call-failure';
import type { CallDirection, CallOutcome, RemoteParty } from './call-record';

export interface RestoredCall {
  /** The call's original id (the first SIP Call-ID): the Task's CallObject, whatever legs followed. */
  callId: string;
  direction: CallDirection;
  remote: RemoteParty;
  startedAt: number;
  answeredAt: number;
  notes: string;
  disposition: string | null;
  matches: ContactMatch[];
  chosen: ContactMatch | null;
  /**
   * `connected`: the call was live, its dialog is re-established (INVITE with Replaces) and it continues;
   * `wrapUp`: the call had ended and the agent was finishing its notes.
   */
  phase: 'connected' | 'wrapUp';
  /** connected only: the call was on hold (or going on hold) before the page went; it comes back held. */
  held?: boolean;
  /** wrapUp only: how and when the call ended. */
  endedAt?: number | null;
  outcome?: CallOutcome | null;
  /** wrapUp only: why a call that was not taken back was dropped (shown in wrap-up, logged). */
  failure?: CallFailure | null;
}
