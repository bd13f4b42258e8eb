// How a call ends: hanging up, ended, failed, wrap-up and finished.
import { callSetup, report, command, endAs, closingWrapUp, notesEditing } from './setup';

export const ending = callSetup.createStateConfig({
  entry: [command({ type: 'call.hangup' }), report('ending')],
  on: {
    'sip.call.ended': endAs('completed'),
  },
});

export const ended = callSetup.createStateConfig({
  entry: report('ended'),
  // A replaced call goes on as the call that replaced it: no wrap-up of its own.
  always: [
    { guard: 'wasReplaced', target: 'finished' },
    { guard: 'wasAnswered', target: 'wrapUp' },
    { target: 'finished' },
  ],
});

/** Never connected: the reason stays on screen until the agent dismisses it. */
export const failed = callSetup.createStateConfig({
  entry: report('ended'),
  on: { 'ui.dismiss': 'finished' },
});

/** After-call work: the work timer runs while notes and disposition are finished and logged. */
export const wrapUp = callSetup.createStateConfig({
  tags: 'inWrapUp',
  entry: ['fixWorkTimer', report('wrapUp')],
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
});

/** The other regions close too, so the whole machine is done and its output is the call record. */
export const finished = callSetup.createStateConfig({
  type: 'final',
  entry: ['reportFinished', 'closeCall'],
});
