// The agent's availability: derived from the lines, except "away", which the agent chooses.
import { phoneSetup } from './setup';

/** Derived from the lines, except "away", which the agent chooses. */
export const availability = phoneSetup.createStateConfig({
  initial: 'available',
  states: {
    available: {
      always: [
        { guard: 'hasCallInProgress', target: 'onCall' },
        { guard: 'isOnlyWrappingUp', target: 'wrapUp' },
      ],
      on: { 'ui.availability.away': 'away' },
    },
    away: {
      tags: 'away',
      always: { guard: 'hasCallInProgress', target: 'onCall' },
      on: { 'ui.availability.available': 'available' },
    },
    onCall: {
      tags: 'onCall',
      always: [
        { guard: 'isOnlyWrappingUp', target: 'wrapUp' },
        { guard: 'hasNoCallToWorkOn', target: 'available' },
      ],
    },
    /** Leaving wrap-up returns the agent to available. */
    wrapUp: {
      tags: 'wrapUp',
      always: [
        { guard: 'hasCallInProgress', target: 'onCall' },
        { guard: 'hasNoCallToWorkOn', target: 'available' },
      ],
    },
  },
});
