// The call machine's setup: types, actors, actions, guards, delays and tags, and the helpers its states
// share. Each region file builds its states with callSetup.createStateConfig, so they type-check as one machine.
import {
  and,
  assign,
  enqueueActions,
  fromCallback,
  fromPromise,
  not,
  or,
  raise,
  sendTo,
  setup,
  stateIn,
} from 'xstate';
import type { DialTarget } from '../../dialing';
import type {
  AlertAgentInput,
  AwaitCreatedContactInput,
  AlertTone,
  SearchContactsInput,
  SearchContactsOutput,
  SipSessionInput,
} from '../call-actors';
import type { CallErrorCode, CallInput } from '../call-context';
import { callErrorMessages, customerContext, isLoggable, toCallRecord } from '../call-context';
import { mayWriteNotes } from '../call-notes';
import { workTimerSeconds } from '../work-timer';
import type { CallContext } from '../call-context';
import type { ContactMatch, Customer } from '../customer';
import type { CallCrmEvent, CallEvent, SipCallCommand } from '../call-events';
import type { CallFailureReason } from '../call-failure';
import { refusalOf } from '../call-log-refusal';
import { callFailure, notRecoveredFailure } from '../call-failure';
import type { CallOutcome, CallRecord } from '../call-record';
import type { LineStatus } from '../line-status';
import { saveRetryDelayMs } from '../sip-timing';

/** What the view shows of a call is read from these tags, never from state paths. */
export type CallTag =
  | 'alerting'
  | 'liveAudio'
  | 'conference'
  | 'connected'
  | 'contactSearching'
  | 'noMatch'
  | 'severalMatches'
  | 'creatingContact'
  | 'lookupFailed'
  | 'muted'
  | 'keypadOpen'
  | 'inWrapUp'
  | 'wrapUpRunning'
  | 'savingLog'
  | 'logRefused'
  | 'callingDevice'
  | 'awaitingKey'
  | 'callingCustomer'
  | 'customerRinging'
  | 'answeredOnDevice'
  /** The party this consult call was about hung up before it connected: only Hang up is offered. */
  | 'hangUpOnly';

/** Reject status for "Reject": 603 Decline stops every fork, so the agent's other devices stop ringing too. */
export const REJECT_STATUS_CODE = 603;

const DTMF_PATTERN = /^[0-9*#A-D]+$/;

export function requireTarget(context: CallContext): DialTarget {
  if (!context.target) throw new Error(`Call ${context.callId} has no dial target.`);
  return context.target;
}

/** `ringing`: in the conference before the far end answered (the phone plays ringback to the others). */
export function report(status: LineStatus, ringing?: 'ringing') {
  const params: { status: LineStatus; ringing?: true } = ringing ? { status, ringing: true } : { status };
  return { type: 'report', params } as const;
}

export function command(cmd: SipCallCommand) {
  return { type: 'sendToSip', params: cmd } as const;
}

/** The customer a call from another agent is about (our own consult calls only send it). */
export function receivedAbout(context: CallContext): Customer | null {
  return context.direction === 'incoming' ? context.about : null;
}

/** The REFER tells the transfer target which customer it gets (see customerContext). */
export function aboutThisCall(context: CallContext): { about?: Customer } {
  const about = customerContext(context);
  return about ? { about } : {};
}

/** Whom to look up: the customer a call from another agent is about, else the other party. */
export function searchNumber(context: CallContext): string {
  return receivedAbout(context)?.number ?? context.remote.number;
}

/**
 * Ends the call's progress with an outcome (or the one the context decides), stamped with the time of
 * the SIP event that ended it.
 */
export function endAs(outcome: CallOutcome | ((context: CallContext) => CallOutcome)) {
  return {
    target: '#call.progress.ended',
    actions: {
      type: 'recordEnd',
      params: ({ context, event }: { context: CallContext; event: CallEvent }) => ({
        outcome: typeof outcome === 'function' ? outcome(context) : outcome,
        at: 'at' in event ? event.at : undefined,
      }),
    },
  } as const;
}

/** The call is answered (here, on the agent's own phone or elsewhere): talk time runs from the SIP answer. */
export function answeredTo<Target extends string>(target: Target) {
  return {
    target,
    actions: {
      type: 'stampAnswered',
      params: ({ event }: { event: { at: number } }) => ({ at: event.at }),
    },
  } as const;
}

/** The call failed before it connected, for the reason the SIP layer gives; shown until dismissed. */
export const failedOnSip = {
  target: '#call.progress.failed',
  actions: {
    type: 'recordFailure',
    params: ({ event }: { event: { reason: CallFailureReason; at: number } }) => ({
      reason: event.reason,
      at: event.at,
    }),
  },
} as const;

/** The call failed before it connected, for a reason of the statechart's own (a wait the admin set ran out). */
export function failedAs(reason: CallFailureReason) {
  return { target: '#call.progress.failed', actions: { type: 'recordFailure', params: { reason } } } as const;
}

export function remember(code: CallErrorCode) {
  return { type: 'rememberError', params: { code } } as const;
}

export function alert(tone: AlertTone) {
  return {
    id: 'alert',
    src: 'alertAgent',
    input: ({ context }: { context: CallContext }): AlertAgentInput => ({ callId: context.callId, tone }),
  } as const;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Ways out of a running wrap-up; those after a refusal only while the log region accepts them. */
export const closingWrapUp = {
  'ui.wrapUp.close': 'over.closed',
  'ui.wrapUp.saveAndClose': 'over.closed',
  'ui.wrapUp.saveWithoutRecord': { guard: 'mayLogWithoutRecord', target: 'over.closed' },
  'ui.wrapUp.closeWithoutLog': { guard: 'mayCloseWithoutLog', target: 'over.closed' },
} as const;

/** Notes (when the admin allows them) and disposition stay editable for the whole live call and through wrap-up. */
export const notesEditing = {
  'ui.notes.changed': { guard: 'mayWriteNotes', actions: 'updateNotes' },
  'ui.disposition.changed': { actions: 'updateDisposition' },
} as const;

export const callSetup = setup({
  types: {
    context: {} as CallContext,
    events: {} as CallEvent,
    input: {} as CallInput,
    tags: {} as CallTag,
    children: {} as {
      sip: 'sipSession';
      alert: 'alertAgent';
      contactSearch: 'searchContacts';
      createdContact: 'awaitCreatedContact';
      logSave: 'saveCallLog';
    },
  },
  actors: {
    /** The SIP adapter: receives SipCallCommand, sends back CallSipEvent; on stop it ends what is left of the session. */
    sipSession: fromCallback<SipCallCommand, SipSessionInput>(() => undefined),
    /** Rings (or opens the panel) while the agent is being alerted; its cleanup stops the ringing. */
    alertAgent: fromCallback<{ type: 'alert.noop' }, AlertAgentInput>(() => undefined),
    searchContacts: fromPromise<SearchContactsOutput, SearchContactsInput>(() =>
      Promise.reject(new Error('searchContacts is not provided: pass it with callMachine.provide().')),
    ),
    /** Reports the record the agent saves from the new-contact form; by default nothing (Cancel ends it). */
    awaitCreatedContact: fromCallback<CallCrmEvent, AwaitCreatedContactInput>(() => undefined),
    /**
     * Upserts the call log keyed by callId, so a retry never duplicates it. A refusal for good rejects
     * with an error whose `permanent` is true (see refusalOf); anything else is retried.
     */
    saveCallLog: fromPromise<unknown, CallRecord>(() =>
      Promise.reject(new Error('saveCallLog is not provided: pass it with callMachine.provide().')),
    ),
  },
  actions: {
    sendToSip: sendTo('sip', (_, params: SipCallCommand) => params),
    report: enqueueActions(({ context, self, enqueue }, params: { status: LineStatus; ringing?: true }) => {
      if (!self._parent) return;
      enqueue.sendParent({
        type: 'call.status',
        callId: context.callId,
        status: params.status,
        ...(params.ringing ? { ringing: true as const } : {}),
        ...(context.failure && params.status === 'ended' ? { failure: context.failure.reason } : {}),
      });
    }),
    closeCall: raise({ type: 'call.close' }),
    reportFinished: enqueueActions(({ context, self, enqueue }) => {
      if (self._parent)
        enqueue.sendParent({ type: 'call.finished', callId: context.callId, record: toCallRecord(context) });
    }),
    /** Provided by the host: show the chosen record (Open CTI screenPop or lightning/navigation). */
    screenPop: (_, _params: { record: ContactMatch | null }) => undefined,
    /** Provided by the host: open a new-contact form prefilled with the caller's number. */
    popNewContactForm: (_, _params: { number: string }) => undefined,
    storeMatches: assign((_, params: { matches: ContactMatch[] }) => ({
      matches: params.matches,
      lookupError: null,
    })),
    chooseOnlyMatch: assign(({ context }) => ({
      chosen: context.matches[0] ?? null,
      revision: context.revision + 1,
    })),
    chooseAboutRecord: assign(({ context }) => ({
      chosen: context.matches.find((m) => m.id === context.about?.recordId) ?? null,
      revision: context.revision + 1,
    })),
    markReplaced: assign({ replaced: true }),
    chooseMatch: assign(({ context, event }) => {
      if (event.type !== 'ui.contact.pick') return {};
      const chosen = context.matches.find((m) => m.id === event.recordId) ?? context.chosen;
      return { chosen, revision: context.revision + 1 };
    }),
    chooseCreatedContact: assign(({ context, event }) => {
      if (event.type !== 'crm.contact.created') return {};
      return {
        chosen: event.record,
        matches: [...context.matches, event.record],
        revision: context.revision + 1,
      };
    }),
    storeLookupError: assign((_, params: { message: string }) => ({ lookupError: params.message })),
    updateNotes: assign(({ context, event }) =>
      event.type === 'ui.notes.changed' ? { notes: event.text, revision: context.revision + 1 } : {},
    ),
    fixWorkTimer: assign(({ context }) => ({
      workTimerSeconds: workTimerSeconds(context.settings, context.direction, context.chosen),
    })),
    updateDisposition: assign(({ context, event }) =>
      event.type === 'ui.disposition.changed'
        ? { disposition: event.disposition, revision: context.revision + 1 }
        : {},
    ),
    stampAnswered: assign(({ context }, params: { at: number }) => ({
      answeredAt: params.at,
      revision: context.revision + 1,
    })),
    recordEnd: assign(({ context }, params: { outcome: CallOutcome; at?: number }) => ({
      outcome: params.outcome,
      endedAt: params.at ?? context.endedAt,
      revision: context.revision + 1,
    })),
    recordFailure: assign(
      ({ context }, params: { reason: CallFailureReason; message?: string; at?: number }) => ({
        outcome: 'failed' as const,
        failure: callFailure(params.reason, params.message),
        endedAt: params.at ?? context.endedAt,
      }),
    ),
    recordDialRejection: assign({ outcome: 'failed' }),
    rememberError: assign((_, params: { code: CallErrorCode }) => ({
      error: { code: params.code, message: callErrorMessages[params.code] },
    })),
    markTransfer: assign((_, params: { kind: 'blind' | 'attended' }) => ({ transfer: params.kind })),
    markConferenceMember: assign({ conferenceMember: true }),
    leaveConference: assign({ conferenceMember: false }),
    markSaving: assign(({ context }) => ({ savingRevision: context.revision })),
    markSaved: assign(({ context }) => ({
      savedRevision: context.savingRevision,
      saveError: null,
      saveFailures: 0,
      saveRefusal: null,
    })),
    rememberSaveError: assign(({ context }, params: { message: string }) => ({
      saveError: params.message,
      saveFailures: context.saveFailures + 1,
      saveRefusal: null,
    })),
    rememberSaveRefusal: assign((_, params: { error: unknown }) => ({
      saveError: errorMessage(params.error),
      saveRefusal: refusalOf(params.error),
    })),
    dropRelatedRecord: assign(({ context }) => ({ logWithoutRecord: true, revision: context.revision + 1 })),
    recordDrop: assign((_, params: { statusCode?: number; at: number }) => ({
      outcome: 'dropped' as const,
      failure: notRecoveredFailure(params.statusCode),
      endedAt: params.at,
    })),
  },
  guards: {
    /** Hold, mute and the dial pad, unless the call offers only Hang up (see connected.ts `controls`). */
    offersAllControls: not(stateIn('#hangUpOnly')),
    isIncoming: ({ context }) => context.direction === 'incoming',
    isRecovering: ({ context }) => context.restored === 'connected',
    isRestoredInWrapUp: ({ context }) => context.restored === 'wrapUp',
    isRestoredHeld: ({ context }) => context.restoredHeld,
    isDeskphoneMode: ({ context }) => context.mode === 'deskphone',
    isDialRejected: ({ context }) => context.direction === 'outgoing' && context.target === null,
    hasChosenRecord: ({ context }) => context.chosen !== null,
    hasNumberToSearch: ({ context }) => searchNumber(context).trim() !== '',
    includesAboutRecord: ({ context }, params: { matches: ContactMatch[] }) =>
      params.matches.some((m) => m.id === receivedAbout(context)?.recordId),
    wasReplaced: ({ context }) => context.replaced,
    hasMatches: ({ context }) => context.matches.length > 0,
    isUnknownCallerToPop: ({ context }, params: { matches: ContactMatch[] }) =>
      params.matches.length === 0 && context.settings.popNewContactForUnknown,
    isNoMatch: (_, params: { matches: ContactMatch[] }) => params.matches.length === 0,
    isSingleMatch: (_, params: { matches: ContactMatch[] }) => params.matches.length === 1,
    isOneOfMatches: ({ context, event }) =>
      event.type === 'ui.contact.pick' && context.matches.some((m) => m.id === event.recordId),
    isDialable: ({ event }) => event.type === 'ui.redirect' && event.dial.ok,
    hasReplyText: ({ event }) => event.type === 'ui.rejectWithText' && event.text.trim() !== '',
    isDtmf: ({ event }) => event.type === 'ui.dtmf' && DTMF_PATTERN.test(event.digits),
    hasMaxHoldTime: ({ context }) => context.settings.maxHoldSeconds > 0,
    hasWorkTimer: ({ context }) => (context.workTimerSeconds ?? 0) > 0,
    mayWriteNotes: ({ context }) => mayWriteNotes(context),
    isBlindTransfer: ({ context }) => context.transfer === 'blind',
    isConferenceMember: ({ context }) => context.conferenceMember,
    /** A transfer waits for its SIP outcome: the agent cannot drop the call under it (SIP trap 7). */
    isNotTransferring: not(stateIn('#transferring')),
    wasAnswered: ({ context }) => context.answeredAt !== null,
    isLoggable: ({ context }) => isLoggable(context),
    isLogOutdated: ({ context }) => context.revision !== context.savedRevision,
    isWrapUpOver: stateIn('#wrapUpOver'),
    isLogIdle: stateIn('#call.log.idle'),
    isLogRefused: stateIn('#call.log.refused'),
    isLogAbandoned: stateIn('#call.log.abandoned'),
    isInWrapUp: stateIn('#call.progress.wrapUp'),
    mustSaveForWrapUp: and(['isWrapUpOver', 'isLogOutdated']),
    isWrapUpComplete: and(['isWrapUpOver', or([and(['isLogIdle', not('isLogOutdated')]), 'isLogAbandoned'])]),
    /** The CRM refused the save for good: retrying the same save cannot succeed. */
    isRefusal: (_, params: { error: unknown }) => refusalOf(params.error) !== null,
    isRecordRefused: ({ context }) =>
      context.saveRefusal?.relatedRecord === true && !context.logWithoutRecord,
    mayLogWithoutRecord: and(['isLogRefused', 'isRecordRefused']),
    mayCloseWithoutLog: and(['isLogRefused', 'isInWrapUp']),
  },
  delays: {
    maxHold: ({ context }) => context.settings.maxHoldSeconds * 1000,
    deskphoneKeyTimeout: ({ context }) => context.settings.deskphoneKeyTimeoutSeconds * 1000,
    customerAnswerWait: ({ context }) => context.settings.deskphoneCustomerAnswerSeconds * 1000,
    workTimer: ({ context }) => (context.workTimerSeconds ?? 0) * 1000,
    saveRetry: ({ context }) => saveRetryDelayMs(context.saveFailures, context.settings.saveRetryDelayMs),
  },
});

export function monitoredOutcome(context: CallContext): CallOutcome {
  return context.direction === 'incoming' && context.mode === 'softphone' ? 'answeredElsewhere' : 'completed';
}
