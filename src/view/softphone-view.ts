// The view model every UI renders from (the LWC utility, the workbench): derived from the phone's and
// calls' snapshots only, never stored. What an agent may do is asked of the machines (`can`), so a button
// exists exactly when the statechart would accept its event; what state it is in is read from tags.
import type { AnyActorRef, SnapshotFrom } from 'xstate';
import type { CallMachine, DialRequest, PhoneError, PhoneMachine, PhoneMode } from '../call';
import { conferenceCustomerCallId, registrationFailureMessages } from '../call';
import { callView } from './call-view';
import type { CallView, SoftphoneViewExtras } from './call-view';

export { CALL_ACTIONS, callView } from './call-view';
export type {
  CallAction,
  CallView,
  ContactStateView,
  DeviceStepView,
  SoftphoneViewExtras,
} from './call-view';

export type RegistrationView =
  | 'unregistered'
  | 'registering'
  | 'registered'
  | 'reconnecting'
  | 'failed'
  | 'unregistering'
  /** Connected, but the server would no longer route a call here: registering again. */
  | 'lost';
export type AvailabilityView = 'available' | 'away' | 'onCall' | 'wrapUp';

/** A click-to-dial waiting for the agent's "Call" or "Cancel" (the phone asked instead of dialling). */
export interface ClickToDialView {
  /** Names the request: the card's buttons send it back, so a newer click is never confirmed by mistake. */
  callId: string;
  /** The number as the dialing rules show it, or as clicked when they refused it. */
  number: string;
  /** The record the number was clicked on, when known. */
  recordName: string | null;
  emergency: boolean;
  /** The dialing rules' refusal, when "Call" would only show a failed call. */
  refusal: string | null;
}

export interface SoftphoneView {
  mode: PhoneMode;
  registration: RegistrationView;
  /** Why registration failed or is retrying, in the agent's words. */
  registrationMessage: string | null;
  availability: AvailabilityView;
  error: PhoneError | null;
  /** Calls in the order they started. */
  calls: CallView[];
  consultation: {
    purpose: 'transfer' | 'conference';
    originalCallId: string | null;
    consultCallId: string | null;
  } | null;
  canCompleteTransfer: boolean;
  canMergeConference: boolean;
  canCancelConsultation: boolean;
  canLeaveConference: boolean;
  canDial: boolean;
  /**
   * Changes each time the agent's recent calls changed (a call logged, a missed call recorded): lists of
   * recent calls reload then, in every tab.
   */
  recentsRevision: number;
  /** Absent in views from a leader built before click-to-dial asked first. */
  clickToDial?: ClickToDialView | null;
  /**
   * The conference member whose notes the conference shows: the customer's call, while the agent may write
   * notes on it (call-notes.ts). Null without a conference or notes; absent in views of older leaders.
   */
  conferenceNotesCallId?: string | null;
}

type PhoneSnapshot = SnapshotFrom<PhoneMachine>;
type CallSnapshot = SnapshotFrom<CallMachine>;

/** Registration states the phone tags; a phone with none of them is unregistered. */
const REGISTRATION_TAGS = [
  'registering',
  'registered',
  'reconnecting',
  'failed',
  'unregistering',
  'lost',
] as const;

function registration(phone: PhoneSnapshot): RegistrationView {
  return REGISTRATION_TAGS.find((tag) => phone.hasTag(tag)) ?? 'unregistered';
}

/** Availability the phone tags; a phone with none of them is available. */
const AVAILABILITY_TAGS = ['away', 'onCall', 'wrapUp'] as const;

function availability(phone: PhoneSnapshot): AvailabilityView {
  return AVAILABILITY_TAGS.find((tag) => phone.hasTag(tag)) ?? 'available';
}

function clickToDialView(request: DialRequest | null): ClickToDialView | null {
  if (!request) return null;
  const { dial } = request;
  return {
    callId: request.callId,
    number: dial.ok ? dial.target.display : request.number.trim(),
    recordName: request.record?.name ?? null,
    emergency: dial.ok && dial.target.emergency === true,
    refusal: dial.ok ? null : dial.message,
  };
}

export function softphoneView(phone: PhoneSnapshot, extras: SoftphoneViewExtras = {}): SoftphoneView {
  const children = phone.children as Record<string, AnyActorRef | undefined>;
  const calls = Object.keys(phone.context.lines)
    .map((callId) => {
      const snapshot = children[callId]?.getSnapshot() as CallSnapshot | undefined;
      return snapshot && snapshot.status === 'active' ? callView(phone, callId, snapshot, extras) : null;
    })
    .filter((v): v is CallView => v !== null)
    .sort((a, b) => a.startedAt - b.startedAt);
  const reg = registration(phone);
  const failure = phone.context.registrationFailure;
  const consultation = phone.context.consultation;
  return {
    mode: phone.context.settings.mode,
    registration: reg,
    registrationMessage:
      failure && (reg === 'failed' || reg === 'reconnecting') ? registrationFailureMessages[failure] : null,
    availability: availability(phone),
    error: phone.context.error,
    calls,
    consultation: consultation
      ? {
          purpose: consultation.purpose,
          originalCallId: consultation.originalCallId,
          consultCallId: consultation.consultCallId,
        }
      : null,
    canCompleteTransfer: phone.can({ type: 'ui.transfer.complete' }),
    canMergeConference: phone.can({ type: 'ui.conference.merge' }),
    canCancelConsultation: phone.can({ type: 'ui.consult.cancel' }),
    canLeaveConference: phone.can({ type: 'ui.conference.leave' }),
    canDial: reg === 'registered',
    recentsRevision: extras.recentsRevision?.() ?? 0,
    clickToDial: clickToDialView(phone.context.clickToDial),
    conferenceNotesCallId: conferenceNotesCallId(phone, calls),
  };
}

function conferenceNotesCallId(phone: PhoneSnapshot, calls: CallView[]): string | null {
  const customerCallId = conferenceCustomerCallId(phone.context);
  const customer = calls.find((call) => call.callId === customerCallId && call.inConference);
  return customer?.notesEnabled ? customer.callId : null;
}
