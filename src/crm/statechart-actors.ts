// The call machine's CRM actors and actions implemented on a CrmPort: contact search, call log, screen pop.
import { fromPromise } from 'xstate';
import type { CallRecord, SearchContactsInput, SearchContactsOutput } from '../call';
import type { CallLogEntry } from './call-log-entry';
import type { ContactMatch } from './contact-match';
import type { CrmPort } from './crm-port';

/** What the agent sees when a call connects or a record is chosen (admin setting). */
export type ScreenPopPolicy = 'record' | 'none';

function subjectOf(record: CallRecord): string {
  const who = record.chosen?.name || record.remote.displayName || record.remote.number;
  return record.direction === 'incoming' ? `Inbound call from ${who}` : `Outbound call to ${who}`;
}

/** The Task fields of a call: WhoId for people, WhatId for accounts; the SIP Call-ID keys retries. */
export function toCallLogEntry(record: CallRecord): CallLogEntry {
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
  };
}

export interface CrmActorOptions {
  screenPop?: ScreenPopPolicy;
  /** A screen pop that failed: nothing is lost, but the agent should know (shown by the host). */
  onError?: (error: unknown) => void;
}

export function createCrmActors(crm: CrmPort, options: CrmActorOptions = {}) {
  const screenPopPolicy = options.screenPop ?? 'record';
  const onError = options.onError ?? (() => undefined);
  return {
    actors: {
      searchContacts: fromPromise<SearchContactsOutput, SearchContactsInput>(({ input }) =>
        crm.searchByNumber(input.number),
      ),
      saveCallLog: fromPromise<unknown, CallRecord>(({ input }) => crm.logCall(toCallLogEntry(input))),
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
