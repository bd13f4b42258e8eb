// Registration: register, stay registered, reconnect with backoff, and tell the agent when calls stop arriving.
import { phoneSetup } from './setup';

export const registration = phoneSetup.createStateConfig({
  initial: 'unregistered',
  states: {
    unregistered: { on: { 'ui.register': 'registering' } },
    registering: {
      tags: 'registering',
      entry: { type: 'commandUserAgent', params: { type: 'phone.register' } },
      on: {
        'sip.registration.succeeded': 'registered',
        'sip.registration.failed': [
          { guard: 'isRetryableRegistrationFailure', target: 'reconnecting' },
          { target: 'failed', actions: 'recordRegistrationFailure' },
        ],
        'sip.transport.disconnected': 'reconnecting',
        'ui.unregister': 'unregistering',
      },
    },
    registered: {
      tags: 'registered',
      entry: 'resetReconnect',
      on: {
        'sip.transport.disconnected': 'reconnecting',
        // A refresh refused (credentials, 403, no answer, a 200 without our contact) or SIP.js's
        // Registerer giving up on its own: the server would no longer route a call here.
        'sip.registration.failed': { target: 'lost', actions: 'recordRegistrationFailure' },
        'sip.registration.ended': 'lost',
        'ui.unregister': 'unregistering',
      },
    },
    /**
     * Registered until a moment ago, connection still up, but calls no longer reach this phone: the agent
     * is told, and the phone registers again with fresh credentials, with the reconnect backoff (capped,
     * jittered). Only the agent's own unregister, or the attempts running out, ends it.
     */
    lost: {
      tags: 'lost',
      entry: 'countReconnectAttempt',
      initial: 'waiting',
      states: {
        waiting: { after: { reconnectBackoff: 'reregistering' } },
        reregistering: {
          entry: { type: 'commandUserAgent', params: { type: 'phone.reregister' } },
          on: {
            'sip.registration.failed': [
              {
                guard: 'isLastReconnectAttempt',
                target: '#phone.registration.failed',
                actions: 'recordRegistrationFailure',
              },
              { target: 'waiting', actions: ['recordRegistrationFailure', 'countReconnectAttempt'] },
            ],
          },
        },
      },
      on: {
        'sip.registration.succeeded': 'registered',
        'sip.transport.disconnected': 'reconnecting',
        'ui.unregister': 'unregistering',
      },
    },
    /**
     * The one reconnect backoff (neither SIP.js nor SipPhone reconnects by itself): exponential with
     * jitter, capped. Each `phone.reconnect` is one attempt; a failed one comes back as a retryable
     * `sip.registration.failed` (server-unreachable) from `registering`, which counts the next attempt.
     */
    reconnecting: {
      tags: 'reconnecting',
      entry: 'countReconnectAttempt',
      always: {
        guard: 'reconnectAttemptsExhausted',
        target: 'failed',
        actions: 'recordServerUnreachable',
      },
      after: {
        reconnectBackoff: {
          target: 'registering',
          actions: { type: 'commandUserAgent', params: { type: 'phone.reconnect' } },
        },
      },
      on: { 'ui.register': 'registering', 'ui.unregister': 'unregistered' },
    },
    failed: { tags: 'failed', on: { 'ui.register': 'registering' } },
    unregistering: {
      tags: 'unregistering',
      entry: { type: 'commandUserAgent', params: { type: 'phone.unregister' } },
      on: {
        'sip.registration.ended': 'unregistered',
        'sip.registration.failed': 'unregistered',
        'sip.transport.disconnected': 'unregistered',
      },
    },
  },
});
