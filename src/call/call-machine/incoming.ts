// Incoming calls: taken back after a reload, ringing (softphone) or notified (deskphone), answered,
// rejected or redirected.
import {
  callSetup,
  report,
  command,
  endAs,
  remember,
  alert,
  answeredTo,
  failedOnSip,
  REJECT_STATUS_CODE,
} from './setup';

/** The INVITE was never answered here: the caller gave up, or nobody answered in time. */
const missedInvite = {
  'sip.invite.canceled': endAs('missed'),
  // SIP.js rejects the INVITE itself after its no-answer timeout.
  'sip.call.ended': endAs('missed'),
} as const;

/** Another of the agent's devices took the call: the panel follows it for notes. */
const answeredElsewhere = answeredTo('monitored');

/**
 * The call was live when the agent's page reloaded: its dialog is taken back with an INVITE
 * carrying Replaces (the far end swaps legs without ringing). It keeps its answer time; a far end
 * that cannot do it drops the call, which goes to wrap-up with its notes and is logged.
 */
export const recovering = callSetup.createStateConfig({
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
});

/**
 * Hung up while being taken back. The take-back is not cancelled: a CANCEL would leave the far end
 * on the old leg, whose media died with the page, in silence. Its answer comes at once (no ringing
 * with Replaces), so the new leg is hung up (BYE) and the far end's call ends. It was answered,
 * so it goes to wrap-up and is logged either way.
 */
export const abandoning = callSetup.createStateConfig({
  entry: report('ending'),
  on: {
    'sip.call.answered': 'ending',
    'sip.call.failed': endAs('completed'),
  },
});

export const ringing = callSetup.createStateConfig({
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
    ...missedInvite,
    'sip.invite.answeredElsewhere': answeredElsewhere,
  },
});

export const notified = callSetup.createStateConfig({
  tags: ['alerting'],
  entry: report('ringing'),
  invoke: alert('notify'),
  on: {
    'sip.invite.answeredElsewhere': answeredElsewhere,
    ...missedInvite,
  },
});

export const answering = callSetup.createStateConfig({
  tags: ['liveAudio'],
  entry: [command({ type: 'call.answer' }), report('connecting')],
  on: {
    'sip.call.answered': answeredTo('connected'),
    'sip.call.failed': failedOnSip,
    'sip.invite.canceled': endAs('missed'),
  },
});

export const rejecting = callSetup.createStateConfig({
  entry: report('ending'),
  on: {
    'sip.call.ended': endAs('rejected'),
    'sip.session.failed': endAs('rejected'),
  },
});

/** The caller keeps hearing ringing from the new target; a redirected call is never logged. */
export const redirecting = callSetup.createStateConfig({
  entry: report('ending'),
  on: {
    'sip.call.ended': endAs('redirected'),
  },
});
