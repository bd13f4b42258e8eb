// The phone machine's types, the status lists it arbitrates lines by, and the transitions its regions share.
import { not } from 'xstate';
import type { AnyActorRef } from 'xstate';
import type { DialTarget } from '../../dialing';
import type { CallContext, CallInput } from '../call-context';
import { customerContext } from '../call-context';
import type { Customer } from '../customer';
import type { CallUiEvent } from '../call-events';
import type { CallFailureReason } from '../call-failure';
import type { CallRecord, RemoteParty } from '../call-record';
import { isMissedCall } from '../call-record';
import { CLICK_TO_DIAL_LIMIT } from '../click-to-dial-limit';
import type { LineStatus } from '../line-status';
import { LINE_OCCUPYING_STATUSES } from '../line-status';
import type { DialRequest, PhoneEvent } from '../phone-events';
import type { PhoneSettings } from '../phone-settings';
import type { RegistrationFailureReason } from '../registration-failure';

export interface PhoneInput {
  settings: PhoneSettings;
}

/** Input of `sipUserAgent`: a fromCallback that receives UserAgentCommand and sends back PhoneSipEvent. */
export interface SipUserAgentInput {
  mode: PhoneSettings['mode'];
}

export type PhoneErrorCode =
  | 'not-registered'
  | 'no-free-line'
  | 'audio-busy'
  | 'switch-failed'
  | 'consulting'
  | 'click-to-dial-limit'
  | 'click-to-dial-off';

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
  'click-to-dial-off':
    'Click-to-dial is turned off by your Salesforce administrator, so the number you clicked was not dialled. ' +
    'Type it in the dial pad to call it.',
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
  /** Consult calls connected after the held party hung up: they offer only Hang up (OfficeConnect). */
  hangUpOnly: string[];
  /** The ringing call whose Redirect panel is open: a click-to-dial redirects it there (OfficeConnect). */
  redirectChoice: string | null;
  /** Calls merged into the conference before they answered, still ringing (the others hear ringback). */
  ringingMembers: string[];
}

export type ReportedStatus = LineStatus | 'finished';
export type ReportSource = 'switched' | 'queued' | 'original' | 'consult' | 'member';

/** A call stops needing the agent's own audio once it is held, mixed into the conference or hanging up. */
export const OFF_AUDIO: ReportedStatus[] = ['held', 'conference', 'ending', 'ended'];
/** Every call reports 'ending' or 'ended' before wrap-up and before it finishes. */
export const GONE: ReportedStatus[] = ['ending', 'ended'];
export const LEFT_CONFERENCE: ReportedStatus[] = ['held', 'ending', 'ended'];
/** Statuses of a call that has, or is about to get, the agent's audio. */
export const AUDIO_TAKING: LineStatus[] = ['live', 'holding', 'connecting', 'dialing'];
/** Calls that can be told to join the conference: connected, on hold (or going there), or still ringing. */
export const JOINABLE: LineStatus[] = ['live', 'holding', 'held', 'recalling', 'dialing'];
/** A party being added to the conference that ends with one of these makes the conference hear busy. */
export const BUSY_FAILURES: readonly CallFailureReason[] = ['busy', 'declined'];
/** How long the conference hears the busy signal before it goes on (0.5 s on, 0.5 s off: five beeps). */
export const CONFERENCE_BUSY_TONE_MS = 5_000;
/** A call whose hold may still fail: the phone waits for it to be held before giving the audio away. */
export const ON_AUDIO: LineStatus[] = ['live', 'holding'];

export function reportOf(event: PhoneEvent): { callId: string; status: ReportedStatus } | null {
  if (event.type === 'call.status') return { callId: event.callId, status: event.status };
  if (event.type === 'call.finished') return { callId: event.callId, status: 'finished' };
  return null;
}

export function eventCallId(event: PhoneEvent): string | null {
  return 'callId' in event && typeof event.callId === 'string' ? event.callId : null;
}

export function occupiedLines(lines: Record<string, LineStatus>): number {
  return Object.values(lines).filter((s) => LINE_OCCUPYING_STATUSES.includes(s)).length;
}

export function otherCallWith(
  context: PhoneContext,
  callId: string | null,
  statuses: readonly LineStatus[],
): string | null {
  for (const [id, status] of Object.entries(context.lines)) {
    if (id !== callId && statuses.includes(status)) return id;
  }
  return null;
}

export function queuedTargetId(intent: QueuedIntent): string {
  return intent.kind === 'forward' ? intent.event.callId : intent.input.callId;
}

export function remoteOf(request: DialRequest): RemoteParty {
  if (!request.dial.ok) return { number: request.number.trim() };
  const { target } = request.dial;
  return { number: target.e164 ?? target.sipUri ?? target.dialString, displayName: target.display };
}

/** What a call machine the phone spawned knows (read only: the phone decides nothing from it but context). */
export function childCallContext(self: AnyActorRef, callId: string): CallContext | undefined {
  const child = (self.getSnapshot() as { children?: Record<string, AnyActorRef | undefined> } | undefined)
    ?.children?.[callId];
  return (child?.getSnapshot() as { context?: CallContext } | undefined)?.context;
}

/** The customer a call is about, as it goes to another agent (call-context.ts: customerContext). */
export function aboutCustomer(self: AnyActorRef, callId: string): Customer | undefined {
  const call = childCallContext(self, callId);
  return call ? customerContext(call) : undefined;
}

/**
 * The conference's customer: the call the conference was started from (members are kept in the order they
 * joined), or the earliest one left. The agent's notes during the conference go to its log, and a party
 * added later is told its customer (a member dialled for the conference carries the customer it was about).
 */
export function conferenceCustomerCallId(context: Pick<PhoneContext, 'conference'>): string | null {
  return context.conference[0] ?? null;
}

/** The dial request of an event that dials: typed by the agent, or a click-to-dial the phone accepted. */
export function dialRequestOf(event: PhoneEvent): DialRequest | null {
  return event.type === 'ui.dial' || event.type === 'phone.clickToDial.accepted' ? event : null;
}

export function outgoingInput(context: PhoneContext, request: DialRequest): CallInput {
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

export function declinedRecord(callId: string, remote: RemoteParty, at: number): CallRecord {
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
    missed: isMissedCall('incoming', 'declined'),
  };
}

/** Call events the phone passes straight to the call they name. */
export const FORWARDED_EVENTS = [
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

export function isReport(from: ReportSource, statuses: ReportedStatus[]) {
  return { type: 'isReport', params: { from, statuses } } as const;
}

export function reportError(code: PhoneErrorCode) {
  return { type: 'reportError', params: { code } } as const;
}

/** Decline busy (486) or unavailable (480); the agent still sees the call in recents. */
export function decline(statusCode: number) {
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

export const recentsFromReport = {
  type: 'addToRecents',
  params: ({ event }: { event: PhoneEvent }) => {
    if (event.type !== 'call.finished') throw new Error(`recentsFromReport used on ${event.type}`);
    return { record: event.record };
  },
} as const;

export const forwardIfKnown = { guard: 'isKnownCall', actions: 'forwardToCall' } as const;

/** Answer or resume: free the audio first when another call has it. */
export const audioIntent = [
  { guard: not('isKnownCall') },
  { guard: not('takesAudio'), actions: 'forwardToCall' },
  { guard: 'isAudioBusy', actions: reportError('audio-busy') },
  { guard: 'hasOtherLiveCall', target: 'switching', actions: 'holdLiveCallFirst' },
  { actions: 'forwardToCall' },
] as const;

export const dialIntent = [
  { guard: 'isAwaitingConsultTarget' },
  { guard: 'isConsulting', actions: reportError('consulting') },
  { guard: not('isRegistered'), actions: reportError('not-registered') },
  { guard: not('hasFreeLine'), actions: reportError('no-free-line') },
  { guard: 'isAudioBusy', actions: reportError('audio-busy') },
  { guard: 'hasOtherLiveCall', target: 'switching', actions: 'holdLiveCallFirst' },
  { actions: 'spawnOutgoingCall' },
] as const;

export const consultDial = [
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
