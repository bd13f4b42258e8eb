// The actions and guards of transfer and conference (consultation.ts's states): beginning a consultation,
// holding and resuming the original call, dialling the third party, handing over or merging, and the
// conference's members. Typed against the machine's own types and actors, and joined to them in setup.ts.
import { assign, enqueueActions, not, stateIn } from 'xstate';
import type { LineStatus } from '../line-status';
import { MAX_CONFERENCE_PARTIES } from '../phone-settings';
import type { PhoneTypes } from './setup';
import {
  AUDIO_TAKING,
  BUSY_FAILURES,
  JOINABLE,
  aboutCustomer,
  conferenceCustomerCallId,
  dialRequestOf,
  eventCallId,
  occupiedLines,
  otherCallWith,
  outgoingInput,
  reportOf,
} from './support';
import type { Consultation, PhoneContext } from './support';

/** Each part extends the one before, so every action and guard is typed against the machine as one. */
export function withConsultationRules(phoneTypes: PhoneTypes) {
  return withConferenceTones(
    withConsultationGuards(withConferenceMembers(withOriginalCall(withConsultCall(phoneTypes)))),
  );
}

/** The consultation and its consult call: begun, dialled (with the customer it is about), hung up, over. */
function withConsultCall(types: PhoneTypes) {
  return types.extend({
    actions: {
      beginConsultation: assign(({ event }, params: { purpose: Consultation['purpose'] }) => ({
        consultation: {
          purpose: params.purpose,
          originalCallId: eventCallId(event),
          consultCallId: null,
          target: null,
        },
      })),
      beginConferenceAddition: assign({
        consultation: { purpose: 'conference', originalCallId: null, consultCallId: null, target: null },
      }),
      spawnConsultCall: enqueueActions(({ context, event, enqueue, self }) => {
        const request = dialRequestOf(event);
        if (!request || !context.consultation) return;
        // The consult call tells the third party which customer it is about: the call consulted from, or,
        // when adding to a running conference, the conference's customer (another agent joining gets it).
        const aboutCallId = context.consultation.originalCallId ?? conferenceCustomerCallId(context);
        const about = aboutCallId ? aboutCustomer(self, aboutCallId) : undefined;
        const input = { ...outgoingInput(context, request), ...(about ? { about } : {}) };
        enqueue.assign({
          lines: { ...context.lines, [input.callId]: 'dialing' },
          consultation: {
            ...context.consultation,
            consultCallId: input.callId,
            target: request.dial.ok ? request.dial.target : null,
          },
        });
        enqueue.spawnChild('callMachine', { id: input.callId, input });
      }),
      forgetConsultCall: assign(({ context }) =>
        context.consultation
          ? { consultation: { ...context.consultation, consultCallId: null, target: null } }
          : {},
      ),
      hangUpConsult: enqueueActions(({ context, enqueue }) => {
        const id = context.consultation?.consultCallId;
        if (id && context.lines[id] !== undefined) enqueue.sendTo(id, { type: 'ui.hangup', callId: id });
      }),
      endConsultation: assign({ consultation: null }),
      /** The held party left before the consult call connected: that call now offers only Hang up. */
      offerOnlyHangUp: enqueueActions(({ context, enqueue }) => {
        const id = context.consultation?.consultCallId;
        if (!id || context.lines[id] === undefined) return;
        enqueue.assign({ hangUpOnly: [...context.hangUpOnly, id] });
        enqueue.sendTo(id, { type: 'phone.consult.heldPartyGone' });
      }),
    },
  });
}

/** The call the agent consults from: held meanwhile, then resumed or handed over to the third party. */
function withOriginalCall(types: ReturnType<typeof withConsultCall>) {
  return types.extend({
    actions: {
      holdOriginal: enqueueActions(({ context, enqueue }) => {
        const id = context.consultation?.originalCallId;
        if (id && context.lines[id] !== undefined) enqueue.sendTo(id, { type: 'phone.hold' });
      }),
      /** Back to the original call, unless another call took the audio meanwhile: then it stays held. */
      resumeOriginal: enqueueActions(({ context, enqueue }) => {
        const c = context.consultation;
        const id = c?.originalCallId;
        if (!id || context.lines[id] === undefined) return;
        const others = {
          ...context,
          lines: Object.fromEntries(Object.entries(context.lines).filter(([k]) => k !== c.consultCallId)),
        };
        if (otherCallWith(others, id, AUDIO_TAKING) === null) enqueue.sendTo(id, { type: 'phone.resume' });
      }),
      /**
       * An unsupervised transfer completes in the same macrostep as the consult dial, so the REFER follows
       * the consult INVITE; `dialing` decides whether it may (a refused number has no transfer target).
       */
      handOverIfUnsupervised: enqueueActions(({ event, enqueue }) => {
        if (dialRequestOf(event)?.transfer === 'unsupervised')
          enqueue.raise({ type: 'ui.transfer.complete' });
      }),
      transferBlind: enqueueActions(({ context, enqueue }) => {
        const c = context.consultation;
        if (c?.originalCallId && c.target && context.lines[c.originalCallId] !== undefined) {
          enqueue.sendTo(c.originalCallId, { type: 'phone.transfer.blind', target: c.target });
        }
      }),
      transferAttended: enqueueActions(({ context, enqueue }) => {
        const c = context.consultation;
        if (c?.originalCallId && c.consultCallId && context.lines[c.originalCallId] !== undefined) {
          enqueue.sendTo(c.originalCallId, {
            type: 'phone.transfer.attended',
            consultCallId: c.consultCallId,
          });
        }
      }),
    },
  });
}

/** The conference the agent's browser bridges: its members join, leave, are removed, or it dissolves. */
function withConferenceMembers(types: ReturnType<typeof withOriginalCall>) {
  return types.extend({
    actions: {
      /** Everyone joins the mix; parties on hold are taken off hold by the join. */
      mergeConference: enqueueActions(({ context, enqueue }) => {
        const c = context.consultation;
        if (!c) return;
        const joining = [c.originalCallId, c.consultCallId].filter(
          (id): id is string =>
            id !== null && context.lines[id] !== undefined && !context.conference.includes(id),
        );
        enqueue.assign({ conference: [...context.conference, ...joining] });
        for (const id of joining) enqueue.sendTo(id, { type: 'phone.conference.join' });
      }),
      removeMember: assign(({ context, event }) => {
        const report = reportOf(event);
        return report ? { conference: context.conference.filter((id) => id !== report.callId) } : {};
      }),
      hangUpMember: enqueueActions(({ context, event, enqueue }) => {
        if (event.type === 'ui.conference.remove' && context.lines[event.callId] !== undefined) {
          enqueue.sendTo(event.callId, { type: 'ui.hangup', callId: event.callId });
        }
      }),
      hangUpAllMembers: enqueueActions(({ context, enqueue }) => {
        for (const id of context.conference) {
          if (context.lines[id] !== undefined) enqueue.sendTo(id, { type: 'ui.hangup', callId: id });
        }
      }),
      /** One party left: it is an ordinary call again. */
      dissolveConference: enqueueActions(({ context, enqueue }) => {
        for (const id of context.conference) {
          if (context.lines[id] !== undefined) enqueue.sendTo(id, { type: 'phone.conference.dissolved' });
        }
        enqueue.assign({ conference: [] });
      }),
    },
  });
}

/** Whether a transfer or conference may start, grow, merge or shrink. */
function withConsultationGuards(types: ReturnType<typeof withConferenceMembers>) {
  return types.extend({
    guards: {
      isAwaitingConsultTarget: stateIn('#phone.consultation.awaitingTarget'),
      isConsulting: not(stateIn('#phone.consultation.idle')),
      /** Another call (not in the conference) has the audio: the third party cannot be dialled over it. */
      isAudioTakenOutsideConference: ({ context, event }) =>
        Object.entries(context.lines).some(
          ([id, status]) =>
            id !== eventCallId(event) && !context.conference.includes(id) && AUDIO_TAKING.includes(status),
        ),
      /** A call on hold cannot be transferred or conferenced: only a live call can start a consultation. */
      canStartTransfer: ({ context, event }) =>
        event.type === 'ui.transfer.start' &&
        context.settings.mode === 'softphone' &&
        context.lines[event.callId] === 'live' &&
        !context.conference.includes(event.callId) &&
        !context.hangUpOnly.includes(event.callId) &&
        occupiedLines(context.lines) < context.settings.maxLines,
      canStartConference: ({ context, event }) =>
        event.type === 'ui.conference.start' &&
        context.settings.mode === 'softphone' &&
        context.lines[event.callId] === 'live' &&
        context.conference.length === 0 &&
        !context.hangUpOnly.includes(event.callId) &&
        occupiedLines(context.lines) < context.settings.maxLines,
      /** Up to five parties: the agent and four others. */
      canAddToConference: ({ context, event }) =>
        event.type === 'ui.conference.start' &&
        context.conference.includes(event.callId) &&
        context.conference.length + 1 < MAX_CONFERENCE_PARTIES &&
        occupiedLines(context.lines) < context.settings.maxLines,
      /** Both legs are in a state that can join the mix now (not between a hold and its answer). */
      canMergeLegs: ({ context }) => {
        const c = context.consultation;
        if (c?.purpose !== 'conference' || !c.consultCallId) return false;
        return [c.originalCallId, c.consultCallId].every(
          (id) => id === null || JOINABLE.includes(context.lines[id] as LineStatus),
        );
      },
      isTransferConsultation: ({ context }) => context.consultation?.purpose === 'transfer',
      hasTransferTarget: ({ context }) =>
        context.consultation?.purpose === 'transfer' && context.consultation.target !== null,
      hasConference: ({ context }) => context.conference.length >= 2,
      /**
       * Nobody left, or one party left and no consultation: while the agent consults someone to add, a
       * last party stays in the mix rather than be put on hold under the consultation (a hold can fail).
       */
      isConferenceTooSmall: ({ context }) =>
        context.conference.length === 0 || (context.conference.length === 1 && context.consultation === null),
      isConferenceMember: ({ context, event }) =>
        event.type === 'ui.conference.remove' && context.conference.includes(event.callId),
    },
  });
}

/** The call dialled to add a party to the running conference (not one that started it from a held call). */
function consultAddingTo(context: PhoneContext): string | null {
  const c = context.consultation;
  return c?.purpose === 'conference' && c.originalCallId === null ? c.consultCallId : null;
}

/** Parties being added to the conference: merged before they answered, or dialled to be added. */
function partiesBeingAdded(context: PhoneContext): string[] {
  const ringing = context.ringingMembers.filter((id) => context.conference.includes(id));
  const dialled = consultAddingTo(context);
  return dialled === null ? ringing : [...ringing, dialled];
}

/** What the conference hears while a party is added (conference-tone.ts decides which tone plays). */
function withConferenceTones(types: ReturnType<typeof withConsultationGuards>) {
  return types.extend({
    guards: {
      /** Someone is in the conference to hear it, and a party being added has not answered yet. */
      isPartyRingingForConference: ({ context }) =>
        context.conference.length > 0 &&
        partiesBeingAdded(context).some(
          (id) => context.ringingMembers.includes(id) || context.lines[id] === 'dialing',
        ),
      /** The last party hears the busy signal out before the conference becomes an ordinary call. */
      isBusyTonePlaying: stateIn('#phone.conferenceTone.busy'),
      /** A party being added ended busy (486, 600) or declined (403, 603). */
      isAddedPartyBusy: ({ context, event }) =>
        event.type === 'call.status' &&
        event.status === 'ended' &&
        event.failure !== undefined &&
        BUSY_FAILURES.includes(event.failure) &&
        partiesBeingAdded(context).includes(event.callId),
    },
  });
}
