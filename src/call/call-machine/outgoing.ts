// Outgoing calls from the browser: calling, ringback, ringing into a conference, cancelling.
import { callSetup, requireTarget, report, command, endAs, answeredTo, failedOnSip } from './setup';

/** Until the far end answers, whatever it is heard doing: its answer, its refusal, or the agent's hang-up. */
const untilAnswered = {
  'sip.call.answered': answeredTo('connected'),
  'sip.call.failed': failedOnSip,
  'ui.hangup': 'canceling',
} as const;

export const calling = callSetup.createStateConfig({
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
    ...untilAnswered,
    'phone.conference.join': 'ringingIntoConference',
  },
});

/** 180/183: ringback or early media is heard. */
export const ringback = callSetup.createStateConfig({
  tags: ['liveAudio'],
  entry: report('dialing'),
  on: {
    ...untilAnswered,
    'phone.conference.join': 'ringingIntoConference',
  },
});

/** Added to the conference before answering: every party hears it ring until it answers. */
export const ringingIntoConference = callSetup.createStateConfig({
  tags: ['liveAudio', 'conference'],
  entry: ['markConferenceMember', report('conference', 'ringing')],
  on: {
    ...untilAnswered,
    'phone.conference.dissolved': { target: 'ringback', actions: 'leaveConference' },
  },
});

export const canceling = callSetup.createStateConfig({
  entry: [command({ type: 'call.cancel' }), report('ending')],
  on: {
    'sip.call.ended': endAs('canceled'),
    'sip.call.failed': endAs('canceled'),
    'sip.session.failed': endAs('canceled'),
    // The 200 crossed our CANCEL: the call is up, so it must be hung up (and wrapped up).
    'sip.call.answered': answeredTo('ending'),
  },
});
