// The lines: spawns one call machine per call and keeps at most one on the agent's audio outside a conference.
import { and, not } from 'xstate';
import { phoneSetup } from './setup';
import {
  FORWARDED_EVENTS,
  GONE,
  OFF_AUDIO,
  audioIntent,
  decline,
  dialIntent,
  forwardIfKnown,
  isReport,
  recentsFromReport,
  reportError,
} from './support';

/** Spawns calls and keeps at most one of them on the agent's audio outside a conference. */
export const lines = phoneSetup.createStateConfig({
  initial: 'ready',
  on: {
    'sip.invite.received': [
      { guard: not('isNewCall') },
      // Taking over one of our calls needs no free line: it uses the replaced call's.
      { guard: 'replacesOurCall', actions: 'spawnIncomingCall' },
      { guard: not('hasFreeLine'), actions: decline(486) },
      { guard: 'isAwayAndDeclining', actions: decline(480) },
      { guard: 'isInWrapUpAndDeclining', actions: decline(486) },
      { actions: 'spawnIncomingCall' },
    ],
    // Restored calls take no free-line check: they were already on this agent's lines before the reload.
    'host.call.restore': { guard: 'isNewRestoredCall', actions: 'spawnRestoredCall' },
    'call.status': { actions: 'updateLine' },
    'call.finished': { actions: ['finishLine', recentsFromReport] },
    ...Object.fromEntries(FORWARDED_EVENTS.map((type) => [type, forwardIfKnown])),
  },
  states: {
    ready: {
      on: {
        'ui.answer': audioIntent,
        'ui.resume': audioIntent,
        'ui.dial': dialIntent,
        'phone.clickToDial.accepted': dialIntent,
      },
    },
    /** Holding the call that has the audio; the agent's intent waits until it is held. */
    switching: {
      after: {
        switchTimeout: { target: 'ready', actions: ['dropQueuedIntent', reportError('switch-failed')] },
      },
      on: {
        'call.status': [
          {
            guard: and([isReport('switched', OFF_AUDIO), 'isAudioFreeForQueuedIntent']),
            target: 'ready',
            actions: ['updateLine', 'runQueuedIntent'],
          },
          // Meanwhile another call took the audio (a consultation, a conference): the intent is dropped.
          {
            guard: isReport('switched', OFF_AUDIO),
            target: 'ready',
            actions: ['updateLine', 'dropQueuedIntent', reportError('audio-busy')],
          },
          {
            guard: isReport('switched', ['live']),
            target: 'ready',
            actions: ['updateLine', 'dropQueuedIntent', reportError('switch-failed')],
          },
          {
            guard: isReport('queued', GONE),
            target: 'ready',
            actions: ['updateLine', 'dropQueuedIntent'],
          },
          { actions: 'updateLine' },
        ],
        'ui.answer': { actions: reportError('audio-busy') },
        'ui.resume': { actions: reportError('audio-busy') },
        'ui.dial': { actions: reportError('audio-busy') },
        'phone.clickToDial.accepted': { actions: reportError('audio-busy') },
      },
    },
  },
});
