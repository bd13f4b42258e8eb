// Calls whose audio is on the agent's own phone: the deskphone set-up (ring the device, wait for a key,
// call the customer) and the monitored call the panel takes notes for.
import { callSetup, requireTarget, report, command, monitoredOutcome } from './setup';

export const deskphone = callSetup.createStateConfig({
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
      on: { 'sip.device.keyPressed': 'connectingCustomer' },
    },
    /**
     * From the key until the customer answers, their ringing included: the wait runs from the REFER,
     * whatever 1xx the device reports on the way.
     */
    connectingCustomer: {
      entry: command({ type: 'call.connectCustomer' }),
      after: {
        customerAnswerWait: {
          target: '#call.progress.failed',
          actions: { type: 'recordFailure', params: { reason: 'no-answer' } },
        },
      },
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
      initial: 'callingCustomer',
      states: {
        callingCustomer: {
          tags: 'callingCustomer',
          on: { 'sip.call.progress': 'customerRinging' },
        },
        customerRinging: { tags: 'customerRinging' },
      },
    },
  },
});

/** Audio is on another device of the agent (answered elsewhere, or deskphone mode): notes only. */
export const monitored = callSetup.createStateConfig({
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
});
