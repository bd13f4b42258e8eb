// The phone: registration, mode, agent availability, and the lines it spawns one call machine for.
import { and, assign, enqueueActions, fromCallback, not, or, setup, stateIn, type AnyActorRef } from 'xstate';
import type { DialTarget } from '../dialing';
import type { CallContext, CallInput } from './call-context';
import { customerContext } from './call-context';
import type { CallUiEvent } from './call-events';
import { callMachine } from './call-machine';
import type { CallRecord, RemoteParty } from './call-record';
import { CLICK_TO_DIAL_LIMIT, exceedsClickToDialLimit, rememberClickToDial } from './click-to-dial-limit';
import type { LineStatus } from './line-status';
import { IN_PROGRESS_STATUSES, LINE_OCCUPYING_STATUSES } from './line-status';
import type { DialRequest, PhoneEvent, UserAgentCommand } from './phone-events';
import type { PhoneSettings } from './phone-settings';
import { MAX_CONFERENCE_PARTIES } from './phone-settings';
import type { RegistrationFailureReason } from './registration-failure';
import { reconnectDelayMs } from './sip-timing';

export interface PhoneInput {
  settings: PhoneSettings;
}

/** Input of `sipUserAgent`: a fromCallback that receives UserAgentCommand and sends back PhoneSipEvent. */
export interface SipUserAgentInput {
  mode: PhoneSettings['mode'];
}

export type PhoneErrorCode =
  'not-registered' | 'no-free-line' | 'audio-busy' | 'switch-failed' | 'consulting' | 'click-to-dial-limit';

export interface PhoneError {
  code: PhoneErrorCode;
  message: string;
}

export const phoneErrorMessages: Readonly<Record<PhoneErrorCode, string>> = {
  'not-registered': 'The phone is not connected to the phone server yet, so calls cannot be placed.',
  'no-free-line': 'All your lines are in use. End or transfer a call first.',
  'audio-busy': 'Finish the call you are dialling, answering or conferencing first.',
  'switch-failed': 'Your current call could not be put on hold, so the other call was not taken.',
  consulting: 'Finish the transfer or conference you started first.',
  'click-to-dial-limit':
    `More than ${CLICK_TO_DIAL_LIMIT.maxRequests} click-to-dial requests arrived within ` +
    `${CLICK_TO_DIAL_LIMIT.windowMs / 1000} seconds, so the last one was not dialled. ` +
    'If you meant to call, wait a few seconds and click the number again.',
};

/** What the phone does once the call that has the audio is on hold. */
export type QueuedIntent = { kind: 'forward'; event: CallUiEvent } | { kind: 'spawn'; input: CallInput };

export interface LineSwitch {
  /** The call being put on hold to free the audio. */
  holdCallId: string;
  then: QueuedIntent;
}

export interface Consultation {
  purpose: 'transfer' | 'conference';
  /** The call put on hold for the consultation; null when adding a party to a running conference. */
  originalCallId: string | null;
  /** The call to the third party, once dialled. */
  consultCallId: string | null;
  target: DialTarget | null;
}

export interface PhoneContext {
  settings: PhoneSettings;
  /** The phone's view of each call, as the calls report it; keys are the spawned call actors' ids. */
  lines: Record<string, LineStatus>;
  switching: LineSwitch | null;
  consultation: Consultation | null;
  /** Calls mixed into the conference (the agent is the extra party). */
  conference: string[];
  reconnectAttempt: number;
  registrationFailure: RegistrationFailureReason | null;
  error: PhoneError | null;
  /** A click-to-dial waiting for the agent's "Call" or "Cancel" (see the clickToDial region). */
  clickToDial: DialRequest | null;
  /** When the latest click-to-dial requests arrived (event times), for CLICK_TO_DIAL_LIMIT. */
  clickToDialTimes: number[];
}

type ReportedStatus = LineStatus | 'finished';
type ReportSource = 'switched' | 'queued' | 'original' | 'consult' | 'member';

/** A call stops needing the agent's own audio once it is held, mixed into the conference or hanging up. */
const OFF_AUDIO: ReportedStatus[] = ['held', 'conference', 'ending', 'ended'];
/** Every call reports 'ending' or 'ended' before wrap-up and before it finishes. */
const GONE: ReportedStatus[] = ['ending', 'ended'];
const LEFT_CONFERENCE: ReportedStatus[] = ['held', 'ending', 'ended'];
/** Statuses of a call that has, or is about to get, the agent's audio. */
const AUDIO_TAKING: LineStatus[] = ['live', 'holding', 'connecting', 'dialing'];
/** Calls that can be told to join the conference: connected, on hold (or going there), or still ringing. */
const JOINABLE: LineStatus[] = ['live', 'holding', 'held', 'recalling', 'dialing'];
/** A call whose hold may still fail: the phone waits for it to be held before giving the audio away. */
const ON_AUDIO: LineStatus[] = ['live', 'holding'];

function reportOf(event: PhoneEvent): { callId: string; status: ReportedStatus } | null {
  if (event.type === 'call.status') return { callId: event.callId, status: event.status };
  if (event.type === 'call.finished') return { callId: event.callId, status: 'finished' };
  return null;
}

function eventCallId(event: PhoneEvent): string | null {
  return 'callId' in event && typeof event.callId === 'string' ? event.callId : null;
}

function occupiedLines(lines: Record<string, LineStatus>): number {
  return Object.values(lines).filter((s) => LINE_OCCUPYING_STATUSES.includes(s)).length;
}

function otherCallWith(
  context: PhoneContext,
  callId: string | null,
  statuses: readonly LineStatus[],
): string | null {
  for (const [id, status] of Object.entries(context.lines)) {
    if (id !== callId && statuses.includes(status)) return id;
  }
  return null;
}

function queuedTargetId(intent: QueuedIntent): string {
  return intent.kind === 'forward' ? intent.event.callId : intent.input.callId;
}

function remoteOf(request: DialRequest): RemoteParty {
  if (!request.dial.ok) return { number: request.number.trim() };
  const { target } = request.dial;
  return { number: target.e164 ?? target.sipUri ?? target.dialString, displayName: target.display };
}

/** What a call machine the phone spawned knows (read only: the phone decides nothing from it but context). */
function childCallContext(self: AnyActorRef, callId: string): CallContext | undefined {
  const child = (self.getSnapshot() as { children?: Record<string, AnyActorRef | undefined> } | undefined)
    ?.children?.[callId];
  return (child?.getSnapshot() as { context?: CallContext } | undefined)?.context;
}

/** The dial request of an event that dials: typed by the agent, or a click-to-dial the phone accepted. */
function dialRequestOf(event: PhoneEvent): DialRequest | null {
  return event.type === 'ui.dial' || event.type === 'phone.clickToDial.accepted' ? event : null;
}

function outgoingInput(context: PhoneContext, request: DialRequest): CallInput {
  return {
    callId: request.callId,
    direction: 'outgoing',
    mode: context.settings.mode,
    settings: context.settings.call,
    startedAt: request.at,
    remote: remoteOf(request),
    dial: request.dial,
    record: request.record,
  };
}

function declinedRecord(callId: string, remote: RemoteParty, at: number): CallRecord {
  return {
    callId,
    direction: 'incoming',
    remote,
    matches: [],
    chosen: null,
    notes: '',
    disposition: null,
    startedAt: at,
    answeredAt: null,
    endedAt: at,
    durationSeconds: null,
    outcome: 'declined',
    failure: null,
    loggable: false,
  };
}

/** Call events the phone passes straight to the call they name. */
const FORWARDED_EVENTS = [
  'ui.reject',
  'ui.rejectWithText',
  'ui.redirect',
  'ui.hangup',
  'ui.hold',
  'ui.mute',
  'ui.unmute',
  'ui.keypad.toggle',
  'ui.dtmf',
  'ui.notes.changed',
  'ui.notes.save',
  'ui.disposition.changed',
  'ui.contact.pick',
  'ui.contact.new',
  'ui.contact.cancel',
  'ui.contact.retry',
  'crm.contact.created',
  'ui.wrapUp.save',
  'ui.wrapUp.saveAndClose',
  'ui.wrapUp.close',
  'ui.dismiss',
  'ui.wrapUp.saveWithoutRecord',
  'ui.wrapUp.closeWithoutLog',
] as const satisfies readonly PhoneEvent['type'][];

function isReport(from: ReportSource, statuses: ReportedStatus[]) {
  return { type: 'isReport', params: { from, statuses } } as const;
}

function reportError(code: PhoneErrorCode) {
  return { type: 'reportError', params: { code } } as const;
}

/** Decline busy (486) or unavailable (480); the agent still sees the call in recents. */
function decline(statusCode: number) {
  return [
    { type: 'declineIncomingCall', params: { statusCode } },
    {
      type: 'addToRecents',
      params: ({ event }: { event: PhoneEvent }) => {
        if (event.type !== 'sip.invite.received') throw new Error(`decline() used on ${event.type}`);
        return { record: declinedRecord(event.callId, event.remote, event.at) };
      },
    },
  ] as const;
}

const recentsFromReport = {
  type: 'addToRecents',
  params: ({ event }: { event: PhoneEvent }) => {
    if (event.type !== 'call.finished') throw new Error(`recentsFromReport used on ${event.type}`);
    return { record: event.record };
  },
} as const;

const forwardIfKnown = { guard: 'isKnownCall', actions: 'forwardToCall' } as const;

/** Answer or resume: free the audio first when another call has it. */
const audioIntent = [
  { guard: not('isKnownCall') },
  { guard: not('takesAudio'), actions: 'forwardToCall' },
  { guard: 'isAudioBusy', actions: reportError('audio-busy') },
  { guard: 'hasOtherLiveCall', target: 'switching', actions: 'holdLiveCallFirst' },
  { actions: 'forwardToCall' },
] as const;

const dialIntent = [
  { guard: 'isAwaitingConsultTarget' },
  { guard: 'isConsulting', actions: reportError('consulting') },
  { guard: not('isRegistered'), actions: reportError('not-registered') },
  { guard: not('hasFreeLine'), actions: reportError('no-free-line') },
  { guard: 'isAudioBusy', actions: reportError('audio-busy') },
  { guard: 'hasOtherLiveCall', target: 'switching', actions: 'holdLiveCallFirst' },
  { actions: 'spawnOutgoingCall' },
] as const;

const consultDial = [
  { guard: not('hasFreeLine'), actions: reportError('no-free-line') },
  { guard: 'isAudioTakenOutsideConference', actions: reportError('audio-busy') },
  { target: 'dialing', actions: ['spawnConsultCall', 'handOverIfUnsupervised'] },
] as const;

/** What the view shows of the phone (registration, availability) is read from these tags. */
export type PhoneTag =
  | 'registering'
  | 'registered'
  | 'lost'
  | 'reconnecting'
  | 'failed'
  | 'unregistering'
  | 'away'
  | 'onCall'
  | 'wrapUp';

export const phoneMachine = setup({
  types: {
    context: {} as PhoneContext,
    events: {} as PhoneEvent,
    input: {} as PhoneInput,
    tags: {} as PhoneTag,
  },
  actors: {
    /** The SIP adapter's user agent: receives UserAgentCommand, sends back PhoneSipEvent. */
    sipUserAgent: fromCallback<UserAgentCommand, SipUserAgentInput>(() => undefined),
    /** One per call; provide callMachine.provide({...}) here to give the calls their actors. */
    callMachine,
  },
  actions: {
    /** Provided by the host: keep a finished or declined call in the recents lists. */
    addToRecents: (_, _params: { record: CallRecord }) => undefined,
    commandUserAgent: enqueueActions(({ enqueue }, params: UserAgentCommand) => {
      enqueue.sendTo('ua', params);
    }),
    countReconnectAttempt: assign(({ context }) => ({ reconnectAttempt: context.reconnectAttempt + 1 })),
    resetReconnect: assign({ reconnectAttempt: 0, registrationFailure: null }),
    recordRegistrationFailure: assign(({ event }) =>
      event.type === 'sip.registration.failed' ? { registrationFailure: event.reason } : {},
    ),
    recordServerUnreachable: assign({ registrationFailure: 'server-unreachable' }),
    reportError: assign((_, params: { code: PhoneErrorCode }) => ({
      error: { code: params.code, message: phoneErrorMessages[params.code] },
    })),
    clearError: assign({ error: null }),
    spawnIncomingCall: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'sip.invite.received') return;
      // A supervised transfer to us: the customer's call replaces our consult call. It goes on at once,
      // about the same customer, without ringing (RFC 3891: the agent already accepted this party).
      const replaced = event.replacesCallId ? childCallContext(self, event.replacesCallId) : undefined;
      const about = replaced?.about ?? event.about;
      const input: CallInput = {
        callId: event.callId,
        direction: 'incoming',
        mode: context.settings.mode,
        settings: context.settings.call,
        startedAt: event.at,
        remote: event.remote,
        callWaiting: !replaced && otherCallWith(context, event.callId, IN_PROGRESS_STATUSES) !== null,
        ...(about ? { about } : {}),
        ...(replaced?.chosen ? { record: replaced.chosen } : {}),
      };
      enqueue.assign({ lines: { ...context.lines, [event.callId]: 'ringing' } });
      enqueue.spawnChild('callMachine', { id: event.callId, input });
      if (replaced) enqueue.sendTo(event.callId, { type: 'ui.answer', callId: event.callId });
    }),
    spawnRestoredCall: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'host.call.restore') return;
      const { call } = event;
      const input: CallInput = {
        callId: call.callId,
        direction: call.direction,
        mode: context.settings.mode,
        settings: context.settings.call,
        startedAt: call.startedAt,
        remote: call.remote,
        restored: call,
      };
      const status: LineStatus = call.phase === 'wrapUp' ? 'wrapUp' : 'connecting';
      enqueue.assign({ lines: { ...context.lines, [call.callId]: status } });
      enqueue.spawnChild('callMachine', { id: call.callId, input });
    }),
    declineIncomingCall: enqueueActions(({ event, enqueue }, params: { statusCode: number }) => {
      if (event.type !== 'sip.invite.received') return;
      enqueue.sendTo('ua', {
        type: 'phone.declineIncoming',
        callId: event.callId,
        statusCode: params.statusCode,
      });
    }),
    spawnOutgoingCall: enqueueActions(({ context, event, enqueue }) => {
      const request = dialRequestOf(event);
      if (!request) return;
      const input = outgoingInput(context, request);
      enqueue.assign({ lines: { ...context.lines, [input.callId]: 'dialing' }, error: null });
      enqueue.spawnChild('callMachine', { id: input.callId, input });
    }),
    forwardToCall: enqueueActions(({ context, event, enqueue }) => {
      const callId = eventCallId(event);
      if (callId !== null && context.lines[callId] !== undefined) enqueue.sendTo(callId, event);
    }),
    /** Put the call that has the audio on hold; the agent's intent runs once it is held. */
    holdLiveCallFirst: enqueueActions(({ context, event, enqueue }) => {
      const holdCallId = otherCallWith(context, eventCallId(event), ON_AUDIO);
      if (holdCallId === null) return;
      let then: QueuedIntent | null = null;
      const request = dialRequestOf(event);
      if (request) {
        then = { kind: 'spawn', input: outgoingInput(context, request) };
      } else if (event.type === 'ui.answer' || event.type === 'ui.resume') {
        then = { kind: 'forward', event };
      }
      if (!then) return;
      enqueue.assign({ switching: { holdCallId, then } });
      enqueue.sendTo(holdCallId, { type: 'phone.hold' });
    }),
    runQueuedIntent: enqueueActions(({ context, enqueue }) => {
      const intent = context.switching?.then;
      enqueue.assign({ switching: null });
      if (!intent) return;
      if (intent.kind === 'spawn') {
        enqueue.assign({ lines: { ...context.lines, [intent.input.callId]: 'dialing' } });
        enqueue.spawnChild('callMachine', { id: intent.input.callId, input: intent.input });
      } else if (context.lines[intent.event.callId] !== undefined) {
        enqueue.sendTo(intent.event.callId, intent.event);
      }
    }),
    dropQueuedIntent: assign({ switching: null }),
    updateLine: assign(({ context, event }) =>
      event.type === 'call.status' && context.lines[event.callId] !== undefined
        ? { lines: { ...context.lines, [event.callId]: event.status } }
        : {},
    ),
    finishLine: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'call.finished' || context.lines[event.callId] === undefined) return;
      const { callId } = event;
      enqueue.assign({
        lines: Object.fromEntries(Object.entries(context.lines).filter(([id]) => id !== callId)),
      });
      enqueue.stopChild(event.callId);
    }),
    beginConsultation: assign(({ event }, params: { purpose: Consultation['purpose'] }) => ({
      consultation: {
        purpose: params.purpose,
        originalCallId: eventCallId(event),
        consultCallId: null,
        target: null,
      },
    })),
    beginConferenceAddition: assign({
      consultation: { purpose: 'conference', originalCallId: null, consultCallId: null, target: null },
    }),
    holdOriginal: enqueueActions(({ context, enqueue }) => {
      const id = context.consultation?.originalCallId;
      if (id && context.lines[id] !== undefined) enqueue.sendTo(id, { type: 'phone.hold' });
    }),
    /** Back to the original call, unless another call took the audio meanwhile: then it stays held. */
    resumeOriginal: enqueueActions(({ context, enqueue }) => {
      const c = context.consultation;
      const id = c?.originalCallId;
      if (!id || context.lines[id] === undefined) return;
      const others = {
        ...context,
        lines: Object.fromEntries(Object.entries(context.lines).filter(([k]) => k !== c.consultCallId)),
      };
      if (otherCallWith(others, id, AUDIO_TAKING) === null) enqueue.sendTo(id, { type: 'phone.resume' });
    }),
    spawnConsultCall: enqueueActions(({ context, event, enqueue, self }) => {
      const request = dialRequestOf(event);
      if (!request || !context.consultation) return;
      // The consult call tells the third party which customer it is about.
      const { originalCallId } = context.consultation;
      const original = originalCallId ? childCallContext(self, originalCallId) : undefined;
      const about = original ? customerContext(original) : undefined;
      const input = { ...outgoingInput(context, request), ...(about ? { about } : {}) };
      enqueue.assign({
        lines: { ...context.lines, [input.callId]: 'dialing' },
        consultation: {
          ...context.consultation,
          consultCallId: input.callId,
          target: request.dial.ok ? request.dial.target : null,
        },
      });
      enqueue.spawnChild('callMachine', { id: input.callId, input });
    }),
    /**
     * An unsupervised transfer completes in the same macrostep as the consult dial, so the REFER follows
     * the consult INVITE; `dialing` decides whether it may (a refused number has no transfer target).
     */
    handOverIfUnsupervised: enqueueActions(({ event, enqueue }) => {
      if (dialRequestOf(event)?.transfer === 'unsupervised') enqueue.raise({ type: 'ui.transfer.complete' });
    }),
    forgetConsultCall: assign(({ context }) =>
      context.consultation
        ? { consultation: { ...context.consultation, consultCallId: null, target: null } }
        : {},
    ),
    hangUpConsult: enqueueActions(({ context, enqueue }) => {
      const id = context.consultation?.consultCallId;
      if (id && context.lines[id] !== undefined) enqueue.sendTo(id, { type: 'ui.hangup', callId: id });
    }),
    endConsultation: assign({ consultation: null }),
    transferBlind: enqueueActions(({ context, enqueue }) => {
      const c = context.consultation;
      if (c?.originalCallId && c.target && context.lines[c.originalCallId] !== undefined) {
        enqueue.sendTo(c.originalCallId, { type: 'phone.transfer.blind', target: c.target });
      }
    }),
    transferAttended: enqueueActions(({ context, enqueue }) => {
      const c = context.consultation;
      if (c?.originalCallId && c.consultCallId && context.lines[c.originalCallId] !== undefined) {
        enqueue.sendTo(c.originalCallId, { type: 'phone.transfer.attended', consultCallId: c.consultCallId });
      }
    }),
    /** Everyone joins the mix; parties on hold are taken off hold by the join. */
    mergeConference: enqueueActions(({ context, enqueue }) => {
      const c = context.consultation;
      if (!c) return;
      const joining = [c.originalCallId, c.consultCallId].filter(
        (id): id is string =>
          id !== null && context.lines[id] !== undefined && !context.conference.includes(id),
      );
      enqueue.assign({ conference: [...context.conference, ...joining] });
      for (const id of joining) enqueue.sendTo(id, { type: 'phone.conference.join' });
    }),
    removeMember: assign(({ context, event }) => {
      const report = reportOf(event);
      return report ? { conference: context.conference.filter((id) => id !== report.callId) } : {};
    }),
    hangUpMember: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'ui.conference.remove' && context.lines[event.callId] !== undefined) {
        enqueue.sendTo(event.callId, { type: 'ui.hangup', callId: event.callId });
      }
    }),
    hangUpAllMembers: enqueueActions(({ context, enqueue }) => {
      for (const id of context.conference) {
        if (context.lines[id] !== undefined) enqueue.sendTo(id, { type: 'ui.hangup', callId: id });
      }
    }),
    countClickToDial: assign(({ context, event }) =>
      event.type === 'crm.clickToDial'
        ? { clickToDialTimes: rememberClickToDial(context.clickToDialTimes, event.at) }
        : {},
    ),
    /** The card shows this request; a newer click replaces an older one still on the card. */
    askToConfirmClickToDial: assign(({ event }) => {
      if (event.type !== 'crm.clickToDial') return {};
      const { type: _type, ...request } = event;
      return { clickToDial: request };
    }),
    acceptClickToDial: enqueueActions(({ context, event, enqueue }) => {
      let request: DialRequest | null = null;
      if (event.type === 'crm.clickToDial') {
        const { type: _type, ...clicked } = event;
        request = clicked;
      } else if (event.type === 'ui.clickToDial.confirm') {
        request = context.clickToDial;
      }
      enqueue.assign({ clickToDial: null });
      if (request) enqueue.raise({ type: 'phone.clickToDial.accepted', ...request });
    }),
    forgetClickToDial: assign({ clickToDial: null }),
    /** One party left: it is an ordinary call again. */
    dissolveConference: enqueueActions(({ context, enqueue }) => {
      for (const id of context.conference) {
        if (context.lines[id] !== undefined) enqueue.sendTo(id, { type: 'phone.conference.dissolved' });
      }
      enqueue.assign({ conference: [] });
    }),
  },
  guards: {
    isRegistered: stateIn('#phone.registration.registered'),
    isDeskphoneMode: ({ context }) => context.settings.mode === 'deskphone',
    isRetryableRegistrationFailure: ({ event }) =>
      event.type === 'sip.registration.failed' && event.reason === 'server-unreachable',
    reconnectAttemptsExhausted: ({ context }) =>
      context.settings.reconnect.maxAttempts > 0 &&
      context.reconnectAttempt > context.settings.reconnect.maxAttempts,
    isLastReconnectAttempt: ({ context }) =>
      context.settings.reconnect.maxAttempts > 0 &&
      context.reconnectAttempt >= context.settings.reconnect.maxAttempts,
    replacesOurCall: ({ context, event }) =>
      event.type === 'sip.invite.received' &&
      event.replacesCallId !== undefined &&
      context.lines[event.replacesCallId] !== undefined,
    isNewCall: ({ context, event }) =>
      event.type === 'sip.invite.received' && context.lines[event.callId] === undefined,
    isNewRestoredCall: ({ context, event }) =>
      event.type === 'host.call.restore' && context.lines[event.call.callId] === undefined,
    isKnownCall: ({ context, event }) => {
      const callId = eventCallId(event);
      return callId !== null && context.lines[callId] !== undefined;
    },
    hasFreeLine: ({ context }) => occupiedLines(context.lines) < context.settings.maxLines,
    declinesWhenAway: ({ context }) => context.settings.whenAway === 'decline',
    declinesInWrapUp: ({ context }) => context.settings.whenInWrapUp === 'decline',
    isAwayAndDeclining: and([stateIn('#phone.availability.away'), 'declinesWhenAway']),
    isInWrapUpAndDeclining: and([stateIn('#phone.availability.wrapUp'), 'declinesInWrapUp']),
    hasCallInProgress: ({ context }) =>
      Object.values(context.lines).some((s) => IN_PROGRESS_STATUSES.includes(s)),
    hasCallInWrapUp: ({ context }) => Object.values(context.lines).some((s) => s === 'wrapUp'),
    isOnlyWrappingUp: and([not('hasCallInProgress'), 'hasCallInWrapUp']),
    hasNoCallToWorkOn: and([not('hasCallInProgress'), not('hasCallInWrapUp')]),
    isAwaitingConsultTarget: stateIn('#phone.consultation.awaitingTarget'),
    isConsulting: not(stateIn('#phone.consultation.idle')),
    /** The event would give this call the audio (answering or resuming it), in softphone mode. */
    takesAudio: ({ context, event }) => {
      if (context.settings.mode !== 'softphone') return false;
      if (dialRequestOf(event)) return true;
      const status =
        event.type === 'ui.answer' || event.type === 'ui.resume' ? context.lines[event.callId] : undefined;
      if (event.type === 'ui.answer') return status === 'ringing' || status === 'recalling';
      if (event.type === 'ui.resume') return status === 'held' || status === 'recalling';
      return false;
    },
    hasOtherLiveCall: ({ context, event }) =>
      context.settings.mode === 'softphone' && otherCallWith(context, eventCallId(event), ON_AUDIO) !== null,
    /** Another call is dialling, being answered or conferenced: its audio cannot be put aside. */
    isAudioBusy: ({ context, event }) =>
      context.settings.mode === 'softphone' &&
      otherCallWith(context, eventCallId(event), ['connecting', 'dialing', 'conference']) !== null,
    /** Another call (not in the conference) has the audio: the third party cannot be dialled over it. */
    isAudioTakenOutsideConference: ({ context, event }) =>
      Object.entries(context.lines).some(
        ([id, status]) =>
          id !== eventCallId(event) && !context.conference.includes(id) && AUDIO_TAKING.includes(status),
      ),
    isReport: ({ context, event }, params: { from: ReportSource; statuses: ReportedStatus[] }) => {
      const report = reportOf(event);
      if (!report || !params.statuses.includes(report.status)) return false;
      switch (params.from) {
        case 'switched':
          return context.switching?.holdCallId === report.callId;
        case 'queued':
          return context.switching !== null && queuedTargetId(context.switching.then) === report.callId;
        case 'original':
          return context.consultation?.originalCallId === report.callId;
        case 'consult':
          return context.consultation?.consultCallId === report.callId;
        case 'member':
          return context.conference.includes(report.callId);
      }
    },
    /** A call on hold cannot be transferred or conferenced: only a live call can start a consultation. */
    canStartTransfer: ({ context, event }) =>
      event.type === 'ui.transfer.start' &&
      context.settings.mode === 'softphone' &&
      context.lines[event.callId] === 'live' &&
      !context.conference.includes(event.callId) &&
      occupiedLines(context.lines) < context.settings.maxLines,
    canStartConference: ({ context, event }) =>
      event.type === 'ui.conference.start' &&
      context.settings.mode === 'softphone' &&
      context.lines[event.callId] === 'live' &&
      context.conference.length === 0 &&
      occupiedLines(context.lines) < context.settings.maxLines,
    /** Up to five parties: the agent and four others. */
    canAddToConference: ({ context, event }) =>
      event.type === 'ui.conference.start' &&
      context.conference.includes(event.callId) &&
      context.conference.length + 1 < MAX_CONFERENCE_PARTIES &&
      occupiedLines(context.lines) < context.settings.maxLines,
    /** Both legs are in a state that can join the mix now (not between a hold and its answer). */
    canMergeLegs: ({ context }) => {
      const c = context.consultation;
      if (c?.purpose !== 'conference' || !c.consultCallId) return false;
      return [c.originalCallId, c.consultCallId].every(
        (id) => id === null || JOINABLE.includes(context.lines[id] as LineStatus),
      );
    },
    /** Apart from the call being held, nobody has taken the audio since the intent was queued. */
    isAudioFreeForQueuedIntent: ({ context }) => {
      const plan = context.switching;
      if (!plan) return false;
      const others = Object.entries(context.lines).filter(
        ([id]) => id !== plan.holdCallId && id !== queuedTargetId(plan.then),
      );
      return !others.some(([, status]) => [...AUDIO_TAKING, 'conference'].includes(status));
    },
    isTransferConsultation: ({ context }) => context.consultation?.purpose === 'transfer',
    hasTransferTarget: ({ context }) =>
      context.consultation?.purpose === 'transfer' && context.consultation.target !== null,
    hasConference: ({ context }) => context.conference.length >= 2,
    /**
     * Nobody left, or one party left and no consultation: while the agent consults someone to add, a
     * last party stays in the mix rather than be put on hold under the consultation (a hold can fail).
     */
    isConferenceTooSmall: ({ context }) =>
      context.conference.length === 0 || (context.conference.length === 1 && context.consultation === null),
    isConferenceMember: ({ context, event }) =>
      event.type === 'ui.conference.remove' && context.conference.includes(event.callId),
    isOverClickToDialLimit: ({ context, event }) =>
      event.type === 'crm.clickToDial' && exceedsClickToDialLimit(context.clickToDialTimes, event.at),
    /** Emergency numbers are never dialled by a click alone (a hidden page could otherwise call 911). */
    isEmergencyNumber: ({ event }) =>
      event.type === 'crm.clickToDial' && event.dial.ok && event.dial.target.emergency === true,
    /** On a call, ringing, dialling, in wrap-up, or already asked about another click. */
    isBusyForClickToDial: ({ context }) =>
      Object.keys(context.lines).length > 0 || context.clickToDial !== null,
    isClickToDialOnCard: ({ context, event }) =>
      (event.type === 'ui.clickToDial.confirm' || event.type === 'ui.clickToDial.cancel') &&
      context.clickToDial?.callId === event.callId,
  },
  delays: {
    reconnectBackoff: ({ context }) =>
      reconnectDelayMs(context.reconnectAttempt, context.settings.reconnect, Math.random()),
    switchTimeout: ({ context }) => context.settings.switchTimeoutMs,
  },
}).createMachine({
  id: 'phone',
  type: 'parallel',
  context: ({ input }) => ({
    settings: input.settings,
    lines: {},
    switching: null,
    consultation: null,
    conference: [],
    reconnectAttempt: 0,
    registrationFailure: null,
    error: null,
    clickToDial: null,
    clickToDialTimes: [],
  }),
  invoke: {
    id: 'ua',
    src: 'sipUserAgent',
    input: ({ context }) => ({ mode: context.settings.mode }),
  },
  on: {
    'ui.error.dismiss': { actions: 'clearError' },
  },
  states: {
    registration: {
      initial: 'unregistered',
      states: {
        unregistered: { on: { 'ui.register': 'registering' } },
        registering: {
          tags: 'registering',
          entry: { type: 'commandUserAgent', params: { type: 'phone.register' } },
          on: {
            'sip.registration.succeeded': 'registered',
            'sip.registration.failed': [
              { guard: 'isRetryableRegistrationFailure', target: 'reconnecting' },
              { target: 'failed', actions: 'recordRegistrationFailure' },
            ],
            'sip.transport.disconnected': 'reconnecting',
            'ui.unregister': 'unregistering',
          },
        },
        registered: {
          tags: 'registered',
          entry: 'resetReconnect',
          on: {
            'sip.transport.disconnected': 'reconnecting',
            // A refresh refused (credentials, 403, no answer, a 200 without our contact) or SIP.js's
            // Registerer giving up on its own: the server would no longer route a call here.
            'sip.registration.failed': { target: 'lost', actions: 'recordRegistrationFailure' },
            'sip.registration.ended': 'lost',
            'ui.unregister': 'unregistering',
          },
        },
        /**
         * Registered until a moment ago, connection still up, but calls no longer reach this phone: the agent
         * is told, and the phone registers again with fresh credentials, with the reconnect backoff (capped,
         * jittered). Only the agent's own unregister, or the attempts running out, ends it.
         */
        lost: {
          tags: 'lost',
          entry: 'countReconnectAttempt',
          initial: 'waiting',
          states: {
            waiting: { after: { reconnectBackoff: 'reregistering' } },
            reregistering: {
              entry: { type: 'commandUserAgent', params: { type: 'phone.reregister' } },
              on: {
                'sip.registration.failed': [
                  {
                    guard: 'isLastReconnectAttempt',
                    target: '#phone.registration.failed',
                    actions: 'recordRegistrationFailure',
                  },
                  { target: 'waiting', actions: ['recordRegistrationFailure', 'countReconnectAttempt'] },
                ],
              },
            },
          },
          on: {
            'sip.registration.succeeded': 'registered',
            'sip.transport.disconnected': 'reconnecting',
            'ui.unregister': 'unregistering',
          },
        },
        /** SIP.js never reconnects by itself: exponential backoff with jitter, capped. */
        reconnecting: {
          tags: 'reconnecting',
          entry: 'countReconnectAttempt',
          always: {
            guard: 'reconnectAttemptsExhausted',
            target: 'failed',
            actions: 'recordServerUnreachable',
          },
          after: {
            reconnectBackoff: {
              target: 'registering',
              actions: { type: 'commandUserAgent', params: { type: 'phone.reconnect' } },
            },
          },
          on: { 'ui.register': 'registering', 'ui.unregister': 'unregistered' },
        },
        failed: { tags: 'failed', on: { 'ui.register': 'registering' } },
        unregistering: {
          tags: 'unregistering',
          entry: { type: 'commandUserAgent', params: { type: 'phone.unregister' } },
          on: {
            'sip.registration.ended': 'unregistered',
            'sip.registration.failed': 'unregistered',
            'sip.transport.disconnected': 'unregistered',
          },
        },
      },
    },

    /** Decided by the admin at install time (call center setting). */
    mode: {
      initial: 'selecting',
      states: {
        selecting: { always: [{ guard: 'isDeskphoneMode', target: 'deskphone' }, { target: 'softphone' }] },
        softphone: {},
        deskphone: {},
      },
    },

    /** Derived from the lines, except "away", which the agent chooses. */
    availability: {
      initial: 'available',
      states: {
        available: {
          always: [
            { guard: 'hasCallInProgress', target: 'onCall' },
            { guard: 'isOnlyWrappingUp', target: 'wrapUp' },
          ],
          on: { 'ui.availability.away': 'away' },
        },
        away: {
          tags: 'away',
          always: { guard: 'hasCallInProgress', target: 'onCall' },
          on: { 'ui.availability.available': 'available' },
        },
        onCall: {
          tags: 'onCall',
          always: [
            { guard: 'isOnlyWrappingUp', target: 'wrapUp' },
            { guard: 'hasNoCallToWorkOn', target: 'available' },
          ],
        },
        /** Leaving wrap-up returns the agent to available. */
        wrapUp: {
          tags: 'wrapUp',
          always: [
            { guard: 'hasCallInProgress', target: 'onCall' },
            { guard: 'hasNoCallToWorkOn', target: 'available' },
          ],
        },
      },
    },

    /** Spawns calls and keeps at most one of them on the agent's audio outside a conference. */
    lines: {
      initial: 'ready',
      on: {
        'sip.invite.received': [
          { guard: not('isNewCall') },
          // Taking over one of our calls needs no free line: it uses the replaced call's.
          { guard: 'replacesOurCall', actions: 'spawnIncomingCall' },
          { guard: not('hasFreeLine'), actions: decline(486) },
          { guard: 'isAwayAndDeclining', actions: decline(480) },
          { guard: 'isInWrapUpAndDeclining', actions: decline(486) },
          { actions: 'spawnIncomingCall' },
        ],
        // Restored calls take no free-line check: they were already on this agent's lines before the reload.
        'host.call.restore': { guard: 'isNewRestoredCall', actions: 'spawnRestoredCall' },
        'call.status': { actions: 'updateLine' },
        'call.finished': { actions: ['finishLine', recentsFromReport] },
        ...Object.fromEntries(FORWARDED_EVENTS.map((type) => [type, forwardIfKnown])),
      },
      states: {
        ready: {
          on: {
            'ui.answer': audioIntent,
            'ui.resume': audioIntent,
            'ui.dial': dialIntent,
            'phone.clickToDial.accepted': dialIntent,
          },
        },
        /** Holding the call that has the audio; the agent's intent waits until it is held. */
        switching: {
          after: {
            switchTimeout: { target: 'ready', actions: ['dropQueuedIntent', reportError('switch-failed')] },
          },
          on: {
            'call.status': [
              {
                guard: and([isReport('switched', OFF_AUDIO), 'isAudioFreeForQueuedIntent']),
                target: 'ready',
                actions: ['updateLine', 'runQueuedIntent'],
              },
              // Meanwhile another call took the audio (a consultation, a conference): the intent is dropped.
              {
                guard: isReport('switched', OFF_AUDIO),
                target: 'ready',
                actions: ['updateLine', 'dropQueuedIntent', reportError('audio-busy')],
              },
              {
                guard: isReport('switched', ['live']),
                target: 'ready',
                actions: ['updateLine', 'dropQueuedIntent', reportError('switch-failed')],
              },
              {
                guard: isReport('queued', GONE),
                target: 'ready',
                actions: ['updateLine', 'dropQueuedIntent'],
              },
              { actions: 'updateLine' },
            ],
            'ui.answer': { actions: reportError('audio-busy') },
            'ui.resume': { actions: reportError('audio-busy') },
            'ui.dial': { actions: reportError('audio-busy') },
            'phone.clickToDial.accepted': { actions: reportError('audio-busy') },
          },
        },
      },
    },

    /** Transfer and conference start by holding the call and dialling a third party. */
    consultation: {
      initial: 'idle',
      states: {
        idle: {
          on: {
            'ui.transfer.start': {
              guard: 'canStartTransfer',
              target: 'holdingOriginal',
              actions: [{ type: 'beginConsultation', params: { purpose: 'transfer' } }, 'holdOriginal'],
            },
            'ui.conference.start': [
              { guard: 'canAddToConference', target: 'awaitingTarget', actions: 'beginConferenceAddition' },
              {
                guard: 'canStartConference',
                target: 'holdingOriginal',
                actions: [{ type: 'beginConsultation', params: { purpose: 'conference' } }, 'holdOriginal'],
              },
            ],
          },
        },
        holdingOriginal: {
          on: {
            'call.status': [
              { guard: isReport('original', ['held']), target: 'awaitingTarget' },
              { guard: isReport('original', ['live', ...GONE]), target: 'idle', actions: 'endConsultation' },
            ],
            'ui.consult.cancel': { target: 'idle', actions: ['resumeOriginal', 'endConsultation'] },
          },
        },
        /** The agent searches or clicks to dial the third party. */
        awaitingTarget: {
          on: {
            'ui.dial': consultDial,
            'phone.clickToDial.accepted': consultDial,
            'ui.consult.cancel': { target: 'idle', actions: ['resumeOriginal', 'endConsultation'] },
            'call.status': { guard: isReport('original', GONE), target: 'idle', actions: 'endConsultation' },
          },
        },
        /** The third party is being called; an unsupervised transfer or an early merge can happen now. */
        dialing: {
          on: {
            'call.status': [
              { guard: isReport('consult', ['live']), target: 'talking' },
              { guard: isReport('consult', GONE), target: 'awaitingTarget', actions: 'forgetConsultCall' },
              { guard: isReport('original', GONE), target: 'heldPartyGone' },
            ],
            'ui.transfer.complete': {
              guard: 'hasTransferTarget',
              target: 'transferring',
              actions: ['transferBlind', 'hangUpConsult'],
            },
            'ui.conference.merge': {
              guard: 'canMergeLegs',
              target: 'idle',
              actions: ['mergeConference', 'endConsultation'],
            },
            'ui.consult.cancel': {
              target: 'idle',
              actions: ['hangUpConsult', 'resumeOriginal', 'endConsultation'],
            },
          },
        },
        /** The held party hung up: only disconnect is offered until the consult call connects. */
        heldPartyGone: {
          on: {
            'call.status': {
              guard: isReport('consult', ['live', ...GONE]),
              target: 'idle',
              actions: 'endConsultation',
            },
          },
        },
        talking: {
          on: {
            'call.status': [
              { guard: isReport('consult', GONE), target: 'awaitingTarget', actions: 'forgetConsultCall' },
              { guard: isReport('original', GONE), target: 'idle', actions: 'endConsultation' },
            ],
            'ui.transfer.complete': {
              guard: 'isTransferConsultation',
              target: 'transferring',
              actions: 'transferAttended',
            },
            'ui.conference.merge': {
              guard: 'canMergeLegs',
              target: 'idle',
              actions: ['mergeConference', 'endConsultation'],
            },
            'ui.consult.cancel': {
              target: 'idle',
              actions: ['hangUpConsult', 'resumeOriginal', 'endConsultation'],
            },
          },
        },
        /** The outcome comes from the SIP layer through the original call. */
        transferring: {
          on: {
            'call.status': [
              { guard: isReport('original', ['held']), target: 'talking' },
              {
                guard: isReport('original', ['recalling', ...GONE]),
                target: 'idle',
                actions: 'endConsultation',
              },
            ],
          },
        },
      },
    },

    /** The agent's browser is the bridge; the conference ends when the agent leaves. */
    conference: {
      initial: 'none',
      states: {
        none: { always: { guard: 'hasConference', target: 'active' } },
        active: {
          always: { guard: 'isConferenceTooSmall', target: 'none', actions: 'dissolveConference' },
          on: {
            'call.status': { guard: isReport('member', LEFT_CONFERENCE), actions: 'removeMember' },
            'ui.conference.remove': { guard: 'isConferenceMember', actions: 'hangUpMember' },
            'ui.conference.leave': { actions: 'hangUpAllMembers' },
          },
        },
      },
    },

    /**
     * Every click-to-dial is a request: any component of the org can publish one on the message channel.
     * Taken at once only when the agent is free and the number is not an emergency number; otherwise the
     * agent is asked first. A burst beyond CLICK_TO_DIAL_LIMIT is refused and the agent told why.
     */
    clickToDial: {
      initial: 'idle',
      on: {
        'crm.clickToDial': [
          {
            guard: 'isOverClickToDialLimit',
            actions: ['countClickToDial', reportError('click-to-dial-limit')],
          },
          {
            guard: or(['isEmergencyNumber', 'isBusyForClickToDial']),
            target: '.confirming',
            actions: ['countClickToDial', 'askToConfirmClickToDial'],
          },
          { actions: ['countClickToDial', 'acceptClickToDial'] },
        ],
      },
      states: {
        idle: {},
        /** The card shows the number and where it came from, with "Call" and "Cancel". */
        confirming: {
          on: {
            'ui.clickToDial.confirm': {
              // The request's id names the call it becomes: never a second call under one id.
              guard: and(['isClickToDialOnCard', not('isKnownCall')]),
              target: 'idle',
              actions: 'acceptClickToDial',
            },
            'ui.clickToDial.cancel': {
              guard: 'isClickToDialOnCard',
              target: 'idle',
              actions: 'forgetClickToDial',
            },
          },
        },
      },
    },
  },
});

export type PhoneMachine = typeof phoneMachine;
