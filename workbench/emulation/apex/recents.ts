// EMULATION of SoftphoneRecents.listRecents: the running user's call Tasks, newest first, as Missed,
// Received or Dialed (kind from CallType and CallDisposition; internal calls by the subject).
import type { ApexCall } from '../emulation-context';
import type { TaskRecord } from '../local-store';
import { fullName } from '../sample-data';
import { sobjectOf } from '../salesforce-id';
import { CALL_TYPE_INTERNAL, DIRECTION_OUTBOUND, DISPOSITION_MISSED, UNKNOWN_PARTY } from './call-log';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
const SUBJECT_PREFIXES = [
  'Missed internal call from ',
  'Internal call from ',
  'Internal call to ',
  'Inbound call from ',
  'Outbound call to ',
  'Missed call from ',
];

/** SoftphoneRecents.RecentCall. */
export interface RecentCall {
  taskId: string;
  kind: string;
  internal: boolean;
  phoneNumber?: string;
  name?: string;
  whoId?: string;
  whoType?: string;
  whatId?: string;
  durationSeconds?: number;
  disposition?: string;
  callTime: string;
}

export function kindOf(callType?: string, disposition?: string, subject?: string): string {
  if (disposition?.toLowerCase() === DISPOSITION_MISSED.toLowerCase()) return 'Missed';
  if (callType === DIRECTION_OUTBOUND) return 'Dialed';
  if (callType === CALL_TYPE_INTERNAL && subject?.startsWith('Internal call to ')) return 'Dialed';
  return 'Received';
}

export function nameFromSubject(subject?: string): string | undefined {
  const prefix = SUBJECT_PREFIXES.find((p) => subject?.startsWith(p));
  if (prefix === undefined || subject === undefined) return undefined;
  const party = subject.slice(prefix.length);
  return party === UNKNOWN_PARTY ? undefined : party;
}

/** Who.Name of a Task's WhoId (Contact or Lead in the sample data). */
export function whoName(call: Pick<ApexCall, 'sample'>, whoId: string): string | undefined {
  const who = [...call.sample.contacts, ...call.sample.leads].find((r) => r.Id === whoId);
  return who ? fullName(who) : undefined;
}

function toRecent(call: ApexCall, task: TaskRecord): RecentCall {
  const name = task.WhoId ? whoName(call, task.WhoId) : nameFromSubject(task.Subject);
  return {
    taskId: task.Id,
    kind: kindOf(task.CallType, task.CallDisposition, task.Subject),
    internal: task.CallType === CALL_TYPE_INTERNAL,
    ...(task.Softphone_Phone_Number__c !== undefined ? { phoneNumber: task.Softphone_Phone_Number__c } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(task.WhoId !== undefined ? { whoId: task.WhoId, whoType: sobjectOf(task.WhoId) } : {}),
    ...(task.WhatId !== undefined ? { whatId: task.WhatId } : {}),
    ...(task.CallDurationInSeconds !== undefined ? { durationSeconds: task.CallDurationInSeconds } : {}),
    ...(task.CallDisposition !== undefined ? { disposition: task.CallDisposition } : {}),
    callTime: task.CreatedDate,
  };
}

export const SoftphoneRecents = {
  listRecents(call: ApexCall, params: { limitCount: number | null }): RecentCall[] {
    const limit = params.limitCount;
    const maxRows = limit === null || limit < 1 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    return call.store.snapshot.tasks
      .filter((t) => t.OwnerId === call.user.Id && t.TaskSubtype === 'Call' && t.CallType)
      .sort((a, b) => b.CreatedDate.localeCompare(a.CreatedDate) || b.Id.localeCompare(a.Id))
      .slice(0, maxRows)
      .map((t) => toRecent(call, t));
  },
};
