// EMULATION of SoftphoneCallLog: call Tasks in the local store, keyed by the SIP Call-ID (CallObject) and
// the owner, so a retried save updates instead of duplicating. Validation, subjects, the unique call key
// (Softphone_Call_Key__c: a second insert fails with DUPLICATE_VALUE, and that save updates the first Task),
// the rule "the save begun last wins" (savedAt) and the coded refusals ("CODE: message") ported from Apex.
import { createHash } from 'node:crypto';
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
  /** Unix ms when the softphone began this save. */
  savedAt?: number | null;
}

export interface CallLogResult {
  taskId: string;
  created: boolean;
}

interface CallLog {
  callId: string;
  key: string;
  savedAt?: number;
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

/** SoftphoneCallLog.CODE_* */
type RefusalCode = 'INVALID_INPUT' | 'VALIDATION_RULE' | 'NO_ACCESS' | 'RELATED_RECORD' | 'TRY_AGAIN';

/** SoftphoneCallLog.CallLogException: logCall sends it as "CODE: message", logMissedCall as the message. */
class CallLogRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

const fail = (reason: string, code: RefusalCode = 'INVALID_INPUT'): never => {
  throw new CallLogRefusal(code, `This call can't be logged: ${reason}`);
};

/** SHA-256 (hex) of the owner's id and the Call-ID, as SoftphoneCallLog.keyOf. */
function keyOf(call: ApexCall, callId: string): string {
  return createHash('sha256').update(`${call.user.Id} ${callId}`).digest('hex');
}

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
  if (!all.some((r) => r.Id === id)) fail('invalid cross reference id', 'RELATED_RECORD');
}

/** The org's refusals a test switched on (call-log-switch.ts), as the DML of a real org would give them. */
function checkOrgRules(call: ApexCall, log: CallLog): void {
  switch (call.callLog.refusal) {
    case 'validation-rule':
      return fail('Notes must name the order number (workbench validation rule).', 'VALIDATION_RULE');
    case 'field-access':
      throw new CallLogRefusal(
        'NO_ACCESS',
        'You can\'t log this call: you don\'t have permission to edit the Task field "Comments" (Task.Description). Ask your Salesforce admin for access.',
      );
    case 'deleted-record':
      if (log.whoId !== undefined || log.whatId !== undefined) {
        fail('the contact, lead or record it is related to was deleted.', 'RELATED_RECORD');
      }
  }
}

function validate(call: ApexCall, input: CallLogInput | null): CallLog {
  if (!input) return fail('the call details are missing.');
  const callId = (input.callId ?? '').trim();
  if (callId === '' || callId.length > MAX_TEXT_LENGTH) {
    fail('its call id is missing or longer than 255 characters.');
  }
  const direction = (input.direction ?? '').trim().toLowerCase();
  if (direction !== 'inbound' && direction !== 'outbound') fail('its direction must be Inbound or Outbound.');
  const inbound = direction === 'inbound';
  const log: CallLog = {
    callId,
    key: keyOf(call, callId),
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
  if (input.savedAt != null) {
    if (input.savedAt < 0) fail('the time it was saved at is negative.');
    log.savedAt = input.savedAt;
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
    fail('the person it is related to must be a contact or a lead.', 'RELATED_RECORD');
  }
  const whatId = toIdOf(input.whatId, ['Account', 'Case', 'Opportunity']);
  if ((input.whatId ?? '').trim() !== '' && whatId === undefined) {
    fail('the record it is related to must be an account, a case or an opportunity.', 'RELATED_RECORD');
  }
  if (whoId !== undefined) log.whoId = whoId;
  // Salesforce refuses a Task whose person is a lead and that is also related to a record: keep the lead.
  if (whatId !== undefined && !(whoId !== undefined && sobjectOf(whoId) === 'Lead')) log.whatId = whatId;
  requireExisting(call, log.whoId);
  requireExisting(call, log.whatId);
  return log;
}

/** The call's Task: by its key, or (logged before the key existed) by CallObject and owner. */
function findTask(call: ApexCall, log: CallLog): TaskRecord | undefined {
  return call.store.snapshot.tasks.find(
    (t) =>
      t.Softphone_Call_Key__c === log.key ||
      (t.Softphone_Call_Key__c === undefined && t.CallObject === log.callId && t.OwnerId === call.user.Id),
  );
}

/** The new Task's id, or undefined when a Task with this call's key exists (the unique index: DUPLICATE_VALUE). */
function insertTask(call: ApexCall, log: CallLog): string | undefined {
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
    Softphone_Call_Key__c: log.key,
    ...(log.savedAt !== undefined ? { Softphone_Saved_At__c: log.savedAt } : {}),
    ...(log.whoId !== undefined ? { WhoId: log.whoId } : {}),
    ...(log.whatId !== undefined ? { WhatId: log.whatId } : {}),
    ActivityDate: now.slice(0, 10),
    Status: 'Completed',
    CreatedDate: now,
    LastModifiedDate: now,
  };
  let inserted = false;
  // The check and the write happen in one store update: nothing can come between them (as the index).
  call.store.update('tasks', (data) => {
    if (data.tasks.some((t) => t.Softphone_Call_Key__c === log.key)) return;
    data.tasks.push(task);
    inserted = true;
  });
  return inserted ? task.Id : undefined;
}

/**
 * A retry carries the latest values; fields it leaves empty keep what the earlier save wrote. A save begun
 * before the one the Task holds (an older tab's, finishing late) changes nothing.
 */
function updateTask(call: ApexCall, existing: TaskRecord, log: CallLog): string {
  const stale =
    log.savedAt !== undefined &&
    existing.Softphone_Saved_At__c !== undefined &&
    log.savedAt < existing.Softphone_Saved_At__c;
  if (stale) return existing.Id;
  call.store.update('tasks', () => {
    existing.Subject = subjectOf(log);
    existing.CallType = log.callType;
    existing.Softphone_Call_Key__c = log.key;
    if (log.savedAt !== undefined) existing.Softphone_Saved_At__c = log.savedAt;
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

/** The Task another save inserted between this one's lookup and insert. */
function raceWinner(call: ApexCall, log: CallLog): TaskRecord {
  const winner = findTask(call, log);
  if (!winner) return fail('another save of this call is still running.', 'TRY_AGAIN');
  return winner;
}

/** Runs a save; the interleaved save of a test (call-log-switch.ts) commits after the lookup found nothing. */
function saveCall(call: ApexCall, log: CallLog, onExisting: (task: TaskRecord) => string): CallLogResult {
  let existing = findTask(call, log);
  if (!existing) {
    call.callLog.runInterleaved();
    const taskId = insertTask(call, log);
    if (taskId !== undefined) return { taskId, created: true };
    existing = raceWinner(call, log);
  }
  return { taskId: onExisting(existing), created: false };
}

export const SoftphoneCallLog = {
  logCall(call: ApexCall, params: { input: CallLogInput | null }): CallLogResult {
    try {
      const log = validate(call, params.input);
      checkOrgRules(call, log);
      return saveCall(call, log, (existing) => updateTask(call, existing, log));
    } catch (error) {
      if (error instanceof CallLogRefusal) throw new AuraHandledException(`${error.code}: ${error.message}`);
      throw error;
    }
  },

  logMissedCall(call: ApexCall, params: { input: CallLogInput | null }): CallLogResult {
    const input = params.input
      ? { ...params.input, direction: DIRECTION_INBOUND, disposition: DISPOSITION_MISSED, durationSeconds: 0 }
      : null;
    try {
      const log = validate(call, input);
      return saveCall(call, log, (existing) => existing.Id);
    } catch (error) {
      if (error instanceof CallLogRefusal) throw new AuraHandledException(error.message);
      throw error;
    }
  },
};
