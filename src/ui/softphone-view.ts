// The view model every UI renders from (the LWC utility, the workbench): derived from the phone's and
// calls' snapshots only, never stored. What an agent may do is asked of the machines (`can`), so a button
// exists exactly when the statechart would accept its event.
import type { AnyActorRef, SnapshotFrom } from 'xstate';
import type {
  CallError,
  CallEvent,
  CallFailure,
  CallMachine,
  CallOutcome,
  DialRequest,
  LineStatus,
  PhoneError,
  PhoneEvent,
  PhoneMachine,
  PhoneMode,
  RemoteParty,
} from '../call';
import { registrationFailureMessages } from '../call';
import type { ContactMatch } from '../call';
import type { CallQualityRating } from '../media';

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
export type ContactStateView = 'searching' | 'none' | 'one' | 'several' | 'creating' | 'failed' | 'known';

/** Every call-level intent a UI can offer; true when the machines accept it now. */
export const CALL_ACTIONS = {
  answer: 'ui.answer',
  reject: 'ui.reject',
  rejectWithText: 'ui.rejectWithText',
  redirect: 'ui.redirect',
  hangup: 'ui.hangup',
  hold: 'ui.hold',
  resume: 'ui.resume',
  mute: 'ui.mute',
  unmute: 'ui.unmute',
  keypad: 'ui.keypad.toggle',
  dtmf: 'ui.dtmf',
  saveNotes: 'ui.notes.save',
  saveAndClose: 'ui.wrapUp.saveAndClose',
  closeWrapUp: 'ui.wrapUp.close',
  dismiss: 'ui.dismiss',
  saveWithoutRecord: 'ui.wrapUp.saveWithoutRecord',
  closeWithoutLog: 'ui.wrapUp.closeWithoutLog',
  pickContact: 'ui.contact.pick',
  newContact: 'ui.contact.new',
  transfer: 'ui.transfer.start',
  conference: 'ui.conference.start',
  removeFromConference: 'ui.conference.remove',
} as const;
export type CallAction = keyof typeof CALL_ACTIONS;

/**
 * Where a call stands when the agent's own phone carries it: being rung, waiting for the key, calling
 * the customer (ringing), or answered on that phone (notes only; mute, hold and keypad are on the phone).
 */
export type DeviceStepView =
  'callingDevice' | 'awaitingKey' | 'callingCustomer' | 'customerRinging' | 'answeredOnDevice';

const DEVICE_STEPS: Record<string, DeviceStepView> = {
  'progress.session.deskphone.ringingDevice': 'callingDevice',
  'progress.session.deskphone.awaitingKey': 'awaitingKey',
  'progress.session.deskphone.callingCustomer': 'callingCustomer',
  'progress.session.deskphone.customerRinging': 'customerRinging',
  'progress.session.monitored': 'answeredOnDevice',
};

export interface CallView {
  callId: string;
  direction: 'incoming' | 'outgoing';
  status: LineStatus;
  remote: RemoteParty;
  /** The best name to show: the chosen record, the caller's SIP name, or the number. */
  title: string;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  contact: {
    state: ContactStateView;
    matches: ContactMatch[];
    chosen: ContactMatch | null;
    error: string | null;
  };
  muted: boolean;
  keypadOpen: boolean;
  notes: string;
  disposition: string | null;
  outcome: CallOutcome | null;
  failure: CallFailure | null;
  error: CallError | null;
  wrapUp: {
    active: boolean;
    /** Epoch ms when the work timer ends; null when no timer runs. */
    timerEndsAt: number | null;
    saving: boolean;
    saved: boolean;
    saveError: string | null;
    /**
     * Salesforce refused the log for good (saveError says why; CallLogError code): saving it again as it is
     * cannot succeed, so the agent chooses (actions saveWithoutRecord, closeWithoutLog). Null otherwise.
     */
    refusal: string | null;
  };
  inConference: boolean;
  /** Null (or absent, in views built by hand) when the call is in the browser. */
  deviceStep?: DeviceStepView | null;
  /** How the call sounds, estimated from its network statistics; null until measured (or without media). */
  quality: CallQualityRating | null;
  actions: Record<CallAction, boolean>;
}

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
}

type PhoneSnapshot = SnapshotFrom<PhoneMachine>;
type CallSnapshot = SnapshotFrom<CallMachine>;

/** Every leaf state path of a snapshot value, e.g. `progress.session.connected.mute.muted`. */
function statePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => statePaths(child, `${prefix}${key}.`));
  }
  return [];
}

function contactState(paths: string[], hasChosen: boolean): ContactStateView {
  const contact = paths.find((p) => p.startsWith('contact.')) ?? '';
  if (contact.includes('matching') || contact.includes('deciding')) return 'searching';
  if (contact.includes('noMatch')) return 'none';
  if (contact.includes('severalMatches')) return 'several';
  if (contact.includes('creatingContact')) return 'creating';
  if (contact.includes('lookupFailed')) return 'failed';
  return hasChosen ? 'one' : 'known';
}

function exampleEvent(action: CallAction, callId: string): PhoneEvent {
  const type = CALL_ACTIONS[action];
  // Payloads that pass the guards (a dialable redirect, a non-empty text) so `can` answers for the button.
  switch (type) {
    case 'ui.rejectWithText':
      return { type, callId, text: 'x' };
    case 'ui.redirect':
      return {
        type,
        callId,
        number: '1',
        dial: { ok: true, target: { kind: 'extension', input: '1', dialString: '1', display: '1' } },
      };
    case 'ui.dtmf':
      return { type, callId, digits: '1' };
    case 'ui.contact.pick':
      return { type, callId, recordId: '' };
    default:
      return { type, callId } as PhoneEvent;
  }
}

/** What the view shows beside the machines' snapshots: measurements of the media, the call log's revision. */
export interface SoftphoneViewExtras {
  quality?: (callId: string) => CallQualityRating | undefined;
  recentsRevision?: () => number;
}

function callView(
  phone: PhoneSnapshot,
  callId: string,
  call: CallSnapshot,
  extras: SoftphoneViewExtras,
): CallView {
  const c = call.context;
  const paths = statePaths(call.value);
  const phoneLevel = new Set<CallAction>(['transfer', 'conference', 'removeFromConference']);
  const actions = Object.fromEntries(
    (Object.keys(CALL_ACTIONS) as CallAction[]).map((action) => {
      const event = exampleEvent(action, callId);
      if (action === 'pickContact')
        return [
          action,
          c.matches.length > 1 && call.can({ ...event, recordId: c.matches[0]?.id ?? '' } as CallEvent),
        ];
      const accepted = phoneLevel.has(action)
        ? phone.can(event)
        : phone.can(event) && call.can(event as CallEvent);
      return [action, accepted];
    }),
  ) as Record<CallAction, boolean>;
  const inWrapUp = paths.some((p) => p.startsWith('progress.wrapUp'));
  const timerRunning = paths.includes('progress.wrapUp.running');
  return {
    callId,
    direction: c.direction,
    status: phone.context.lines[callId] ?? 'ended',
    remote: c.remote,
    title: c.chosen?.name || c.remote.displayName || c.remote.number,
    startedAt: c.startedAt,
    answeredAt: c.answeredAt,
    endedAt: c.endedAt,
    contact: {
      state: contactState(paths, c.chosen !== null),
      matches: c.matches,
      chosen: c.chosen,
      error: c.lookupError,
    },
    muted: paths.some((p) => p.endsWith('mute.muted')),
    keypadOpen: paths.some((p) => p.endsWith('keypad.shown')),
    notes: c.notes,
    disposition: c.disposition,
    outcome: c.outcome,
    failure: c.failure,
    error: c.error,
    wrapUp: {
      active: inWrapUp,
      timerEndsAt:
        timerRunning && c.endedAt !== null && c.settings.wrapUpSeconds > 0
          ? c.endedAt + c.settings.wrapUpSeconds * 1000
          : null,
      saving: paths.some((p) => p.startsWith('log.saving')),
      saved: c.revision === c.savedRevision,
      saveError: c.saveError,
      refusal: paths.includes('log.refused') ? (c.saveRefusal?.code ?? null) : null,
    },
    inConference: phone.context.conference.includes(callId),
    deviceStep: paths.map((p) => DEVICE_STEPS[p]).find((step) => step !== undefined) ?? null,
    quality: extras.quality?.(callId) ?? null,
    actions,
  };
}

function registration(paths: string[]): RegistrationView {
  const state = paths.find((p) => p.startsWith('registration.'))?.split('.')[1];
  const known: RegistrationView[] = [
    'unregistered',
    'registering',
    'registered',
    'reconnecting',
    'failed',
    'unregistering',
    'lost',
  ];
  return known.find((k) => k === state) ?? 'unregistered';
}

function availability(paths: string[]): AvailabilityView {
  const state = paths.find((p) => p.startsWith('availability.'))?.split('.')[1];
  const known: AvailabilityView[] = ['available', 'away', 'onCall', 'wrapUp'];
  return known.find((k) => k === state) ?? 'available';
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
  const paths = statePaths(phone.value);
  const children = phone.children as Record<string, AnyActorRef | undefined>;
  const calls = Object.keys(phone.context.lines)
    .map((callId) => {
      const snapshot = children[callId]?.getSnapshot() as CallSnapshot | undefined;
      return snapshot && snapshot.status === 'active' ? callView(phone, callId, snapshot, extras) : null;
    })
    .filter((v): v is CallView => v !== null)
    .sort((a, b) => a.startedAt - b.startedAt);
  const reg = registration(paths);
  const failure = phone.context.registrationFailure;
  const consultation = phone.context.consultation;
  return {
    mode: phone.context.settings.mode,
    registration: reg,
    registrationMessage:
      failure && (reg === 'failed' || reg === 'reconnecting') ? registrationFailureMessages[failure] : null,
    availability: availability(paths),
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
  };
}
