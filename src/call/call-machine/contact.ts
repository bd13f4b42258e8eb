// Who is on the other end: the CRM search beside the call, the agent's choice among matches, a new contact.
import { callSetup, searchNumber } from './setup';

/** Who is on the other end: the CRM search runs beside the call, from ringing to wrap-up. */
export const contact = callSetup.createStateConfig({
  initial: 'deciding',
  on: { 'call.close': '.closed' },
  states: {
    deciding: {
      always: [
        { guard: 'hasChosenRecord', target: 'chosen' },
        { guard: 'hasNumberToSearch', target: 'matching' },
        { target: 'noMatch' },
      ],
    },
    matching: {
      tags: 'contactSearching',
      invoke: {
        id: 'contactSearch',
        src: 'searchContacts',
        input: ({ context }) => ({ callId: context.callId, number: searchNumber(context) }),
        onDone: [
          {
            guard: { type: 'includesAboutRecord', params: ({ event }) => ({ matches: event.output }) },
            target: 'chosen',
            actions: [
              { type: 'storeMatches', params: ({ event }) => ({ matches: event.output }) },
              'chooseAboutRecord',
            ],
          },
          {
            guard: { type: 'isUnknownCallerToPop', params: ({ event }) => ({ matches: event.output }) },
            target: 'creatingContact',
            actions: { type: 'storeMatches', params: ({ event }) => ({ matches: event.output }) },
          },
          {
            guard: { type: 'isNoMatch', params: ({ event }) => ({ matches: event.output }) },
            target: 'noMatch',
            actions: { type: 'storeMatches', params: ({ event }) => ({ matches: event.output }) },
          },
          {
            guard: { type: 'isSingleMatch', params: ({ event }) => ({ matches: event.output }) },
            target: 'chosen',
            actions: [
              { type: 'storeMatches', params: ({ event }) => ({ matches: event.output }) },
              'chooseOnlyMatch',
            ],
          },
          {
            target: 'severalMatches',
            actions: { type: 'storeMatches', params: ({ event }) => ({ matches: event.output }) },
          },
        ],
        onError: {
          target: 'lookupFailed',
          actions: {
            type: 'storeLookupError',
            params: ({ event }) => ({
              message: event.error instanceof Error ? event.error.message : String(event.error),
            }),
          },
        },
      },
    },
    noMatch: { tags: 'noMatch', on: { 'ui.contact.new': 'creatingContact' } },
    severalMatches: {
      tags: 'severalMatches',
      on: {
        'ui.contact.pick': { guard: 'isOneOfMatches', target: 'chosen', actions: 'chooseMatch' },
        'ui.contact.new': 'creatingContact',
      },
    },
    creatingContact: {
      tags: 'creatingContact',
      entry: { type: 'popNewContactForm', params: ({ context }) => ({ number: context.remote.number }) },
      invoke: {
        id: 'createdContact',
        src: 'awaitCreatedContact',
        input: ({ context }) => ({ callId: context.callId, number: context.remote.number }),
      },
      on: {
        'crm.contact.created': { target: 'chosen', actions: 'chooseCreatedContact' },
        'ui.contact.cancel': [
          { guard: 'hasChosenRecord', target: 'chosen' },
          { guard: 'hasMatches', target: 'severalMatches' },
          { target: 'noMatch' },
        ],
      },
    },
    chosen: {
      entry: { type: 'screenPop', params: ({ context }) => ({ record: context.chosen }) },
      on: {
        'ui.contact.pick': {
          guard: 'isOneOfMatches',
          target: 'chosen',
          reenter: true,
          actions: 'chooseMatch',
        },
        'ui.contact.new': 'creatingContact',
      },
    },
    lookupFailed: {
      tags: 'lookupFailed',
      on: { 'ui.contact.retry': 'matching', 'ui.contact.new': 'creatingContact' },
    },
    closed: { type: 'final' },
  },
});
