// The event alphabet and the traversal options the model-based tests use for the call machine.
import type { EventObject } from 'xstate';
import { CallLogError } from '../../../crm/call-log-error';
import type { CallContext, CallInput } from '../../call-context';
import type { CallEvent } from '../../call-events';
import type { RestoredCall } from '../../restored-call';
import { ann, bob, dialOk, dialRefused, incomingInput, outgoingInput, testCallSettings } from './harness';

const callId = 'c1';
const transferTarget = (() => {
  const d = dialOk('+15550001111');
  if (!d.ok) throw new Error('fixture');
  return d.target;
})();

/** Ann's answered call carried over a page reload, with its notes; each variant says in what phase. */
function restoredInput(phase: Pick<RestoredCall, 'phase' | 'held' | 'endedAt' | 'outcome'>): CallInput {
  return incomingInput({
    restored: {
      callId,
      direction: 'incoming',
      remote: { number: '+442079460001' },
      startedAt: 0,
      answeredAt: 1,
      notes: 'n',
      disposition: null,
      matches: [ann],
      chosen: ann,
      ...phase,
    },
  });
}

export type ModelEvent = CallEvent | (EventObject & { output?: unknown; error?: unknown });

/** Every event the call machine reacts to, with the payload variants its guards tell apart. */
export const callModelEvents: ModelEvent[] = [
  { type: 'ui.answer', callId },
  { type: 'ui.reject', callId },
  { type: 'ui.rejectWithText', callId, text: 'In a meeting' },
  { type: 'ui.rejectWithText', callId, text: ' ' },
  { type: 'ui.redirect', callId, number: '+15550001111', dial: dialOk('+15550001111') },
  { type: 'ui.redirect', callId, number: '1900', dial: dialRefused() },
  { type: 'ui.hangup', callId },
  { type: 'ui.hold', callId },
  { type: 'ui.resume', callId },
  { type: 'ui.mute', callId },
  { type: 'ui.unmute', callId },
  { type: 'ui.keypad.toggle', callId },
  { type: 'ui.dtmf', callId, digits: '12#' },
  { type: 'ui.dtmf', callId, digits: 'x' },
  { type: 'ui.notes.changed', callId, text: 'note' },
  { type: 'ui.notes.save', callId },
  { type: 'ui.disposition.changed', callId, disposition: 'Interested' },
  { type: 'ui.contact.pick', callId, recordId: bob.id },
  { type: 'ui.contact.pick', callId, recordId: 'unknown' },
  { type: 'ui.contact.new', callId },
  { type: 'ui.contact.cancel', callId },
  { type: 'ui.contact.retry', callId },
  { type: 'crm.contact.created', callId, record: ann },
  { type: 'ui.wrapUp.save', callId },
  { type: 'ui.wrapUp.saveAndClose', callId },
  { type: 'ui.wrapUp.close', callId },
  { type: 'ui.wrapUp.saveWithoutRecord', callId },
  { type: 'ui.wrapUp.closeWithoutLog', callId },
  { type: 'ui.dismiss', callId },
  { type: 'phone.hold' },
  { type: 'phone.resume' },
  { type: 'phone.transfer.blind', target: transferTarget },
  { type: 'phone.transfer.attended', consultCallId: 'k1' },
  { type: 'phone.conference.join' },
  { type: 'phone.conference.dissolved' },
  { type: 'phone.consult.heldPartyGone' },
  { type: 'sip.call.progress', earlyMedia: true },
  { type: 'sip.call.answered', at: 1 },
  { type: 'sip.call.failed', reason: 'busy', statusCode: 486, at: 1 },
  { type: 'sip.call.ended', at: 2 },
  { type: 'sip.call.replaced', at: 2 },
  { type: 'sip.invite.canceled', at: 1 },
  { type: 'sip.invite.answeredElsewhere', at: 1 },
  { type: 'sip.dialog.terminated', at: 2 },
  { type: 'sip.reinvite.succeeded' },
  { type: 'sip.reinvite.failed', statusCode: 491 },
  { type: 'sip.reinvite.failed', statusCode: 488 },
  { type: 'sip.transfer.accepted' },
  { type: 'sip.transfer.succeeded', at: 2 },
  { type: 'sip.transfer.failed', statusCode: 603 },
  { type: 'sip.device.answered' },
  { type: 'sip.device.keyPressed', key: '1' },
  { type: 'sip.device.failed', reason: 'device-busy' },
  { type: 'sip.session.failed', message: 'transport closed', at: 2 },
  { type: 'xstate.done.actor.contactSearch', output: [] },
  { type: 'xstate.done.actor.contactSearch', output: [ann] },
  { type: 'xstate.done.actor.contactSearch', output: [ann, bob] },
  { type: 'xstate.error.actor.contactSearch', error: new Error('Salesforce is unavailable') },
  { type: 'xstate.done.actor.logSave', output: undefined },
  { type: 'xstate.error.actor.logSave', error: new Error('UNABLE_TO_LOCK_ROW') },
  // Refusals for good: of the related record (the log may go without it), and of the log itself.
  {
    type: 'xstate.error.actor.logSave',
    error: new CallLogError('RELATED_RECORD', "This call can't be logged: entity is deleted"),
  },
  {
    type: 'xstate.error.actor.logSave',
    error: new CallLogError('VALIDATION_RULE', "This call can't be logged: Notes must name the order."),
  },
];

export interface CallModelVariant {
  input: CallInput;
  /** Only these events are explored (for variants that differ in one setting); all when absent. */
  only?: RegExp;
}

const CONTACT_ONLY = /^(ui\.contact\.|crm\.contact\.|xstate\.(done|error)\.actor\.contactSearch)/;

/** The inputs that open every branch of the machine: directions, modes and the settings guards read. */
export const callModelVariants: Record<string, CallModelVariant> = {
  incoming: { input: incomingInput() },
  outgoing: { input: outgoingInput() },
  deskphoneOutgoing: { input: outgoingInput('+15551230000', { mode: 'deskphone' }) },
  deskphoneIncoming: { input: incomingInput({ mode: 'deskphone' }) },
  refusedDial: { input: outgoingInput('+1900', { dial: dialRefused(), remote: { number: '1900' } }) },
  fromRecord: { input: outgoingInput('+442079460001', { record: ann }), only: CONTACT_ONLY },
  anonymous: { input: incomingInput({ remote: { number: '' } }), only: CONTACT_ONLY },
  /** A consult call from another agent about bob (who shares his number with ann). */
  aboutCustomer: {
    input: incomingInput({ about: { number: bob.phone, recordId: bob.id } }),
    only: CONTACT_ONLY,
  },
  popNewContact: {
    input: incomingInput({ settings: { ...testCallSettings, popNewContactForUnknown: true } }),
    only: CONTACT_ONLY,
  },
  /** Carried over a page reload: taken back (or dropped), and straight into wrap-up. */
  restored: {
    input: restoredInput({ phase: 'connected' }),
    only: /^(sip\.call\.(answered|failed|ended)|ui\.hangup|ui\.wrapUp\.(close|saveAndClose)|xstate\.done\.actor\.logSave)$/,
  },
  /** Held before the reload: taken back offering hold, it comes back held. */
  restoredHeld: {
    input: restoredInput({ phase: 'connected', held: true }),
    only: /^(sip\.call\.(answered|ended)|ui\.resume|sip\.reinvite\.succeeded)$/,
  },
  restoredWrapUp: {
    input: restoredInput({ phase: 'wrapUp', endedAt: 2, outcome: 'completed' }),
    only: /^(ui\.wrapUp\.(close|saveAndClose)|xstate\.done\.actor\.logSave)$/,
  },
  noTimers: {
    input: incomingInput({ settings: { ...testCallSettings, maxHoldSeconds: 0, wrapUpSeconds: 0 } }),
    only: /^(ui\.answer|sip\.call\.answered|ui\.hold|sip\.reinvite\.succeeded|sip\.call\.ended|ui\.wrapUp\.(save|close|saveAndClose|saveWithoutRecord|closeWithoutLog)|xstate\.(done|error)\.actor\.logSave)$/,
  },
};

interface SnapshotView {
  value: unknown;
  context: CallContext;
  matches(value: unknown): boolean;
}

/** Vertices: the state value plus the few context facts guards read (notes text and counters are not). */
export function serializeCallState(snapshot: SnapshotView): string {
  const c = snapshot.context;
  return JSON.stringify([
    snapshot.value,
    c.answeredAt !== null,
    c.transfer,
    c.conferenceMember,
    c.revision === c.savedRevision,
    c.saveRefusal?.relatedRecord ?? null,
    c.logWithoutRecord,
    c.chosen !== null,
    Math.min(c.matches.length, 2),
  ]);
}

const CONTACT_EVENTS = /^(ui\.contact\.|crm\.contact\.|xstate\.(done|error)\.actor\.contactSearch)/;
const SIDE_REGIONS = /^ui\.(mute|unmute|keypad\.toggle|dtmf)$/;
const NOTES_EDITS = /^ui\.(notes\.changed|disposition\.changed)$/;
const LOG_EVENTS =
  /^(ui\.notes\.save|ui\.wrapUp\.|xstate\.(done|error)\.actor\.logSave|xstate\.after\.saveRetry)/;

/**
 * Orthogonal regions need not be explored in every combination to take every transition once:
 * the contact region moves only while the call is setting up, mute/keypad only while the audio is
 * active, and the rest of the call moves only once the contact region has settled.
 */
export function filterCallEvents(snapshot: SnapshotView, event: ModelEvent): boolean {
  const early =
    snapshot.matches({ progress: { session: 'ringing' } }) ||
    snapshot.matches({ progress: { session: 'notified' } }) ||
    snapshot.matches({ progress: { session: 'calling' } }) ||
    snapshot.matches({ progress: 'failed' });
  if (CONTACT_EVENTS.test(event.type)) return early;
  const sideIdle = snapshot.matches({
    progress: { session: { connected: { mute: 'unmuted', keypad: 'hidden' } } },
  });
  const inConnected = snapshot.matches({ progress: { session: 'connected' } });
  if (SIDE_REGIONS.test(event.type))
    return snapshot.matches({ progress: { session: { connected: { audio: 'active' } } } });
  if (inConnected && !sideIdle) return false;
  // A call that offers only Hang up meets the events it refuses and its end, not the whole call again.
  if (snapshot.matches({ progress: { session: { connected: { controls: 'hangUpOnly' } } } }))
    return /^(ui\.(hold|mute|keypad\.toggle|hangup)|sip\.call\.ended)$/.test(event.type);
  const inWrapUp = snapshot.matches({ progress: 'wrapUp' });
  if (NOTES_EDITS.test(event.type)) return early || inWrapUp;
  // A save in flight or retrying only meets the events that settle it or end wrap-up.
  if (!snapshot.matches({ log: 'idle' }) && !LOG_EVENTS.test(event.type)) return false;
  const contact = (snapshot.value as { contact: string }).contact;
  return contact === 'matching' || contact === 'chosen' || contact === 'deciding' || early;
}
