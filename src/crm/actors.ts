// The call machine's CRM actors and actions implemented on a CrmPort: contact search, call log, screen pop.
import { fromCallback, fromPromise } from 'xstate';
import type {
  AwaitCreatedContactInput,
  CallCrmEvent,
  CallRecord,
  SearchContactsInput,
  SearchContactsOutput,
} from '../call';
import type { CallLogEntry } from './crm-port';
import { CallLogError } from './call-log-error';
import type { ContactMatch } from './contact-match';
import type { CrmPort } from './crm-port';

/** What the agent sees when a call connects or a record is chosen (admin setting). */
export type ScreenPopPolicy = 'record' | 'none';

function subjectOf(record: CallRecord): string {
  const who = record.chosen?.name || record.remote.displayName || record.remote.number;
  return record.direction === 'incoming' ? `Inbound call from ${who}` : `Outbound call to ${who}`;
}

/**
 * The Task fields of a call: WhoId for people, WhatId for accounts; the SIP Call-ID keys retries.
 * `savedAt`: when this save begins; of two saves of one call, the Task keeps the one begun last.
 */
export function toCallLogEntry(record: CallRecord, savedAt: number): CallLogEntry {
  const chosen = record.chosen;
  const who =
    chosen && (chosen.objectType === 'Contact' || chosen.objectType === 'Lead') ? chosen.id : undefined;
  const what = chosen?.objectType === 'Account' ? chosen.id : undefined;
  return {
    callId: record.callId,
    callType: record.direction === 'incoming' ? 'Inbound' : 'Outbound',
    subject: subjectOf(record),
    durationSeconds: record.durationSeconds ?? 0,
    ...(record.disposition ? { disposition: record.disposition } : {}),
    ...(record.notes ? { notes: record.notes } : {}),
    ...(who ? { whoId: who } : {}),
    ...(what ? { whatId: what } : {}),
    activityDate: new Date(record.startedAt).toISOString().slice(0, 10),
    savedAt,
  };
}

/** 15- and 18-character ids name the same record when their first 15 characters agree. */
function sameRecord(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15);
}

const PEOPLE = ['Contact', 'Lead'];

export interface CrmActorOptions {
  screenPop?: ScreenPopPolicy;
  /** A screen pop that failed: nothing is lost, but the agent should know (shown by the host). */
  onError?: (error: unknown) => void;
  /** A call log was saved (the agent's recent calls changed). */
  onCallLogged?: () => void;
  /** Epoch ms (tests pass their own clock). */
  now?: () => number;
}

export function createCrmActors(crm: CrmPort, options: CrmActorOptions = {}) {
  const screenPopPolicy = options.screenPop ?? 'record';
  const onError = options.onError ?? (() => undefined);
  const now = options.now ?? Date.now;
  return {
    actors: {
      searchContacts: fromPromise<SearchContactsOutput, SearchContactsInput>(({ input }) =>
        crm.searchByNumber(input.number),
      ),
      // Rejects with a CallLogError, so the call machine tells a refusal for good from a save worth retrying.
      saveCallLog: fromPromise<unknown, CallRecord>(async ({ input }) => {
        let result;
        try {
          result = await crm.logCall(toCallLogEntry(input, now()));
        } catch (error) {
          throw CallLogError.from(error);
        }
        options.onCallLogged?.();
        return result;
      }),
      // The agent saves the new-contact form and lands on the new record: it is the caller's when a search
      // by the caller's number finds it (so a record page visited for another reason is never taken).
      awaitCreatedContact: fromCallback<CallCrmEvent, AwaitCreatedContactInput>(({ input, sendBack }) => {
        if (!crm.onRecordShown) return undefined;
        let waiting = true;
        const stop = crm.onRecordShown((shown) => {
          if (!PEOPLE.includes(shown.objectType)) return;
          crm.searchByNumber(input.number).then((matches) => {
            const record = matches.find((match) => sameRecord(match.id, shown.recordId));
            if (waiting && record) sendBack({ type: 'crm.contact.created', callId: input.callId, record });
          }, onError);
        });
        return () => {
          waiting = false;
          stop();
        };
      }),
    },
    actions: {
      screenPop: (_: unknown, params: { record: ContactMatch | null }) => {
        if (screenPopPolicy === 'none' || !params.record) return;
        crm.screenPop({ type: 'SOBJECT', params: { recordId: params.record.id } }).catch(onError);
      },
      popNewContactForm: (_: unknown, params: { number: string }) => {
        crm
          .screenPop({
            type: 'NEW_RECORD_MODAL',
            params: { entityName: 'Contact' },
            defaultFieldValues: { Phone: params.number },
          })
          .catch(onError);
      },
    },
  };
}
