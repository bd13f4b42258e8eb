// The phone machine's setup: actors, actions, guards and delays (those of transfer and conference in
// consultation-rules.ts). Each region file builds its states with phoneSetup.createStateConfig, so they
// type-check as one machine.
import { and, assign, enqueueActions, fromCallback, not, setup, stateIn } from 'xstate';
import type { ConferenceToneInput } from '../call-actors';
import type { CallInput } from '../call-context';
import { callMachine } from '../call-machine';
import type { CallRecord } from '../call-record';
import { exceedsClickToDialLimit, rememberClickToDial } from '../click-to-dial-limit';
import type { LineStatus } from '../line-status';
import { IN_PROGRESS_STATUSES } from '../line-status';
import type { DialRequest, PhoneEvent, UserAgentCommand } from '../phone-events';
import { reconnectDelayMs } from '../sip-timing';
import { withConsultationRules } from './consultation-rules';
import {
  AUDIO_TAKING,
  CONFERENCE_BUSY_TONE_MS,
  ON_AUDIO,
  childCallContext,
  dialRequestOf,
  eventCallId,
  occupiedLines,
  otherCallWith,
  outgoingInput,
  phoneErrorMessages,
  queuedTargetId,
  reportOf,
} from './support';
import type {
  PhoneContext,
  PhoneErrorCode,
  PhoneInput,
  PhoneTag,
  QueuedIntent,
  ReportSource,
  ReportedStatus,
  SipUserAgentInput,
} from './support';

const phoneTypes = setup({
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
    /** Plays a tone to every party of the conference (and the agent); its cleanup stops it. */
    conferenceTone: fromCallback<{ type: 'tone.noop' }, ConferenceToneInput>(() => undefined),
  },
});

/** The types and actors every action, guard and delay of the machine is typed against. */
export type PhoneTypes = typeof phoneTypes;

export const phoneSetup = withConsultationRules(phoneTypes).extend({
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
    /** The call's status as it reports it, and whether it still rings into the conference. */
    updateLine: assign(({ context, event }) => {
      if (event.type !== 'call.status' || context.lines[event.callId] === undefined) return {};
      const others = context.ringingMembers.filter((id) => id !== event.callId);
      return {
        lines: { ...context.lines, [event.callId]: event.status },
        ringingMembers: event.ringing ? [...others, event.callId] : others,
      };
    }),
    finishLine: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'call.finished' || context.lines[event.callId] === undefined) return;
      const { callId } = event;
      enqueue.assign({
        lines: Object.fromEntries(Object.entries(context.lines).filter(([id]) => id !== callId)),
        hangUpOnly: context.hangUpOnly.filter((id) => id !== callId),
        ringingMembers: context.ringingMembers.filter((id) => id !== callId),
      });
      enqueue.stopChild(event.callId);
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
    chooseRedirect: assign(({ event }) =>
      event.type === 'ui.redirect.choose' ? { redirectChoice: event.callId } : {},
    ),
    forgetRedirectChoice: assign({ redirectChoice: null }),
    /** The click becomes the Redirect the agent was choosing a target for; the call's own rules apply. */
    redirectByClick: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'crm.clickToDial' || context.redirectChoice === null) return;
      const { number, dial } = event;
      enqueue.assign({ redirectChoice: null });
      enqueue.raise({ type: 'ui.redirect', callId: context.redirectChoice, number, dial });
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
    /** Apart from the call being held, nobody has taken the audio since the intent was queued. */
    isAudioFreeForQueuedIntent: ({ context }) => {
      const plan = context.switching;
      if (!plan) return false;
      const others = Object.entries(context.lines).filter(
        ([id]) => id !== plan.holdCallId && id !== queuedTargetId(plan.then),
      );
      return !others.some(([, status]) => [...AUDIO_TAKING, 'conference'].includes(status));
    },
    isClickToDialOff: ({ context }) => !context.settings.clickToDial,
    isRingingCall: ({ context, event }) =>
      event.type === 'ui.redirect.choose' && context.lines[event.callId] === 'ringing',
    isRedirectChoice: ({ context, event }) =>
      event.type === 'ui.redirect.cancel' && context.redirectChoice === event.callId,
    /** The call is still ringing: once answered, ended or redirected, a click dials again. */
    isChoosingRedirect: ({ context }) =>
      context.redirectChoice !== null && context.lines[context.redirectChoice] === 'ringing',
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
    busyTone: CONFERENCE_BUSY_TONE_MS,
  },
});
