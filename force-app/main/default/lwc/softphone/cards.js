// How the utility lays out the calls of a view: one card per call, chosen by its line status.

/** Statuses of a call that is on the phone (not ringing, not over). */
const IN_PROGRESS = [
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

/** Conference members are listed by the conference panel, not as cards of their own. */
export function callCards(view) {
  const busy = (call) => IN_PROGRESS.includes(call.status);
  return view.calls
    .filter((call) => !call.inConference)
    .map((call) => ({
      callId: call.callId,
      call,
      isIncoming: call.status === 'ringing',
      isWrapUp: call.status === 'wrapUp',
      isEnded: call.status === 'ended',
      isActive: !['ringing', 'wrapUp', 'ended'].includes(call.status),
      waiting: call.status === 'ringing' && view.calls.some((other) => other !== call && busy(other)),
    }));
}
