// What the conference hears while the agent adds a party (OfficeConnect: "Adding a participant before they
// answer": "All participants hear ringing until the call is answered", "All participants hear a busy
// signal"). The one place that decides the tone; the host's `conferenceTone` actor plays it to every party.
import { not } from 'xstate';
import { phoneSetup } from './setup';

export const conferenceTone = phoneSetup.createStateConfig({
  initial: 'silent',
  states: {
    silent: {
      always: { guard: 'isPartyRingingForConference', target: 'ringback' },
    },
    /** A party being added rings: every party, the agent too, hears ringback until it answers. */
    ringback: {
      invoke: { id: 'conferenceTone', src: 'conferenceTone', input: { tone: 'ringback' } },
      on: { 'call.status': { guard: 'isAddedPartyBusy', target: 'busy' } },
      always: { guard: not('isPartyRingingForConference'), target: 'silent' },
    },
    /** The party was busy or declined: a busy signal for a while, then the conference goes on. */
    busy: {
      invoke: { id: 'conferenceTone', src: 'conferenceTone', input: { tone: 'busy' } },
      // Played out even when the agent dials someone else meanwhile: their ringback follows it.
      after: { busyTone: 'silent' },
    },
  },
});
