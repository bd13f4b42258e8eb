// A call connected in the browser: audio (hold, resume, transfer, conference), mute and keypad.
import { callSetup, report, command, aboutThisCall, endAs, remember, alert } from './setup';

/** Taking a held call off hold into the mix failed: it stays held, and the agent is told. */
const joinFailed = { target: '#held', actions: remember('conference-join-failed') } as const;

export const connected = callSetup.createStateConfig({
  type: 'parallel',
  tags: ['connected'],
  on: {
    'ui.hangup': { guard: 'isNotTransferring', target: 'ending' },
    'sip.call.ended': endAs('completed'),
    'sip.call.replaced': {
      target: '#call.progress.ended',
      actions: [
        'markReplaced',
        { type: 'recordEnd', params: ({ event }) => ({ outcome: 'completed', at: event.at }) },
      ],
    },
  },
  states: {
    audio: {
      initial: 'entering',
      states: {
        entering: {
          always: [
            { guard: 'isConferenceMember', target: 'conference' },
            // The take-back offered hold (sendonly): the call is already held on the wire.
            { guard: 'isRestoredHeld', target: 'held' },
            { target: 'active' },
          ],
        },
        active: {
          id: 'active',
          tags: ['liveAudio'],
          entry: report('live'),
          on: {
            'ui.hold': { guard: 'offersAllControls', target: 'holding' },
            'phone.hold': 'holding',
            'phone.conference.join': 'conference',
          },
        },
        /** Hold requested; the agent's audio is already cut, the re-INVITE is in flight. */
        holding: {
          id: 'holding',
          entry: [command({ type: 'call.hold' }), report('holding')],
          initial: 'requested',
          states: {
            requested: {
              on: {
                'ui.resume': 'resumeQueued',
                'phone.resume': 'resumeQueued',
                'phone.conference.join': 'joinQueued',
                'sip.reinvite.succeeded': '#held',
              },
            },
            /** Resume pressed while the hold is in flight: sent once the hold completes. */
            resumeQueued: {
              on: {
                'ui.hold': 'requested',
                'phone.hold': 'requested',
                'phone.conference.join': 'joinQueued',
                'sip.reinvite.succeeded': '#resuming',
              },
            },
            /** Merged while the hold is in flight: taken off hold into the mix once it completes. */
            joinQueued: {
              on: {
                'sip.reinvite.succeeded': '#conferenceJoining',
                // The hold did not happen: the call is still connected, so it joins at once.
                'sip.reinvite.failed': '#conferenceJoined',
              },
            },
          },
          on: {
            'sip.reinvite.failed': { target: 'active', actions: remember('hold-failed') },
          },
        },
        held: {
          id: 'held',
          entry: report('held'),
          initial: 'timing',
          states: {
            timing: {
              always: [{ guard: 'hasMaxHoldTime', target: 'waiting' }, { target: 'indefinitely' }],
            },
            waiting: { after: { maxHold: 'recalling' } },
            indefinitely: {},
            /** Held too long: the call rings back to the agent; answering resumes it. */
            recalling: {
              tags: ['alerting'],
              entry: report('recalling'),
              invoke: alert('recall'),
              on: { 'ui.answer': '#resuming' },
            },
          },
          on: {
            'ui.resume': 'resuming',
            'phone.resume': 'resuming',
            'phone.transfer.blind': {
              target: 'transferring',
              actions: [
                { type: 'markTransfer', params: { kind: 'blind' } },
                {
                  type: 'sendToSip',
                  params: ({ context, event }) => ({
                    type: 'call.transfer.blind',
                    target: event.target,
                    ...aboutThisCall(context),
                  }),
                },
              ],
            },
            'phone.transfer.attended': {
              target: 'transferring',
              actions: [
                { type: 'markTransfer', params: { kind: 'attended' } },
                {
                  type: 'sendToSip',
                  params: ({ context, event }) => ({
                    type: 'call.transfer.attended',
                    consultCallId: event.consultCallId,
                    ...aboutThisCall(context),
                  }),
                },
              ],
            },
            'phone.conference.join': 'conference.joining',
          },
        },
        resuming: {
          id: 'resuming',
          entry: [command({ type: 'call.resume' }), report('live')],
          initial: 'requested',
          states: {
            requested: {
              on: {
                'ui.hold': 'holdQueued',
                'phone.hold': 'holdQueued',
                'phone.conference.join': 'joinQueued',
                'sip.reinvite.succeeded': '#active',
              },
            },
            /** Hold pressed while the resume is in flight: sent once the resume completes. */
            holdQueued: {
              on: {
                'ui.resume': 'requested',
                'phone.conference.join': 'joinQueued',
                'sip.reinvite.succeeded': '#holding',
              },
            },
            /** Merged while coming off hold: the resume in flight is the one that joins the mix. */
            joinQueued: {
              on: {
                'sip.reinvite.succeeded': '#conferenceJoined',
                'sip.reinvite.failed': joinFailed,
              },
            },
          },
          on: {
            'sip.reinvite.failed': { target: 'held', actions: remember('resume-failed') },
          },
        },
        /** REFER sent; only the SIP layer's final answer decides. */
        transferring: {
          id: 'transferring',
          entry: report('transferring'),
          initial: 'requested',
          states: {
            requested: { on: { 'sip.transfer.accepted': 'accepted' } },
            accepted: {},
          },
          on: {
            'sip.transfer.succeeded': endAs('transferred'),
            'sip.transfer.failed': [
              {
                guard: 'isBlindTransfer',
                target: 'transferReturned',
                actions: remember('transfer-failed'),
              },
              { target: 'held', actions: remember('transfer-failed') },
            ],
          },
        },
        /** An unsupervised transfer failed: the call comes back to the agent ringing. */
        transferReturned: {
          tags: ['alerting'],
          entry: report('recalling'),
          invoke: alert('transferReturned'),
          on: {
            'ui.answer': 'resuming',
            'ui.resume': 'resuming',
            'phone.conference.join': 'conference.joining',
          },
        },
        /** Mixed into the conference the agent's browser bridges. */
        conference: {
          tags: ['conference'],
          entry: report('conference'),
          initial: 'joined',
          states: {
            /** Was on hold: taken off hold to join. */
            joining: {
              id: 'conferenceJoining',
              entry: command({ type: 'call.resume' }),
              on: {
                'sip.reinvite.succeeded': 'joined',
                'sip.reinvite.failed': joinFailed,
              },
            },
            joined: {
              id: 'conferenceJoined',
              tags: ['liveAudio'],
              entry: command({ type: 'call.conference.join' }),
            },
          },
          on: {
            'phone.conference.dissolved': {
              target: 'active',
              actions: ['leaveConference', command({ type: 'call.conference.leave' })],
            },
          },
        },
      },
    },
    mute: {
      initial: 'unmuted',
      states: {
        unmuted: {
          on: {
            'ui.mute': {
              guard: 'offersAllControls',
              target: 'muted',
              actions: command({ type: 'call.mute' }),
            },
          },
        },
        muted: {
          tags: 'muted',
          on: { 'ui.unmute': { target: 'unmuted', actions: command({ type: 'call.unmute' }) } },
        },
      },
    },
    keypad: {
      initial: 'hidden',
      states: {
        hidden: { on: { 'ui.keypad.toggle': { guard: 'offersAllControls', target: 'shown' } } },
        shown: {
          tags: 'keypadOpen',
          on: {
            'ui.keypad.toggle': 'hidden',
            'ui.dtmf': [
              {
                guard: 'isDtmf',
                actions: {
                  type: 'sendToSip',
                  params: ({ event }) => ({ type: 'call.dtmf', digits: event.digits }),
                },
              },
              { actions: remember('invalid-dtmf') },
            ],
          },
        },
      },
    },
    /**
     * "When a connected party hangs up while you are creating a consultation call … you are presented with
     * a disconnect call option only after you connect to the third party": hold, conference, transfer and
     * the dial pad stay away for the rest of the call (the phone machine reads the tag for the last two).
     */
    controls: {
      initial: 'full',
      states: {
        full: { on: { 'phone.consult.heldPartyGone': 'hangUpOnly' } },
        hangUpOnly: { id: 'hangUpOnly', tags: 'hangUpOnly' },
      },
    },
  },
});
