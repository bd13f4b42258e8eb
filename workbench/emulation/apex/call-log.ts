// EMULATION of SoftphoneCallLog: call Tasks in the local store, keyed by the SIP Call-ID (CallObject) and
// the owner, so a retried save updates instead of duplicating. Validation and subjects ported from Apex.
import { AuraHandledException } from '../apex-error';
import type { ApexCall } from '../emulation-context';
import type { TaskRecord } from '../local-store';
import { sobjectOf, toIdOf } from '../salesforce-id';

export const DIRECTION_INBOUND = 'Inbound';
export const DIRECTION_OUTBOUND = 'Outbound';
export const CALL_TYPE_INTERNAL = 'Internal';
export const DISPOSITION_MISSED = 'Missed';
export const UNKNOWN_PARTY = 'an unknown number';
const MAX_DURATION_SECONDS = 86400;
const MAX_NOTES_LENGTH = 32000;
const MAX_TEXT_LENGTH = 255;
const MAX_NUMBER_LENGTH = 40;

/** SoftphoneCallLog.CallLogInput. */
export interface CallLogInput {
  callId?: string | null;
  direction?: string | null;
  internal?: boolean | null;
  phoneNumber?: string | null;
  displayName?: string | null;
  durationSeconds?: number | null;
  disposition?: string | null;
  notes?: string | null;
  whoId?: string | null;
  whatId?: string | null;
}

export interface CallLogResult {
  taskId: string;
  created: boolean;
}

interface CallLog {
  callId: string;
  callType: string;
  inbound: boolean;
  phoneNumber?: string;
  displayName?: string;
  durationSeconds?: number;
  disposition?: string;
  notes?: string;
  whoId?: string;
  whatId?: string;
}

const fail = (reason: string): never => {
  throw new AuraHandledException(`This call can't be logged: ${reason}`);
};

/** Apex's String.abbreviate: at most maxLength characters, "..." at the end when cut. */
function abbreviate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 3)}...`;
}

export function subjectOf(
  log: Pick<CallLog, 'displayName' | 'phoneNumber' | 'disposition' | 'inbound' | 'callType'>,
): string {
  const party = log.displayName ? log.displayName : log.phoneNumber ? log.phoneNumber : UNKNOWN_PARTY;
  let prefix: string;
  if (log.disposition?.toLowerCase() === DISPOSITION_MISSED.toLowerCase() && log.inbound) {
    prefix = log.callType === CALL_TYPE_INTERNAL ? 'Missed internal call from ' : 'Missed call from ';
  } else if (log.callType === CALL_TYPE_INTERNAL) {
    prefix = log.inbound ? 'Internal call from ' : 'Internal call to ';
  } else {
    prefix = log.inbound ? 'Inbound call from ' : 'Outbound call to ';
  }
  return abbreviate(prefix + party, MAX_TEXT_LENGTH);
}

function trimmed(value: string | null | undefined, maxLength: number, what: string): string | undefined {
  const text = value?.trim();
  if (text !== undefined && text.length > maxLength) {
    fail(`${what} is longer than ${maxLength} characters.`);
  }
  // Salesforce stores an empty text field as null.
  return text === '' ? undefined : text;
}

/** DML on a lookup to a record that does not exist fails like Salesforce's INVALID_CROSS_REFERENCE_KEY. */
function requireExisting(call: ApexCall, id: string | undefined): void {
  if (id === undefined) return;
  const s = call.sample;
  const all = [...s.contacts, ...s.leads, ...s.accounts];
  if (!all.some((r) => r.Id === id)) fail('invalid cross reference id');
}

function validate(call: ApexCall, input: CallLogInput | null): CallLog {
  if (!input) throw new AuraHandledException("This call can't be logged: the call details are missing.");
  const callId = (input.callId ?? '').trim();
  if (callId === '' || callId.length > MAX_TEXT_LENGTH) {
    fail('its call id is missing or longer than 255 characters.');
  }
  const direction = (input.direction ?? '').trim().toLowerCase();
  if (direction !== 'inbound' && direction !== 'outbound') fail('its direction must be Inbound or Outbound.');
  const inbound = direction === 'inbound';
  const log: CallLog = {
    callId,
    inbound,
    callType: input.internal === true ? CALL_TYPE_INTERNAL : inbound ? DIRECTION_INBOUND : DIRECTION_OUTBOUND,
  };
  const phoneNumber = trimmed(input.phoneNumber, MAX_NUMBER_LENGTH, 'the phone number');
  if (phoneNumber !== undefined) log.phoneNumber = phoneNumber;
  if (input.displayName != null) log.displayName = input.displayName.replace(/\s+/g, ' ').trim();
  if (input.durationSeconds != null) {
    if (input.durationSeconds < 0 || input.durationSeconds > MAX_DURATION_SECONDS) {
      fail(`its duration must be between 0 and ${MAX_DURATION_SECONDS} seconds.`);
    }
    log.durationSeconds = input.durationSeconds;
  }
  const disposition = trimmed(input.disposition, MAX_TEXT_LENGTH, 'the call result');
  if (disposition !== undefined) log.disposition = disposition;
  if (input.notes != null) {
    if (input.notes.length > MAX_NOTES_LENGTH) {
      fail(`the notes are longer than ${MAX_NOTES_LENGTH} characters.`);
    }
    log.notes = input.notes;
  }
  const whoId = toIdOf(input.whoId, ['Contact', 'Lead']);
  if ((input.whoId ?? '').trim() !== '' && whoId === undefined) {
    fail('the person it is related to must be a contact or a lead.');
  }
  const whatId = toIdOf(input.whatId, ['Account', 'Case', 'Opportunity']);
  if ((input.whatId ?? '').trim() !== '' && whatId === undefined) {
    fail('the record it is related to must be an account, a case or an opportunity.');
  }
  if (whoId !== undefined) log.whoId = whoId;
  // Salesforce refuses a Task whose person is a lead and that is also related to a record: keep the lead.
  if (whatId !== undefined && !(whoId !== undefined && sobjectOf(whoId) === 'Lead')) log.whatId = whatId;
  requireExisting(call, log.whoId);
  requireExisting(call, log.whatId);
  return log;
}

function findTask(call: ApexCall, callId: string): TaskRecord | undefined {
  return call.store.snapshot.tasks
    .filter((t) => t.CallObject === callId && t.OwnerId === call.user.Id)
    .sort((a, b) => a.CreatedDate.localeCompare(b.CreatedDate))[0];
}

function insertTask(call: ApexCall, log: CallLog): string {
  const now = new Date(call.now()).toISOString();
  const task: TaskRecord = {
    Id: call.store.newId('Task'),
    OwnerId: call.user.Id,
    Subject: subjectOf(log),
    TaskSubtype: 'Call',
    CallType: log.callType,
    CallObject: log.callId,
    CallDurationInSeconds: log.durationSeconds ?? 0,
    ...(log.disposition !== undefined ? { CallDisposition: log.disposition } : {}),
    ...(log.notes !== undefined ? { Description: log.notes } : {}),
    ...(log.phoneNumber !== undefined ? { Softphone_Phone_Number__c: log.phoneNumber } : {}),
    ...(log.whoId !== undefined ? { WhoId: log.whoId } : {}),
    ...(log.whatId !== undefined ? { WhatId: log.whatId } : {}),
    ActivityDate: now.slice(0, 10),
    Status: 'Completed',
    CreatedDate: now,
    LastModifiedDate: now,
  };
  call.store.update('tasks', (data) => data.tasks.push(task));
  return task.Id;
}

// A retry carries the latest values; fields it leaves empty keep what the earlier save wrote.
function updateTask(call: ApexCall, existing: TaskRecord, log: CallLog): string {
  call.store.update('tasks', () => {
    existing.Subject = subjectOf(log);
    existing.CallType = log.callType;
    if (log.durationSeconds !== undefined) existing.CallDurationInSeconds = log.durationSeconds;
    if (log.disposition !== undefined) existing.CallDisposition = log.disposition;
    if (log.notes !== undefined) existing.Description = log.notes;
    if (log.phoneNumber !== undefined) existing.Softphone_Phone_Number__c = log.phoneNumber;
    if (log.whoId !== undefined) existing.WhoId = log.whoId;
    if (log.whatId !== undefined) existing.WhatId = log.whatId;
    existing.LastModifiedDate = new Date(call.now()).toISOString();
  });
  return existing.Id;
}

export const SoftphoneCallLog = {
  logCall(call: ApexCall, params: { input: CallLogInput | null }): CallLogResult {
    const log = validate(call, params.input);
    const existing = findTask(call, log.callId);
    return existing
      ? { taskId: updateTask(call, existing, log), created: false }
      : { taskId: insertTask(call, log), created: true };
  },

  logMissedCall(call: ApexCall, params: { input: CallLogInput | null }): CallLogResult {
    const input = params.input
      ? { ...params.input, direction: DIRECTION_INBOUND, disposition: DISPOSITION_MISSED, durationSeconds: 0 }
      : null;
    const log = validate(call, input);
    const existing = findTask(call, log.callId);
    return existing
      ? { taskId: existing.Id, created: false }
      : { taskId: insertTask(call, log), created: true };
  },
};
