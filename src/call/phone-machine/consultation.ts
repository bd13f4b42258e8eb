// Transfer and conference: hold the call, dial a third party, then hand over, merge or go back; and the
// conference the agent's browser bridges.
import { and, not } from 'xstate';
import { phoneSetup } from './setup';
import { GONE, LEFT_CONFERENCE, consultDial, isReport } from './support';

/** Transfer and conference start by holding the call and dialling a third party. */
export const consultation = phoneSetup.createStateConfig({
  initial: 'idle',
  states: {
    idle: {
      on: {
        'ui.transfer.start': {
          guard: 'canStartTransfer',
          target: 'holdingOriginal',
          actions: [{ type: 'beginConsultation', params: { purpose: 'transfer' } }, 'holdOriginal'],
        },
        'ui.conference.start': [
          { guard: 'canAddToConference', target: 'awaitingTarget', actions: 'beginConferenceAddition' },
          {
            guard: 'canStartConference',
            target: 'holdingOriginal',
            actions: [{ type: 'beginConsultation', params: { purpose: 'conference' } }, 'holdOriginal'],
          },
        ],
      },
    },
    holdingOriginal: {
      on: {
        'call.status': [
          { guard: isReport('original', ['held']), target: 'awaitingTarget' },
          { guard: isReport('original', ['live', ...GONE]), target: 'idle', actions: 'endConsultation' },
        ],
        'ui.consult.cancel': { target: 'idle', actions: ['resumeOriginal', 'endConsultation'] },
      },
    },
    /** The agent searches or clicks to dial the third party. */
    awaitingTarget: {
      on: {
        'ui.dial': consultDial,
        'phone.clickToDial.accepted': consultDial,
        'ui.consult.cancel': { target: 'idle', actions: ['resumeOriginal', 'endConsultation'] },
        'call.status': { guard: isReport('original', GONE), target: 'idle', actions: 'endConsultation' },
      },
    },
    /** The third party is being called; an unsupervised transfer or an early merge can happen now. */
    dialing: {
      on: {
        'call.status': [
          { guard: isReport('consult', ['live']), target: 'talking' },
          { guard: isReport('consult', GONE), target: 'awaitingTarget', actions: 'forgetConsultCall' },
          { guard: isReport('original', GONE), target: 'heldPartyGone' },
        ],
        'ui.transfer.complete': {
          guard: 'hasTransferTarget',
          target: 'transferring',
          actions: ['transferBlind', 'hangUpConsult'],
        },
        'ui.conference.merge': {
          guard: 'canMergeLegs',
          target: 'idle',
          actions: ['mergeConference', 'endConsultation'],
        },
        'ui.consult.cancel': {
          target: 'idle',
          actions: ['hangUpConsult', 'resumeOriginal', 'endConsultation'],
        },
      },
    },
    /** The held party hung up: only disconnect is offered until the consult call connects. */
    heldPartyGone: {
      on: {
        'call.status': [
          {
            guard: isReport('consult', ['live']),
            target: 'idle',
            actions: ['offerOnlyHangUp', 'endConsultation'],
          },
          { guard: isReport('consult', GONE), target: 'idle', actions: 'endConsultation' },
        ],
      },
    },
    talking: {
      on: {
        'call.status': [
          { guard: isReport('consult', GONE), target: 'awaitingTarget', actions: 'forgetConsultCall' },
          { guard: isReport('original', GONE), target: 'idle', actions: 'endConsultation' },
        ],
        'ui.transfer.complete': {
          guard: 'isTransferConsultation',
          target: 'transferring',
          actions: 'transferAttended',
        },
        'ui.conference.merge': {
          guard: 'canMergeLegs',
          target: 'idle',
          actions: ['mergeConference', 'endConsultation'],
        },
        'ui.consult.cancel': {
          target: 'idle',
          actions: ['hangUpConsult', 'resumeOriginal', 'endConsultation'],
        },
      },
    },
    /** The outcome comes from the SIP layer through the original call. */
    transferring: {
      on: {
        'call.status': [
          { guard: isReport('original', ['held']), target: 'talking' },
          {
            guard: isReport('original', ['recalling', ...GONE]),
            target: 'idle',
            actions: 'endConsultation',
          },
        ],
      },
    },
  },
});

/** The agent's browser is the bridge; the conference ends when the agent leaves. */
export const conference = phoneSetup.createStateConfig({
  initial: 'none',
  states: {
    none: { always: { guard: 'hasConference', target: 'active' } },
    active: {
      always: {
        guard: and(['isConferenceTooSmall', not('isBusyTonePlaying')]),
        target: 'none',
        actions: 'dissolveConference',
      },
      on: {
        'call.status': { guard: isReport('member', LEFT_CONFERENCE), actions: 'removeMember' },
        'ui.conference.remove': { guard: 'isConferenceMember', actions: 'hangUpMember' },
        'ui.conference.leave': { actions: 'hangUpAllMembers' },
      },
    },
  },
});
