// What a call tells the phone about itself: enough for the phone to arbitrate audio and availability.

export type LineStatus =
  /** Incoming and alerting the agent (or only notifying, in deskphone mode). */
  | 'ringing'
  /** The agent answered; waiting for the SIP layer to confirm. */
  | 'connecting'
  /** Outgoing and not answered yet (calling, ringing, early media, deskphone set-up). */
  | 'dialing'
  /** Has, or is about to get back, the agent's audio (connected, resuming). */
  | 'live'
  /** Hold requested: off the agent's audio unless the hold fails. */
  | 'holding'
  | 'held'
  /** On hold and ringing back to the agent (hold recall, failed unsupervised transfer). */
  | 'recalling'
  | 'transferring'
  /** Mixed into the conference the agent's browser bridges. */
  | 'conference'
  /** Audio is on another device of the agent; the panel takes notes. */
  | 'monitored'
  /** Hanging up, cancelling, rejecting or redirecting. */
  | 'ending'
  /** Over, showing its result until dismissed. */
  | 'ended'
  | 'wrapUp';

/** Statuses that make the agent "on a call". */
export const IN_PROGRESS_STATUSES: readonly LineStatus[] = [
  'connecting',
  'dialing',
  'live',
  'holding',
  'held',
  'recalling',
  'transferring',
  'conference',
  'monitored',
  'ending',
];

/** Statuses that occupy a SIP line (count against the maximum of lines). */
export const LINE_OCCUPYING_STATUSES: readonly LineStatus[] = ['ringing', ...IN_PROGRESS_STATUSES];
