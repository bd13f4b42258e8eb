// What the utility derives from two successive view models: the screen reader announcement, the utility bar
// label, and the calls the agent just answered. Pure functions of the views (and of the core's status lists).
import { LABELS, format } from 'c/softphoneLabels';

const ON_AUDIO = ['live', 'connecting', 'conference', 'monitored', 'transferring', 'holding', 'ending'];

function announcementOf(before, call, finished) {
  if (!before) {
    if (call.status === 'ringing') return format(LABELS.announceIncoming, call.title);
    if (call.status === 'dialing') return format(LABELS.announceDialing, call.title);
    return null;
  }
  if (before.status === call.status) return null;
  switch (call.status) {
    case 'live':
      return ['held', 'holding', 'recalling'].includes(before.status)
        ? format(LABELS.announceResumed, call.title)
        : format(LABELS.announceConnected, call.title);
    case 'held':
      return format(LABELS.announceHeld, call.title);
    case 'recalling':
      return format(LABELS.announceRecalling, call.title);
    case 'conference':
      return format(LABELS.announceConference, call.title);
    case 'monitored':
      return format(LABELS.announceConnected, call.title);
    case 'ended':
    case 'wrapUp':
      return finished.includes(before.status) ? null : format(LABELS.announceEnded, call.title);
    default:
      return null;
  }
}

/** Calls stopped reaching the agent (the registration was lost), or reach them again. */
function registrationAnnouncement(before, after) {
  if (before?.registration === 'registered' && after.registration === 'lost') return LABELS.registrationLost;
  if (before?.registration === 'lost' && after.registration === 'registered') {
    return LABELS.registrationRegistered;
  }
  return null;
}

/**
 * Sentences for the live region about what changed between two views ('' when nothing worth saying).
 * `statuses`: the core's view module (SoftphoneCore.view), which owns the status lists.
 */
export function announcementFor(before, after, statuses) {
  const finished = statuses.FINISHED_STATUSES;
  const previous = new Map((before?.calls || []).map((call) => [call.callId, call]));
  const current = new Set(after.calls.map((call) => call.callId));
  const sentences = [registrationAnnouncement(before, after)];
  sentences.push(...after.calls.map((call) => announcementOf(previous.get(call.callId), call, finished)));
  for (const call of before?.calls || []) {
    // Gone without passing through ended (rejected, redirected, transferred): the call is over all the same.
    if (!current.has(call.callId) && !finished.includes(call.status)) {
      sentences.push(format(LABELS.announceEnded, call.title));
    }
  }
  // A click-to-dial waiting for the agent: said once, when its card appears.
  const asked = after.clickToDial;
  if (asked && asked.callId !== before?.clickToDial?.callId) {
    sentences.push(format(LABELS.clickToDialQuestion, asked.number));
  }
  return sentences.filter((sentence) => !!sentence).join(' ');
}

/** The utility bar label: the most urgent call first, else whether the phone is connected. */
export function utilityLabelFor(view) {
  if (!view) return LABELS.title;
  const first = (statuses) => view.calls.find((call) => statuses.includes(call.status));
  const ringing = first(['ringing', 'recalling']);
  if (ringing) return format(LABELS.utilityRinging, ringing.title);
  const talking = first(ON_AUDIO);
  if (talking) return format(LABELS.utilityOnCall, talking.title);
  const dialing = first(['dialing']);
  if (dialing) return format(LABELS.utilityDialing, dialing.title);
  const held = first(['held']);
  if (held) return format(LABELS.utilityOnHold, held.title);
  const wrapUp = first(['wrapUp']);
  if (wrapUp) return format(LABELS.utilityWrapUp, wrapUp.title);
  return view.registration === 'registered' ? LABELS.title : LABELS.utilityOffline;
}

/** Incoming calls answered between the two views (for the "search for the number" screen pop). */
export function answeredCalls(before, after) {
  const previous = new Map((before?.calls || []).map((call) => [call.callId, call]));
  return after.calls.filter(
    (call) =>
      call.direction === 'incoming' &&
      call.answeredAt !== null &&
      call.status !== 'monitored' &&
      (previous.get(call.callId)?.answeredAt ?? null) === null,
  );
}

/** Whether the view shows the request dialled under `callId`: as its call, or as the card asking first. */
export function showsRequest(view, callId) {
  return view.clickToDial?.callId === callId || view.calls.some((call) => call.callId === callId);
}
