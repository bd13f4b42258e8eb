// Calls whose audio is on the agent's own phone: the deskphone set-up (ring the device, wait for a key,
// call the customer) and the monitored call the panel takes notes for.
import {
  callSetup,
  requireTarget,
  report,
  command,
  endAs,
  answeredTo,
  failedOnSip,
  failedAs,
  monitoredOutcome,
} from './setup';

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
        deskphoneKeyTimeout: failedAs('no-key-press'),
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
        customerAnswerWait: failedAs('no-answer'),
      },
      on: {
        'sip.call.answered': answeredTo('#call.progress.session.monitored'),
        'sip.call.failed': failedOnSip,
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
    'sip.call.ended': endAs(monitoredOutcome),
    // The server's dialog state of the call taken on the agent's own phone ended it.
    'sip.dialog.terminated': endAs(monitoredOutcome),
    // The agent's "Call ended": the talk time runs until then.
    'ui.dismiss': endAs(monitoredOutcome),
  },
});
