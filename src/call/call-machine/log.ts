// The call log region: a Task upserted by callId, saved on demand and always before wrap-up ends.
import { toLoggedRecord } from '../call-context';
import { callSetup, errorMessage } from './setup';

/** The call log (a Task upserted by callId): saved on demand during the call and always before wrap-up ends. */
export const log = callSetup.createStateConfig({
  initial: 'idle',
  on: { 'call.close': '.closed' },
  states: {
    idle: {
      always: { guard: 'mustSaveForWrapUp', target: 'saving' },
      on: {
        'ui.notes.save': { guard: 'isLoggable', target: 'saving' },
        'ui.wrapUp.save': { guard: 'isLoggable', target: 'saving' },
        'ui.wrapUp.saveAndClose': { guard: 'isLoggable', target: 'saving' },
      },
    },
    saving: {
      tags: 'savingLog',
      entry: 'markSaving',
      invoke: {
        id: 'logSave',
        src: 'saveCallLog',
        input: ({ context }) => toLoggedRecord(context),
        onDone: { target: 'idle', actions: 'markSaved' },
        onError: [
          {
            guard: { type: 'isRefusal', params: ({ event }) => ({ error: event.error }) },
            target: 'refused',
            actions: { type: 'rememberSaveRefusal', params: ({ event }) => ({ error: event.error }) },
          },
          {
            target: 'retrying',
            actions: {
              type: 'rememberSaveError',
              params: ({ event }) => ({ message: errorMessage(event.error) }),
            },
          },
        ],
      },
    },
    /** The notes are kept; the save is tried again after a pause, or at once when asked. */
    retrying: {
      after: { saveRetry: 'saving' },
      on: { 'ui.notes.save': 'saving', 'ui.wrapUp.save': 'saving', 'ui.wrapUp.saveAndClose': 'saving' },
    },
    /**
     * The CRM will never take this save as it is (a validation rule, a missing permission, a deleted
     * record): no retry. The notes are kept and the agent chooses: save again after changing them, log
     * the call without the related record when that is what failed, or copy the notes and close.
     */
    refused: {
      tags: 'logRefused',
      on: {
        'ui.notes.save': 'saving',
        'ui.wrapUp.save': 'saving',
        'ui.wrapUp.saveAndClose': 'saving',
        'ui.wrapUp.saveWithoutRecord': {
          guard: 'isRecordRefused',
          target: 'saving',
          actions: 'dropRelatedRecord',
        },
        'ui.wrapUp.closeWithoutLog': { guard: 'isInWrapUp', target: 'abandoned' },
      },
    },
    /** Given up by the agent after a refusal, the notes copied: the call is not logged. */
    abandoned: {},
    closed: { type: 'final' },
  },
});
