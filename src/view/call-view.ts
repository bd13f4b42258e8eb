// One call as the UI shows it: fields from the call's context, states from its tags (never its state
// paths), buttons from what the machines accept now.
import type { SnapshotFrom } from 'xstate';
import type {
  CallError,
  CallEvent,
  CallFailure,
  CallMachine,
  CallOutcome,
  ContactMatch,
  LineStatus,
  PhoneEvent,
  PhoneMachine,
  RemoteParty,
} from '../call';
import { mayWriteNotes } from '../call';
import type { CallQualityRating } from '../media';

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

/** The call's tags that name a device step are the step itself; the order does not matter (one at a time). */
const DEVICE_STEPS: readonly DeviceStepView[] = [
  'callingDevice',
  'awaitingKey',
  'callingCustomer',
  'customerRinging',
  'answeredOnDevice',
];

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
  /** Whether the agent writes notes on this call (call-notes.ts); no notes field otherwise. */
  notesEnabled?: boolean;
}

type PhoneSnapshot = SnapshotFrom<PhoneMachine>;
type CallSnapshot = SnapshotFrom<CallMachine>;

function contactState(call: CallSnapshot): ContactStateView {
  if (call.hasTag('contactSearching')) return 'searching';
  if (call.hasTag('noMatch')) return 'none';
  if (call.hasTag('severalMatches')) return 'several';
  if (call.hasTag('creatingContact')) return 'creating';
  if (call.hasTag('lookupFailed')) return 'failed';
  return call.context.chosen !== null ? 'one' : 'known';
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

/** Phone-level intents are asked of the phone only; call-level ones of both (the phone routes them). */
const PHONE_LEVEL = new Set<CallAction>(['transfer', 'conference', 'removeFromConference']);

function callActions(phone: PhoneSnapshot, callId: string, call: CallSnapshot): Record<CallAction, boolean> {
  const { matches } = call.context;
  return Object.fromEntries(
    (Object.keys(CALL_ACTIONS) as CallAction[]).map((action) => {
      const event = exampleEvent(action, callId);
      if (action === 'pickContact')
        return [
          action,
          matches.length > 1 && call.can({ ...event, recordId: matches[0]?.id ?? '' } as CallEvent),
        ];
      const accepted = PHONE_LEVEL.has(action)
        ? phone.can(event)
        : phone.can(event) && call.can(event as CallEvent);
      return [action, accepted];
    }),
  ) as Record<CallAction, boolean>;
}

function wrapUpView(call: CallSnapshot): CallView['wrapUp'] {
  const c = call.context;
  return {
    active: call.hasTag('inWrapUp'),
    timerEndsAt:
      call.hasTag('wrapUpRunning') && c.endedAt !== null && c.workTimerSeconds
        ? c.endedAt + c.workTimerSeconds * 1000
        : null,
    saving: call.hasTag('savingLog'),
    saved: c.revision === c.savedRevision,
    saveError: c.saveError,
    refusal: call.hasTag('logRefused') ? (c.saveRefusal?.code ?? null) : null,
  };
}

export function callView(
  phone: PhoneSnapshot,
  callId: string,
  call: CallSnapshot,
  extras: SoftphoneViewExtras,
): CallView {
  const c = call.context;
  return {
    callId,
    direction: c.direction,
    status: phone.context.lines[callId] ?? 'ended',
    remote: c.remote,
    title: c.chosen?.name || c.remote.displayName || c.remote.number,
    startedAt: c.startedAt,
    answeredAt: c.answeredAt,
    endedAt: c.endedAt,
    contact: { state: contactState(call), matches: c.matches, chosen: c.chosen, error: c.lookupError },
    muted: call.hasTag('muted'),
    keypadOpen: call.hasTag('keypadOpen'),
    notes: c.notes,
    disposition: c.disposition,
    outcome: c.outcome,
    failure: c.failure,
    error: c.error,
    wrapUp: wrapUpView(call),
    inConference: phone.context.conference.includes(callId),
    deviceStep: DEVICE_STEPS.find((step) => call.hasTag(step)) ?? null,
    quality: extras.quality?.(callId) ?? null,
    actions: callActions(phone, callId, call),
    notesEnabled: mayWriteNotes(c),
  };
}
