// The event alphabet and traversal options the model-based test uses for the phone machine.
// Calls are stand-ins here: the model plays their reports, so the phone is tested against its contract.
import { getNextTransitions } from 'xstate';
import type { AnyMachineSnapshot } from 'xstate';
import type { CallRecord } from '../../call-record';
import { CLICK_TO_DIAL_LIMIT } from '../../click-to-dial-limit';
import type { LineStatus } from '../../line-status';
import type { PhoneEvent } from '../../phone-events';
import type { PhoneContext } from '../../phone-machine';
import type { PhoneSettings } from '../../phone-settings';
import { dialEmergency, dialOk, dialRefused, testPhoneSettings } from './harness';

type Snapshot = AnyMachineSnapshot & { context: PhoneContext };

/** How a call's status can move on, as the call machine reports it. */
const NEXT: Record<LineStatus, Array<LineStatus | 'finished'>> = {
  ringing: ['connecting', 'ending', 'ended', 'monitored'],
  connecting: ['live', 'ended'],
  dialing: ['live', 'ending', 'ended'],
  live: ['holding', 'held', 'ending', 'ended', 'conference'],
  holding: ['held', 'live', 'ending', 'ended'],
  held: ['live', 'recalling', 'transferring', 'conference', 'ended'],
  recalling: ['live', 'ended'],
  transferring: ['held', 'recalling', 'ended'],
  conference: ['held', 'holding', 'live', 'ending', 'ended'],
  monitored: ['ended'],
  ending: ['ended'],
  ended: ['wrapUp', 'finished'],
  wrapUp: ['finished'],
};

const record = (callId: string): CallRecord => ({
  callId,
  direction: 'incoming',
  remote: { number: '+15550000000' },
  matches: [],
  chosen: null,
  notes: '',
  disposition: null,
  startedAt: 0,
  answeredAt: null,
  endedAt: null,
  durationSeconds: null,
  outcome: 'completed',
  failure: null,
  loggable: false,
  missed: false,
});

const FORWARDED: PhoneEvent['type'][] = [
  'ui.reject',
  'ui.hangup',
  'ui.hold',
  'ui.mute',
  'ui.unmute',
  'ui.keypad.toggle',
  'ui.notes.save',
  'ui.contact.new',
  'ui.contact.cancel',
  'ui.contact.retry',
  'ui.wrapUp.save',
  'ui.wrapUp.saveAndClose',
  'ui.wrapUp.close',
  'ui.wrapUp.saveWithoutRecord',
  'ui.wrapUp.closeWithoutLog',
  'ui.dismiss',
];

function forwarded(callId: string): PhoneEvent[] {
  return [
    ...FORWARDED.map((type) => ({ type, callId }) as PhoneEvent),
    { type: 'ui.rejectWithText', callId, text: 'Busy' },
    { type: 'ui.redirect', callId, number: '+15550001111', dial: dialOk('+15550001111') },
    { type: 'ui.dtmf', callId, digits: '1' },
    { type: 'ui.notes.changed', callId, text: 'n' },
    { type: 'ui.disposition.changed', callId, disposition: 'Done' },
    { type: 'ui.contact.pick', callId, recordId: '003' },
    {
      type: 'crm.contact.created',
      callId,
      record: { id: '003', name: 'A', objectType: 'Contact', phone: '1' },
    },
  ];
}

/** One focused exploration of the phone: which events it plays and how many calls it lets exist. */
export interface PhoneModelScope {
  settings: PhoneSettings;
  /** Registration events in every state (otherwise only what it takes to register). */
  registration?: boolean;
  availability?: boolean;
  incoming: string[];
  outgoing: string[];
  maxCalls: number;
  /** Statuses the calls may report (all by default). */
  statuses?: Array<LineStatus | 'finished'>;
  consultation?: boolean;
  forwarding?: boolean;
  /** Calls the host restores after a page reload. */
  restored?: string[];
  /** Click-to-dial of dialable and emergency numbers (always a refused one otherwise); 'burst': all at once. */
  clickToDial?: 'spaced' | 'burst';
  /** Ids of clicks that wait on the card (the model confirms them later, in whatever state). */
  clickIds?: string[];
  /** The agent opens and closes the Redirect panel of ringing calls, and clicks a number meanwhile. */
  redirectByClick?: boolean;
  /** Calls ring into the conference, answer there, or end busy (what the conference hears). */
  conferenceTones?: boolean;
}

/** How a call being added to the conference goes on: rings into it, answers there, or is busy. */
function conferenceToneReports(snapshot: Snapshot, callId: string): PhoneEvent[] {
  const { lines, ringingMembers, conference } = snapshot.context;
  // Tones are for the others in the conference: with nobody else there, nothing is heard.
  if (!conference.some((id: string) => id !== callId)) return [];
  const busy: PhoneEvent = { type: 'call.status', callId, status: 'ended', failure: 'busy' };
  if (ringingMembers.includes(callId)) return [{ type: 'call.status', callId, status: 'conference' }, busy];
  if (lines[callId] !== 'dialing') return [];
  // Only a call the phone told to join rings into the conference.
  return conference.includes(callId)
    ? [{ type: 'call.status', callId, status: 'conference', ringing: true }, busy]
    : [busy];
}

function registrationEvents(snapshot: Snapshot, scope: PhoneModelScope): PhoneEvent[] {
  const all: PhoneEvent[] = [
    { type: 'ui.register' },
    { type: 'ui.unregister' },
    { type: 'sip.registration.succeeded' },
    { type: 'sip.registration.failed', reason: 'bad-credentials' },
    { type: 'sip.registration.failed', reason: 'server-unreachable' },
    { type: 'sip.registration.ended' },
    { type: 'sip.transport.disconnected' },
  ];
  if (scope.registration) return all;
  if (snapshot.matches({ registration: 'registered' })) return [];
  return [{ type: 'ui.register' }, { type: 'sip.registration.succeeded' }];
}

/** Events that make sense from this snapshot within a scope: reports follow each call's lifecycle. */
export function phoneEventsFor(snapshot: Snapshot, scope: PhoneModelScope): PhoneEvent[] {
  const { lines } = snapshot.context;
  const ids = Object.keys(lines);
  const events: PhoneEvent[] = [...registrationEvents(snapshot, scope)];
  const registered = snapshot.matches({ registration: 'registered' });
  if (scope.availability && ids.length === 0) {
    events.push(
      { type: 'ui.availability.away' },
      { type: 'ui.availability.available' },
      { type: 'ui.error.dismiss' },
    );
  }
  if (registered && ids.length < scope.maxCalls) {
    for (const callId of scope.incoming) {
      events.push({ type: 'sip.invite.received', callId, remote: { number: '1' }, at: 0 });
      // A supervised transfer to us: the INVITE replaces a call we have.
      const replaced = ids.find((id) => id !== callId);
      if (replaced && !ids.includes(callId)) {
        events.push({
          type: 'sip.invite.received',
          callId,
          remote: { number: '1' },
          at: 0,
          replacesCallId: replaced,
        });
      }
    }
  }
  for (const callId of scope.restored ?? []) {
    events.push({
      type: 'host.call.restore',
      call: {
        callId,
        direction: 'incoming',
        remote: { number: '1' },
        startedAt: 0,
        answeredAt: 1,
        notes: '',
        disposition: null,
        matches: [],
        chosen: null,
        phase: 'connected',
      },
    });
  }
  if (ids.length < scope.maxCalls) {
    for (const callId of scope.outgoing.filter((id) => !ids.includes(id))) {
      events.push({ type: 'ui.dial', callId, number: '+15551230000', dial: dialOk('+15551230000'), at: 0 });
      // Clicks come a whole window apart, so the limit never refuses one, except in a burst scope.
      const last = snapshot.context.clickToDialTimes.at(-1);
      const at =
        last === undefined ? 0 : scope.clickToDial === 'burst' ? last : last + CLICK_TO_DIAL_LIMIT.windowMs;
      events.push({ type: 'crm.clickToDial', callId, number: '1900', dial: dialRefused(), at });
      if (scope.clickToDial) {
        events.push(
          { type: 'crm.clickToDial', callId, number: '+15551230000', dial: dialOk('+15551230000'), at },
          { type: 'crm.clickToDial', callId, number: '911', dial: dialEmergency(), at },
        );
      }
    }
    // A click waiting on the card while the calls move on: "Call" then meets whatever the lines are now.
    if (!snapshot.context.clickToDial) {
      for (const callId of (scope.clickIds ?? []).filter((id) => !ids.includes(id))) {
        events.push({
          type: 'crm.clickToDial',
          callId,
          number: '+15550009999',
          dial: dialOk('+15550009999'),
          at: 0,
        });
      }
    }
  }
  // The card's buttons answer the request on it; one for another request is ignored.
  const onCard = snapshot.context.clickToDial?.callId;
  if (onCard) {
    events.push(
      { type: 'ui.clickToDial.confirm', callId: onCard },
      { type: 'ui.clickToDial.cancel', callId: onCard },
      { type: 'ui.clickToDial.confirm', callId: 'stale' },
    );
  }
  for (const callId of ids) {
    const status = lines[callId] as LineStatus;
    for (const next of NEXT[status].filter((n) => !scope.statuses || scope.statuses.includes(n))) {
      events.push(
        next === 'finished'
          ? { type: 'call.finished', callId, record: record(callId) }
          : { type: 'call.status', callId, status: next },
      );
    }
    events.push({ type: 'ui.answer', callId }, { type: 'ui.resume', callId });
    if (scope.conferenceTones) events.push(...conferenceToneReports(snapshot, callId));
    if (scope.redirectByClick) {
      events.push(
        { type: 'ui.redirect.choose', callId },
        { type: 'ui.redirect.cancel', callId },
        {
          type: 'crm.clickToDial',
          callId: 'r1',
          number: '+15557770000',
          dial: dialOk('+15557770000'),
          at: 0,
        },
      );
    }
    if (scope.consultation) {
      events.push(
        { type: 'ui.transfer.start', callId },
        { type: 'ui.conference.start', callId },
        { type: 'ui.conference.remove', callId },
      );
    }
  }
  if (scope.forwarding && ids.length === 1 && lines[ids[0] as string] === 'live') {
    events.push(
      ...forwarded(ids[0] as string),
      { type: 'ui.answer', callId: 'unknown' },
      { type: 'ui.resume', callId: 'unknown' },
    );
  }
  if (scope.consultation) {
    events.push(
      { type: 'ui.transfer.complete' },
      { type: 'ui.conference.merge' },
      { type: 'ui.consult.cancel' },
      { type: 'ui.conference.leave' },
    );
  }
  const timers = getNextTransitions(snapshot)
    .map((t) => t.eventType)
    .filter((type) => type.startsWith('xstate.after.'));
  return [...events, ...[...new Set(timers)].map((type) => ({ type }) as unknown as PhoneEvent)];
}

export function serializePhoneState(snapshot: Snapshot): string {
  const c = snapshot.context;
  return JSON.stringify([
    snapshot.value,
    c.lines,
    c.switching && [c.switching.holdCallId, c.switching.then.kind],
    c.consultation,
    c.conference,
    Math.min(c.reconnectAttempt, 3),
    c.clickToDial?.callId ?? null,
    // Spaced clicks keep one time; clicks at one instant pile up towards the limit.
    Math.max(0, c.clickToDialTimes.length - 1),
    c.redirectChoice,
    c.ringingMembers,
  ]);
}

const base = { ...testPhoneSettings, maxLines: 2, whenAway: 'decline', whenInWrapUp: 'decline' } as const;

/** Focused explorations whose union takes every transition of the phone. */
export const phoneModelScopes: Record<string, PhoneModelScope> = {
  registration: {
    settings: { ...base, reconnect: { ...base.reconnect, maxAttempts: 2 } },
    registration: true,
    incoming: [],
    outgoing: [],
    maxCalls: 0,
  },
  availability: {
    settings: { ...base, whenInWrapUp: 'ring' },
    availability: true,
    incoming: ['c1'],
    outgoing: ['o1'],
    maxCalls: 2,
    statuses: ['connecting', 'dialing', 'live', 'ended', 'wrapUp', 'finished'],
  },
  /** One line: the second call is declined busy, also while the first is wrapped up. */
  busy: {
    settings: { ...base, maxLines: 1 },
    incoming: ['c1', 'c2'],
    outgoing: ['o1'],
    maxCalls: 2,
    statuses: ['connecting', 'live', 'ended', 'wrapUp', 'finished'],
  },
  /** Two calls and the audio between them: answering, resuming and dialling while another call is live. */
  lines: {
    settings: base,
    forwarding: true,
    incoming: ['c1', 'c2'],
    outgoing: ['o1'],
    maxCalls: 2,
    statuses: ['connecting', 'live', 'held', 'recalling', 'ending', 'ended', 'finished'],
  },
  /** A hold that fails, or a third call that takes the audio, while the phone waits to answer another. */
  switchingCrowd: {
    settings: { ...base, maxLines: 3 },
    incoming: ['c1', 'c2', 'c3'],
    outgoing: [],
    maxCalls: 3,
    statuses: ['connecting', 'live', 'holding', 'held'],
  },
  consultation: {
    settings: base,
    consultation: true,
    incoming: ['c1'],
    outgoing: ['k1'],
    maxCalls: 2,
    statuses: ['connecting', 'live', 'held', 'recalling', 'transferring', 'ending', 'ended', 'conference'],
  },
  /** A call arriving during the consultation takes the line the third party needed. */
  consultationBusy: {
    settings: base,
    consultation: true,
    incoming: ['c1', 'c2'],
    outgoing: ['k1'],
    maxCalls: 3,
    statuses: ['connecting', 'live', 'held'],
  },
  /** Two parties are enough for every conference transition; a third line lets one more be added. */
  conference: {
    settings: { ...base, maxLines: 3 },
    consultation: true,
    incoming: ['c1'],
    outgoing: ['k1'],
    maxCalls: 2,
    statuses: ['connecting', 'live', 'held', 'conference', 'ended'],
  },
  /** A call carried over a page reload joins the lines once, however often the host reports it. */
  restore: {
    settings: base,
    incoming: [],
    outgoing: [],
    restored: ['r1'],
    maxCalls: 1,
    statuses: ['live', 'ended', 'wrapUp', 'finished'],
  },
  /** A click while free dials; while busy, or for an emergency number, it waits for the agent. */
  clickToDial: {
    settings: base,
    clickToDial: 'spaced',
    incoming: [],
    outgoing: ['o1'],
    maxCalls: 1,
    statuses: ['live', 'ended', 'finished'],
  },
  /** A click left on the card while calls come, consult and fill the lines: "Call" meets them all. */
  clickToDialLater: {
    settings: base,
    consultation: true,
    clickIds: ['x1'],
    incoming: ['c1', 'c2'],
    outgoing: [],
    maxCalls: 2,
    statuses: ['connecting', 'live', 'held'],
  },
  /** Clicks at one instant: the one after CLICK_TO_DIAL_LIMIT is refused. */
  clickToDialBurst: {
    settings: base,
    clickToDial: 'burst',
    incoming: [],
    outgoing: ['o1', 'o2'],
    maxCalls: 2,
    statuses: ['live'],
  },
  /** "Using the Click-to-dial function" to redirect: a click while the Redirect panel is open redirects. */
  redirectByClick: {
    settings: base,
    redirectByClick: true,
    incoming: ['c1'],
    outgoing: [],
    maxCalls: 1,
    statuses: ['live', 'ended', 'finished'],
  },
  /**
   * A party added to the conference rings (merged before it answered, or dialled for a running conference),
   * answers or is busy: what the conference hears meanwhile.
   */
  conferenceTones: {
    settings: { ...base, maxLines: 3 },
    consultation: true,
    conferenceTones: true,
    incoming: ['c1'],
    outgoing: ['k1'],
    maxCalls: 2,
    statuses: ['connecting', 'live', 'held', 'conference'],
  },
  /** The admin's click-to-dial switch is off: every click is refused and nothing is dialled. */
  clickToDialOff: {
    settings: { ...base, clickToDial: false },
    clickIds: ['x1'],
    incoming: [],
    outgoing: [],
    maxCalls: 1,
    statuses: [],
  },
  deskphone: {
    settings: { ...base, mode: 'deskphone' },
    incoming: [],
    outgoing: ['o1'],
    maxCalls: 1,
    statuses: [],
  },
};

/**
 * Events the phone raises to itself in answer to `event` (a click it accepts): the lines and the
 * consultation act on those, so coverage must look at them as well as at `event`.
 */
export function raisedBy(snapshot: Snapshot, event: PhoneEvent): PhoneEvent[] {
  const c = snapshot.context;
  if (event.type === 'ui.clickToDial.confirm' && c.clickToDial?.callId === event.callId) {
    return [{ ...c.clickToDial, type: 'phone.clickToDial.accepted' }];
  }
  if (
    event.type === 'crm.clickToDial' &&
    c.redirectChoice !== null &&
    c.lines[c.redirectChoice] === 'ringing'
  ) {
    return [{ type: 'ui.redirect', callId: c.redirectChoice, number: event.number, dial: event.dial }];
  }
  if (event.type === 'crm.clickToDial' && c.settings.clickToDial) {
    const { type: _type, ...request } = event;
    return [{ ...request, type: 'phone.clickToDial.accepted' }];
  }
  return [];
}
