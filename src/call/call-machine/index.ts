// One call (one SIP session leg): contact lookup, call progress, and the call log, as three parallel regions.
// This root lists the regions and the session's states in the order docs/call-states.md shows them; each
// state's behaviour lives in the file named after its part of the call, on the shared setup (setup.ts).
import { and } from 'xstate';
import { createCallContext, toCallRecord } from '../call-context';
import { connected } from './connected';
import { contact } from './contact';
import { deskphone, monitored } from './deskphone';
import { ended, ending, failed, finished, wrapUp } from './ending';
import { abandoning, answering, notified, recovering, redirecting, rejecting, ringing } from './incoming';
import { log } from './log';
import { calling, canceling, ringback, ringingIntoConference } from './outgoing';
import { callSetup, endAs, notesEditing } from './setup';

export { REJECT_STATUS_CODE } from './setup';
export type { CallTag } from './setup';

export const callMachine = callSetup.createMachine({
  id: 'call',
  type: 'parallel',
  context: ({ input }) => createCallContext(input),
  output: ({ context }) => toCallRecord(context),
  states: {
    contact,

    /** The call itself, from the first SIP message to the end of wrap-up. */
    progress: {
      initial: 'starting',
      states: {
        /** A number the dialing rules refused never reaches SIP. */
        starting: {
          always: [
            { guard: 'isRestoredInWrapUp', target: 'wrapUp' },
            { guard: 'isDialRejected', target: 'failed', actions: 'recordDialRejection' },
            { target: 'session' },
          ],
        },

        /** A SIP session exists; the sipSession actor lives exactly as long as this state. */
        session: {
          invoke: {
            id: 'sip',
            src: 'sipSession',
            input: ({ context }) => ({
              callId: context.callId,
              direction: context.direction,
              mode: context.mode,
            }),
          },
          on: {
            ...notesEditing,
            'sip.session.failed': [
              { guard: 'wasAnswered', ...endAs('completed') },
              { guard: 'isIncoming', ...endAs('missed') },
              {
                target: 'failed',
                actions: {
                  type: 'recordFailure',
                  params: ({ event }) => ({ reason: 'network', at: event.at }),
                },
              },
            ],
          },
          initial: 'routing',
          states: {
            routing: {
              always: [
                { guard: 'isRecovering', target: 'recovering' },
                { guard: and(['isIncoming', 'isDeskphoneMode']), target: 'notified' },
                { guard: 'isIncoming', target: 'ringing' },
                { guard: 'isDeskphoneMode', target: 'deskphone' },
                { target: 'calling' },
              ],
            },
            recovering,
            abandoning,
            ringing,
            notified,
            answering,
            rejecting,
            redirecting,
            calling,
            ringback,
            ringingIntoConference,
            canceling,
            deskphone,
            connected,
            monitored,
            ending,
          },
        },

        ended,
        failed,
        wrapUp,
        finished,
      },
    },

    log,
  },
});

export type CallMachine = typeof callMachine;
