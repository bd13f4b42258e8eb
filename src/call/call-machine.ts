// One call (one SIP session leg): contact lookup, call progress, and the call log, as three parallel regions.
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
import type { DialTarget } from '../dialing';
import type {
  AlertAgentInput,
  AwaitCreatedContactInput,
  AlertTone,
  SearchContactsInput,
  SearchContactsOutput,
  SipSessionInput,
} from './call-actors';
import type { CallErrorCode, CallInput } from './call-context';
import {
  callErrorMessages,
  createCallContext,
  customerContext,
  isLoggable,
  toCallRecord,
  toLoggedRecord,
} from './call-context';
import type { CallContext } from './call-context';
import type { ContactMatch, Customer } from './customer';
import type { CallCrmEvent, CallEvent, SipCallCommand } from './call-events';
import type { CallFailureReason } from './call-failure';
import { refusalOf } from './call-log-refusal';
import { callFailure, notRecoveredFailure } from './call-failure';
import type { CallOutcome, CallRecord } from './call-record';
import type { LineStatus } from './line-status';
import { saveRetryDelayMs } from './sip-timing';

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
  | 'answeredOnDevice';

/** Reject status for "Reject": 603 Decline stops every fork, so the agent's other devices stop ringing too. */
export const REJECT_STATUS_CODE = 603;

const DTMF_PATTERN = /^[0-9*#A-D]+$/;

function requireTarget(context: CallContext): DialTarget {
  if (!context.target) throw new Error(`Call ${context.callId} has no dial target.`);
  return context.target;
}

function report(status: LineStatus) {
  return { type: 'report', params: { status } } as const;
}

function command(cmd: SipCallCommand) {
  return { type: 'sendToSip', params: cmd } as const;
}

/** The customer a call from another agent is about (our own consult calls only send it). */
function receivedAbout(context: CallContext): Customer | null {
  return context.direction === 'incoming' ? context.about : null;
}

/** The REFER tells the transfer target which customer it gets (see customerContext). */
function aboutThisCall(context: CallContext): { about?: Customer } {
  const about = customerContext(context);
  return about ? { about } : {};
}

/** Whom to look up: the customer a call from another agent is about, else the other party. */
function searchNumber(context: CallContext): string {
  return receivedAbout(context)?.number ?? context.remote.number;
}

/** Ends the call's progress with an outcome, stamped with the time of the SIP event that ended it. */
function endAs(outcome: CallOutcome) {
  return {
    target: '#call.progress.ended',
    actions: {
      type: 'recordEnd',
      params: ({ event }: { event: CallEvent }) => ({ outcome, at: 'at' in event ? event.at : undefined }),
    },
  } as const;
}

function remember(code: CallErrorCode) {
  return { type: 'rememberError', params: { code } } as const;
}

function alert(tone: AlertTone) {
  return {
    id: 'alert',
    src: 'alertAgent',
    input: ({ context }: { context: CallContext }): AlertAgentInput => ({ callId: context.callId, tone }),
  } as const;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Ways out of a running wrap-up; those after a refusal only while the log region accepts them. */
const closingWrapUp = {
  'ui.wrapUp.close': 'over.closed',
  'ui.wrapUp.saveAndClose': 'over.closed',
  'ui.wrapUp.saveWithoutRecord': { guard: 'mayLogWithoutRecord', target: 'over.closed' },
  'ui.wrapUp.closeWithoutLog': { guard: 'mayCloseWithoutLog', target: 'over.closed' },
} as const;

/** Notes and disposition stay editable for the whole live call and through wrap-up. */
const notesEditing = {
  'ui.notes.changed': { actions: 'updateNotes' },
  'ui.disposition.changed': { actions: 'updateDisposition' },
} as const;

export const callMachine = setup({
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
    report: enqueueActions(({ context, self, enqueue }, params: { status: LineStatus }) => {
      if (self._parent)
        enqueue.sendParent({ type: 'call.status', callId: context.callId, status: params.status });
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
    hasWorkTimer: ({ context }) => context.settings.wrapUpSeconds > 0,
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
    workTimer: ({ context }) => context.settings.wrapUpSeconds * 1000,
    saveRetry: ({ context }) => saveRetryDelayMs(context.saveFailures, context.settings.saveRetryDelayMs),
  },
}).createMachine({
  id: 'call',
  type: 'parallel',
  context: ({ input }) => createCallContext(input),
  output: ({ context }) => toCallRecord(context),
  states: {
    /** Who is on the other end: the CRM search runs beside the call, from ringing to wrap-up. */
    contact: {
      initial: 'deciding',
      on: { 'call.close': '.closed' },
      states: {
        deciding: {
          always: [
            { guard: 'hasChosenRecord', target: 'chosen' },
            { guard: 'hasNumberToSearch', target: 'matching' },
            { target: 'noMatch' },
          ],
        },
        matching: {
          tags: 'contactSearching',
          invoke: {
            id: 'contactSearch',
            src: 'searchContacts',
            input: ({ context }) => ({ callId: context.callId, number: searchNumber(context) }),
            onDone: [
              {
                guard: { type: 'includesAboutRecord', params: ({ event }) => ({ matches: event.output }) },
                target: 'chosen',
                actions: [
                  { type: 'storeMatches', params: ({ event }) => ({ matches: event.output }) },
                  'chooseAboutRecord',
                ],
              },
              {
                guard: { type: 'isUnknownCallerToPop', params: ({ event }) => ({ matches: event.output }) },
                target: 'creatingContact',
                actions: { type: 'storeMatches', params: ({ event }) => ({ matches: event.output }) },
              },
              {
                guard: { type: 'isNoMatch', params: ({ event }) => ({ matches: event.output }) },
                target: 'noMatch',
                actions: { type: 'storeMatches', params: ({ event }) => ({ matches: event.output }) },
              },
              {
                guard: { type: 'isSingleMatch', params: ({ event }) => ({ matches: event.output }) },
                target: 'chosen',
                actions: [
                  { type: 'storeMatches', params: ({ event }) => ({ matches: event.output }) },
                  'chooseOnlyMatch',
                ],
              },
              {
                target: 'severalMatches',
                actions: { type: 'storeMatches', params: ({ event }) => ({ matches: event.output }) },
              },
            ],
            onError: {
              target: 'lookupFailed',
              actions: {
                type: 'storeLookupError',
                params: ({ event }) => ({
                  message: event.error instanceof Error ? event.error.message : String(event.error),
                }),
              },
            },
          },
        },
        noMatch: { tags: 'noMatch', on: { 'ui.contact.new': 'creatingContact' } },
        severalMatches: {
          tags: 'severalMatches',
          on: {
            'ui.contact.pick': { guard: 'isOneOfMatches', target: 'chosen', actions: 'chooseMatch' },
            'ui.contact.new': 'creatingContact',
          },
        },
        creatingContact: {
          tags: 'creatingContact',
          entry: { type: 'popNewContactForm', params: ({ context }) => ({ number: context.remote.number }) },
          invoke: {
            id: 'createdContact',
            src: 'awaitCreatedContact',
            input: ({ context }) => ({ callId: context.callId, number: context.remote.number }),
          },
          on: {
            'crm.contact.created': { target: 'chosen', actions: 'chooseCreatedContact' },
            'ui.contact.cancel': [
              { guard: 'hasChosenRecord', target: 'chosen' },
              { guard: 'hasMatches', target: 'severalMatches' },
              { target: 'noMatch' },
            ],
          },
        },
        chosen: {
          entry: { type: 'screenPop', params: ({ context }) => ({ record: context.chosen }) },
          on: {
            'ui.contact.pick': {
              guard: 'isOneOfMatches',
              target: 'chosen',
              reenter: true,
              actions: 'chooseMatch',
            },
            'ui.contact.new': 'creatingContact',
          },
        },
        lookupFailed: {
          tags: 'lookupFailed',
          on: { 'ui.contact.retry': 'matching', 'ui.contact.new': 'creatingContact' },
        },
        closed: { type: 'final' },
      },
    },

    /** The call itself, from the first SIP message to the end of wrap-up. */
    progress: {
      initial: 'starting',
      states: {
        /** A number the dialing rules refused never reaches SIP. */
        starting: {
          always: [
            { guard: 'isRestoredInWrapUp', target: 'wrapUp' },
            { guard: 'isDialRejected', target: 'failed', actions: 'recordDialRejection' },
            { target: 'session' },
          ],
        },

        /** A SIP session exists; the sipSession actor lives exactly as long as this state. */
        session: {
          invoke: {
            id: 'sip',
            src: 'sipSession',
            input: ({ context }) => ({
              callId: context.callId,
              direction: context.direction,
              mode: context.mode,
            }),
          },
          on: {
            ...notesEditing,
            'sip.session.failed': [
              {
                guard: 'wasAnswered',
                target: 'ended',
                actions: {
                  type: 'recordEnd',
                  params: ({ event }) => ({ outcome: 'completed', at: event.at }),
                },
              },
              {
                guard: 'isIncoming',
                target: 'ended',
                actions: { type: 'recordEnd', params: ({ event }) => ({ outcome: 'missed', at: event.at }) },
              },
              {
                target: 'failed',
                actions: {
                  type: 'recordFailure',
                  params: ({ event }) => ({ reason: 'network', at: event.at }),
                },
              },
            ],
          },
          initial: 'routing',
          states: {
            routing: {
              always: [
                { guard: 'isRecovering', target: 'recovering' },
                { guard: and(['isIncoming', 'isDeskphoneMode']), target: 'notified' },
                { guard: 'isIncoming', target: 'ringing' },
                { guard: 'isDeskphoneMode', target: 'deskphone' },
                { target: 'calling' },
              ],
            },
            // ---- carried over a page reload ----
            /**
             * The call was live when the agent's page reloaded: its dialog is taken back with an INVITE
             * carrying Replaces (the far end swaps legs without ringing). It keeps its answer time; a far end
             * that cannot do it drops the call, which goes to wrap-up with its notes and is logged.
             */
            recovering: {
              tags: ['liveAudio'],
              entry: [
                {
                  type: 'sendToSip',
                  params: ({ context }) => ({ type: 'call.recover', held: context.restoredHeld }),
                },
                report('connecting'),
              ],
              on: {
                'sip.call.answered': 'connected',
                'sip.call.failed': {
                  target: '#call.progress.ended',
                  actions: {
                    type: 'recordDrop',
                    params: ({ event }) => ({ statusCode: event.statusCode, at: event.at }),
                  },
                },
                'ui.hangup': 'abandoning',
              },
            },
            /**
             * Hung up while being taken back. The take-back is not cancelled: a CANCEL would leave the far end
             * on the old leg, whose media died with the page, in silence. Its answer comes at once (no ringing
             * with Replaces), so the new leg is hung up (BYE) and the far end's call ends. It was answered,
             * so it goes to wrap-up and is logged either way.
             */
            abandoning: {
              entry: report('ending'),
              on: {
                'sip.call.answered': 'ending',
                'sip.call.failed': endAs('completed'),
              },
            },
            // ---- incoming, softphone ----
            ringing: {
              tags: ['alerting'],
              entry: report('ringing'),
              invoke: {
                id: 'alert',
                src: 'alertAgent',
                input: ({ context }) => ({
                  callId: context.callId,
                  tone: context.callWaiting ? 'callWaiting' : 'ring',
                }),
              },
              on: {
                'ui.answer': 'answering',
                'ui.reject': {
                  target: 'rejecting',
                  actions: command({ type: 'call.reject', statusCode: REJECT_STATUS_CODE }),
                },
                'ui.rejectWithText': {
                  guard: 'hasReplyText',
                  target: 'rejecting',
                  actions: {
                    type: 'sendToSip',
                    params: ({ event }) => ({ type: 'call.rejectWithMessage', text: event.text.trim() }),
                  },
                },
                'ui.redirect': [
                  {
                    guard: 'isDialable',
                    target: 'redirecting',
                    actions: {
                      type: 'sendToSip',
                      params: ({ event }) => {
                        if (!event.dial.ok) throw new Error('unreachable: guarded by isDialable');
                        return { type: 'call.redirect', target: event.dial.target };
                      },
                    },
                  },
                  { actions: remember('invalid-redirect') },
                ],
                'sip.invite.canceled': endAs('missed'),
                // Nobody answered in time: SIP.js rejects the INVITE itself after its no-answer timeout.
                'sip.call.ended': endAs('missed'),
                'sip.invite.answeredElsewhere': {
                  target: 'monitored',
                  actions: { type: 'stampAnswered', params: ({ event }) => ({ at: event.at }) },
                },
              },
            },
            // ---- incoming, deskphone: the panel opens, the agent's device rings and answers ----
            notified: {
              tags: ['alerting'],
              entry: report('ringing'),
              invoke: alert('notify'),
              on: {
                'sip.invite.answeredElsewhere': {
                  target: 'monitored',
                  actions: { type: 'stampAnswered', params: ({ event }) => ({ at: event.at }) },
                },
                'sip.invite.canceled': endAs('missed'),
                // Nobody answered in time: SIP.js rejects the INVITE itself after its no-answer timeout.
                'sip.call.ended': endAs('missed'),
              },
            },
            answering: {
              tags: ['liveAudio'],
              entry: [command({ type: 'call.answer' }), report('connecting')],
              on: {
                'sip.call.answered': {
                  target: 'connected',
                  actions: { type: 'stampAnswered', params: ({ event }) => ({ at: event.at }) },
                },
                'sip.call.failed': {
                  target: '#call.progress.failed',
                  actions: {
                    type: 'recordFailure',
                    params: ({ event }) => ({ reason: event.reason, at: event.at }),
                  },
                },
                'sip.invite.canceled': endAs('missed'),
              },
            },
            rejecting: {
              entry: report('ending'),
              on: {
                'sip.call.ended': endAs('rejected'),
                'sip.session.failed': endAs('rejected'),
              },
            },
            /** The caller keeps hearing ringing from the new target; a redirected call is never logged. */
            redirecting: {
              entry: report('ending'),
              on: {
                'sip.call.ended': endAs('redirected'),
              },
            },

            // ---- outgoing, softphone ----
            calling: {
              entry: [
                {
                  type: 'sendToSip',
                  params: ({ context }) => ({
                    type: 'call.dial',
                    target: requireTarget(context),
                    ...(context.about ? { about: context.about } : {}),
                  }),
                },
                report('dialing'),
              ],
              on: {
                'sip.call.progress': 'ringback',
                'sip.call.answered': {
                  target: 'connected',
                  actions: { type: 'stampAnswered', params: ({ event }) => ({ at: event.at }) },
                },
                'sip.call.failed': {
                  target: '#call.progress.failed',
                  actions: {
                    type: 'recordFailure',
                    params: ({ event }) => ({ reason: event.reason, at: event.at }),
                  },
                },
                'ui.hangup': 'canceling',
                'phone.conference.join': 'ringingIntoConference',
              },
            },
            /** 180/183: ringback or early media is heard. */
            ringback: {
              tags: ['liveAudio'],
              entry: report('dialing'),
              on: {
                'sip.call.answered': {
                  target: 'connected',
                  actions: { type: 'stampAnswered', params: ({ event }) => ({ at: event.at }) },
                },
                'sip.call.failed': {
                  target: '#call.progress.failed',
                  actions: {
                    type: 'recordFailure',
                    params: ({ event }) => ({ reason: event.reason, at: event.at }),
                  },
                },
                'ui.hangup': 'canceling',
                'phone.conference.join': 'ringingIntoConference',
              },
            },
            /** Added to the conference before answering: every party hears it ring until it answers. */
            ringingIntoConference: {
              tags: ['liveAudio', 'conference'],
              entry: ['markConferenceMember', report('conference')],
              on: {
                'sip.call.answered': {
                  target: 'connected',
                  actions: { type: 'stampAnswered', params: ({ event }) => ({ at: event.at }) },
                },
                'sip.call.failed': {
                  target: '#call.progress.failed',
                  actions: {
                    type: 'recordFailure',
                    params: ({ event }) => ({ reason: event.reason, at: event.at }),
                  },
                },
                'ui.hangup': 'canceling',
                'phone.conference.dissolved': { target: 'ringback', actions: 'leaveConference' },
              },
            },
            canceling: {
              entry: [command({ type: 'call.cancel' }), report('ending')],
              on: {
                'sip.call.ended': endAs('canceled'),
                'sip.call.failed': endAs('canceled'),
                'sip.session.failed': endAs('canceled'),
                // The 200 crossed our CANCEL: the call is up, so it must be hung up (and wrapped up).
                'sip.call.answered': {
                  target: 'ending',
                  actions: { type: 'stampAnswered', params: ({ event }) => ({ at: event.at }) },
                },
              },
            },

            // ---- outgoing, deskphone: ring the agent's device, wait for a key, then call the customer ----
            deskphone: {
              initial: 'ringingDevice',
              entry: report('dialing'),
              on: {
                'ui.hangup': 'canceling',
                'sip.device.failed': {
                  target: '#call.progress.failed',
                  actions: { type: 'recordFailure', params: ({ event }) => ({ reason: event.reason }) },
                },
              },
              states: {
                ringingDevice: {
                  tags: 'callingDevice',
                  entry: {
                    type: 'sendToSip',
                    params: ({ context }) => ({ type: 'call.dialViaDevice', target: requireTarget(context) }),
                  },
                  on: { 'sip.device.answered': 'awaitingKey' },
                },
                /** Voicemail never presses a key: the customer is never dialled. */
                awaitingKey: {
                  tags: 'awaitingKey',
                  after: {
                    deskphoneKeyTimeout: {
                      target: '#call.progress.failed',
                      actions: { type: 'recordFailure', params: { reason: 'no-key-press' } },
                    },
                  },
                  on: { 'sip.device.keyPressed': 'callingCustomer' },
                },
                callingCustomer: {
                  tags: 'callingCustomer',
                  entry: command({ type: 'call.connectCustomer' }),
                  on: {
                    'sip.call.progress': 'customerRinging',
                    'sip.call.answered': {
                      target: '#call.progress.session.monitored',
                      actions: { type: 'stampAnswered', params: ({ event }) => ({ at: event.at }) },
                    },
                    'sip.call.failed': {
                      target: '#call.progress.failed',
                      actions: {
                        type: 'recordFailure',
                        params: ({ event }) => ({ reason: event.reason, at: event.at }),
                      },
                    },
                  },
                },
                customerRinging: {
                  tags: 'customerRinging',
                  on: {
                    'sip.call.answered': {
                      target: '#call.progress.session.monitored',
                      actions: { type: 'stampAnswered', params: ({ event }) => ({ at: event.at }) },
                    },
                    'sip.call.failed': {
                      target: '#call.progress.failed',
                      actions: {
                        type: 'recordFailure',
                        params: ({ event }) => ({ reason: event.reason, at: event.at }),
                      },
                    },
                  },
                },
              },
            },

            // ---- connected in the browser ----
            connected: {
              type: 'parallel',
              tags: ['connected'],
              on: {
                'ui.hangup': { guard: 'isNotTransferring', target: 'ending' },
                'sip.call.ended': endAs('completed'),
                'sip.call.replaced': {
                  target: '#call.progress.ended',
                  actions: [
                    'markReplaced',
                    { type: 'recordEnd', params: ({ event }) => ({ outcome: 'completed', at: event.at }) },
                  ],
                },
              },
              states: {
                audio: {
                  initial: 'entering',
                  states: {
                    entering: {
                      always: [
                        { guard: 'isConferenceMember', target: 'conference' },
                        // The take-back offered hold (sendonly): the call is already held on the wire.
                        { guard: 'isRestoredHeld', target: 'held' },
                        { target: 'active' },
                      ],
                    },
                    active: {
                      id: 'active',
                      tags: ['liveAudio'],
                      entry: report('live'),
                      on: {
                        'ui.hold': 'holding',
                        'phone.hold': 'holding',
                        'phone.conference.join': 'conference',
                      },
                    },
                    /** Hold requested; the agent's audio is already cut, the re-INVITE is in flight. */
                    holding: {
                      id: 'holding',
                      entry: [command({ type: 'call.hold' }), report('holding')],
                      initial: 'requested',
                      states: {
                        requested: {
                          on: {
                            'ui.resume': 'resumeQueued',
                            'phone.resume': 'resumeQueued',
                            'phone.conference.join': 'joinQueued',
                            'sip.reinvite.succeeded': '#held',
                          },
                        },
                        /** Resume pressed while the hold is in flight: sent once the hold completes. */
                        resumeQueued: {
                          on: {
                            'ui.hold': 'requested',
                            'phone.hold': 'requested',
                            'phone.conference.join': 'joinQueued',
                            'sip.reinvite.succeeded': '#resuming',
                          },
                        },
                        /** Merged while the hold is in flight: taken off hold into the mix once it completes. */
                        joinQueued: {
                          on: {
                            'sip.reinvite.succeeded': '#conferenceJoining',
                            // The hold did not happen: the call is still connected, so it joins at once.
                            'sip.reinvite.failed': '#conferenceJoined',
                          },
                        },
                      },
                      on: {
                        'sip.reinvite.failed': { target: 'active', actions: remember('hold-failed') },
                      },
                    },
                    held: {
                      id: 'held',
                      entry: report('held'),
                      initial: 'timing',
                      states: {
                        timing: {
                          always: [
                            { guard: 'hasMaxHoldTime', target: 'waiting' },
                            { target: 'indefinitely' },
                          ],
                        },
                        waiting: { after: { maxHold: 'recalling' } },
                        indefinitely: {},
                        /** Held too long: the call rings back to the agent; answering resumes it. */
                        recalling: {
                          tags: ['alerting'],
                          entry: report('recalling'),
                          invoke: alert('recall'),
                          on: { 'ui.answer': '#resuming' },
                        },
                      },
                      on: {
                        'ui.resume': 'resuming',
                        'phone.resume': 'resuming',
                        'phone.transfer.blind': {
                          target: 'transferring',
                          actions: [
                            { type: 'markTransfer', params: { kind: 'blind' } },
                            {
                              type: 'sendToSip',
                              params: ({ context, event }) => ({
                                type: 'call.transfer.blind',
                                target: event.target,
                                ...aboutThisCall(context),
                              }),
                            },
                          ],
                        },
                        'phone.transfer.attended': {
                          target: 'transferring',
                          actions: [
                            { type: 'markTransfer', params: { kind: 'attended' } },
                            {
                              type: 'sendToSip',
                              params: ({ context, event }) => ({
                                type: 'call.transfer.attended',
                                consultCallId: event.consultCallId,
                                ...aboutThisCall(context),
                              }),
                            },
                          ],
                        },
                        'phone.conference.join': 'conference.joining',
                      },
                    },
                    resuming: {
                      id: 'resuming',
                      entry: [command({ type: 'call.resume' }), report('live')],
                      initial: 'requested',
                      states: {
                        requested: {
                          on: {
                            'ui.hold': 'holdQueued',
                            'phone.hold': 'holdQueued',
                            'phone.conference.join': 'joinQueued',
                            'sip.reinvite.succeeded': '#active',
                          },
                        },
                        /** Hold pressed while the resume is in flight: sent once the resume completes. */
                        holdQueued: {
                          on: {
                            'ui.resume': 'requested',
                            'phone.conference.join': 'joinQueued',
                            'sip.reinvite.succeeded': '#holding',
                          },
                        },
                        /** Merged while coming off hold: the resume in flight is the one that joins the mix. */
                        joinQueued: {
                          on: {
                            'sip.reinvite.succeeded': '#conferenceJoined',
                            'sip.reinvite.failed': {
                              target: '#held',
                              actions: remember('conference-join-failed'),
                            },
                          },
                        },
                      },
                      on: {
                        'sip.reinvite.failed': { target: 'held', actions: remember('resume-failed') },
                      },
                    },
                    /** REFER sent; only the SIP layer's final answer decides. */
                    transferring: {
                      id: 'transferring',
                      entry: report('transferring'),
                      initial: 'requested',
                      states: {
                        requested: { on: { 'sip.transfer.accepted': 'accepted' } },
                        accepted: {},
                      },
                      on: {
                        'sip.transfer.succeeded': endAs('transferred'),
                        'sip.transfer.failed': [
                          {
                            guard: 'isBlindTransfer',
                            target: 'transferReturned',
                            actions: remember('transfer-failed'),
                          },
                          { target: 'held', actions: remember('transfer-failed') },
                        ],
                      },
                    },
                    /** An unsupervised transfer failed: the call comes back to the agent ringing. */
                    transferReturned: {
                      tags: ['alerting'],
                      entry: report('recalling'),
                      invoke: alert('transferReturned'),
                      on: {
                        'ui.answer': 'resuming',
                        'ui.resume': 'resuming',
                        'phone.conference.join': 'conference.joining',
                      },
                    },
                    /** Mixed into the conference the agent's browser bridges. */
                    conference: {
                      tags: ['conference'],
                      entry: report('conference'),
                      initial: 'joined',
                      states: {
                        /** Was on hold: taken off hold to join. */
                        joining: {
                          id: 'conferenceJoining',
                          entry: command({ type: 'call.resume' }),
                          on: {
                            'sip.reinvite.succeeded': 'joined',
                            'sip.reinvite.failed': {
                              target: '#held',
                              actions: remember('conference-join-failed'),
                            },
                          },
                        },
                        joined: {
                          id: 'conferenceJoined',
                          tags: ['liveAudio'],
                          entry: command({ type: 'call.conference.join' }),
                        },
                      },
                      on: {
                        'phone.conference.dissolved': {
                          target: 'active',
                          actions: ['leaveConference', command({ type: 'call.conference.leave' })],
                        },
                      },
                    },
                  },
                },
                mute: {
                  initial: 'unmuted',
                  states: {
                    unmuted: {
                      on: { 'ui.mute': { target: 'muted', actions: command({ type: 'call.mute' }) } },
                    },
                    muted: {
                      tags: 'muted',
                      on: { 'ui.unmute': { target: 'unmuted', actions: command({ type: 'call.unmute' }) } },
                    },
                  },
                },
                keypad: {
                  initial: 'hidden',
                  states: {
                    hidden: { on: { 'ui.keypad.toggle': 'shown' } },
                    shown: {
                      tags: 'keypadOpen',
                      on: {
                        'ui.keypad.toggle': 'hidden',
                        'ui.dtmf': [
                          {
                            guard: 'isDtmf',
                            actions: {
                              type: 'sendToSip',
                              params: ({ event }) => ({ type: 'call.dtmf', digits: event.digits }),
                            },
                          },
                          { actions: remember('invalid-dtmf') },
                        ],
                      },
                    },
                  },
                },
              },
            },

            /** Audio is on another device of the agent (answered elsewhere, or deskphone mode): notes only. */
            monitored: {
              tags: ['connected', 'answeredOnDevice'],
              entry: report('monitored'),
              on: {
                'sip.call.ended': {
                  target: '#call.progress.ended',
                  actions: {
                    type: 'recordEnd',
                    params: ({ context, event }) => ({ outcome: monitoredOutcome(context), at: event.at }),
                  },
                },
                // The server's dialog state of the call taken on the agent's own phone ended it.
                'sip.dialog.terminated': {
                  target: '#call.progress.ended',
                  actions: {
                    type: 'recordEnd',
                    params: ({ context, event }) => ({ outcome: monitoredOutcome(context), at: event.at }),
                  },
                },
                // The agent's "Call ended": the talk time runs until then.
                'ui.dismiss': {
                  target: '#call.progress.ended',
                  actions: {
                    type: 'recordEnd',
                    params: ({ context, event }) => ({ outcome: monitoredOutcome(context), at: event.at }),
                  },
                },
              },
            },

            ending: {
              entry: [command({ type: 'call.hangup' }), report('ending')],
              on: {
                'sip.call.ended': endAs('completed'),
              },
            },
          },
        },

        ended: {
          entry: report('ended'),
          // A replaced call goes on as the call that replaced it: no wrap-up of its own.
          always: [
            { guard: 'wasReplaced', target: 'finished' },
            { guard: 'wasAnswered', target: 'wrapUp' },
            { target: 'finished' },
          ],
        },

        /** Never connected: the reason stays on screen until the agent dismisses it. */
        failed: {
          entry: report('ended'),
          on: { 'ui.dismiss': 'finished' },
        },

        /** After-call work: the work timer runs while notes and disposition are finished and logged. */
        wrapUp: {
          tags: 'inWrapUp',
          entry: report('wrapUp'),
          always: { guard: 'isWrapUpComplete', target: 'finished' },
          on: notesEditing,
          initial: 'starting',
          states: {
            starting: { always: [{ guard: 'hasWorkTimer', target: 'running' }, { target: 'untimed' }] },
            running: {
              tags: 'wrapUpRunning',
              after: { workTimer: 'over.expired' },
              on: closingWrapUp,
            },
            untimed: { on: closingWrapUp },
            /** The agent is done once the log is saved (or, after the CRM refused it, given up with its notes copied). */
            over: {
              id: 'wrapUpOver',
              initial: 'expired',
              states: { expired: {}, closed: {} },
            },
          },
        },

        /** The other regions close too, so the whole machine is done and its output is the call record. */
        finished: {
          type: 'final',
          entry: ['reportFinished', 'closeCall'],
        },
      },
    },

    /** The call log (a Task upserted by callId): saved on demand during the call and always before wrap-up ends. */
    log: {
      initial: 'idle',
      on: { 'call.close': '.closed' },
      states: {
        idle: {
          always: { guard: 'mustSaveForWrapUp', target: 'saving' },
          on: {
            'ui.notes.save': { guard: 'isLoggable', target: 'saving' },
            'ui.wrapUp.save': { guard: 'isLoggable', target: 'saving' },
            'ui.wrapUp.saveAndClose': { guard: 'isLoggable', target: 'saving' },
          },
        },
        saving: {
          tags: 'savingLog',
          entry: 'markSaving',
          invoke: {
            id: 'logSave',
            src: 'saveCallLog',
            input: ({ context }) => toLoggedRecord(context),
            onDone: { target: 'idle', actions: 'markSaved' },
            onError: [
              {
                guard: { type: 'isRefusal', params: ({ event }) => ({ error: event.error }) },
                target: 'refused',
                actions: { type: 'rememberSaveRefusal', params: ({ event }) => ({ error: event.error }) },
              },
              {
                target: 'retrying',
                actions: {
                  type: 'rememberSaveError',
                  params: ({ event }) => ({ message: errorMessage(event.error) }),
                },
              },
            ],
          },
        },
        /** The notes are kept; the save is tried again after a pause, or at once when asked. */
        retrying: {
          after: { saveRetry: 'saving' },
          on: { 'ui.notes.save': 'saving', 'ui.wrapUp.save': 'saving', 'ui.wrapUp.saveAndClose': 'saving' },
        },
        /**
         * The CRM will never take this save as it is (a validation rule, a missing permission, a deleted
         * record): no retry. The notes are kept and the agent chooses: save again after changing them, log
         * the call without the related record when that is what failed, or copy the notes and close.
         */
        refused: {
          tags: 'logRefused',
          on: {
            'ui.notes.save': 'saving',
            'ui.wrapUp.save': 'saving',
            'ui.wrapUp.saveAndClose': 'saving',
            'ui.wrapUp.saveWithoutRecord': {
              guard: 'isRecordRefused',
              target: 'saving',
              actions: 'dropRelatedRecord',
            },
            'ui.wrapUp.closeWithoutLog': { guard: 'isInWrapUp', target: 'abandoned' },
          },
        },
        /** Given up by the agent after a refusal, the notes copied: the call is not logged. */
        abandoned: {},
        closed: { type: 'final' },
      },
    },
  },
});

function monitoredOutcome(context: CallContext): CallOutcome {
  return context.direction === 'incoming' && context.mode === 'softphone' ? 'answeredElsewhere' : 'completed';
}

export type CallMachine = typeof callMachine;
