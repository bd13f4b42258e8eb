// EMULATION of what Salesforce does behind three Open CTI methods, served to the emulated sforce.opencti
// in /opencti-bridge.html: searchAndScreenPop (search + the softphone layout's pop rules), saveLog (create
// or update a Task) and getCallCenterSettings (the agent's call center).
import { searchVariants } from '../../src/dialing';
import type { ApexCall } from './emulation-context';
import { callCenterSettings } from './call-center';
import { searchableRecords, type Searchable } from './apex/contact-search';
import { effectiveSettings } from './apex/settings-controller';
import type { TaskRecord } from './local-store';
import { sobjectOf, toId18, toIdOf } from './salesforce-id';

/** An Open CTI error entry ({code, description}) and the failure carrying it. */
export class OpenCtiServiceError extends Error {
  constructor(
    readonly code: 'INVALID_PARAM' | 'GENERIC_ERROR' | 'SERVER_ERROR',
    readonly description: string,
  ) {
    super(description);
  }
}

export interface EmulatedPop {
  type: string;
  params: Record<string, unknown>;
}

export interface SearchOutcome {
  /** searchAndScreenPop's returnValue: record id → {Id, Name, RecordType, ...display fields}. */
  records: Record<string, Record<string, string>>;
  /** What the softphone layout pops (inbound only), or null. */
  pop: EmulatedPop | null;
}

const digitsOf = (text: string) => text.replace(/[^0-9]/g, '');

function display(record: Searchable): Record<string, string> {
  const fields: Record<string, string> = { Id: record.id, Name: record.name, RecordType: record.objectType };
  const phone = record.numbers[0]?.value;
  if (phone) fields.Phone = phone;
  if (record.title) fields.Title = record.title;
  if (record.objectType === 'Lead' && record.accountName) fields.Company = record.accountName;
  return fields;
}

/**
 * The softphone layout's search: a phone number (matched through the core's searchVariants, as the
 * utility's Apex search does) or a name; Contacts, Leads (not converted) and Accounts.
 */
export function searchAndScreenPop(
  call: ApexCall,
  request: { searchParams?: unknown; callType?: unknown },
): SearchOutcome {
  const searchParams = typeof request.searchParams === 'string' ? request.searchParams.trim() : '';
  const callType = typeof request.callType === 'string' ? request.callType.toLowerCase() : '';
  if (!['inbound', 'outbound', 'internal'].includes(callType)) {
    throw new OpenCtiServiceError('INVALID_PARAM', `An invalid value was passed to the parameter callType.`);
  }
  const { records } = searchableRecords(call);
  const country = effectiveSettings(call).defaultCountry;
  const variants = searchVariants(searchParams, country);
  let found: Searchable[];
  if (variants.length > 0) {
    const keys = new Set(variants.map(digitsOf));
    found = records.filter((r) =>
      r.numbers.some((n) =>
        [n.value, ...searchVariants(n.value, country)].some((v) => keys.has(digitsOf(v))),
      ),
    );
  } else {
    const words = searchParams
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length >= 2);
    found =
      words.length === 0
        ? []
        : records.filter((r) => {
            const name = r.name.toLowerCase().split(/\s+/);
            return words.every((w) => name.some((n) => n.startsWith(w)));
          });
  }
  const result: Record<string, Record<string, string>> = {};
  for (const record of found) result[record.id] = display(record);
  // Softphone layout defaults: no match → no pop, one → its record page, several → the search page.
  let pop: EmulatedPop | null = null;
  if (callType === 'inbound' && found.length === 1 && found[0]) {
    pop = { type: 'sobject', params: { recordId: found[0].id } };
  } else if (callType === 'inbound' && found.length > 1 && searchParams.length >= 3) {
    pop = { type: 'search', params: { searchString: searchParams } };
  }
  return { records: result, pop };
}

const TASK_FIELDS = new Set([
  'Subject',
  'Description',
  'Status',
  'Priority',
  'ActivityDate',
  'WhoId',
  'WhatId',
  'TaskSubtype',
  'CallType',
  'CallObject',
  'CallDurationInSeconds',
  'CallDisposition',
  'Softphone_Phone_Number__c',
]);

/** saveLog: creates a Task ({entityApiName:'Task', ...}) or updates one ({Id, ...}); returns its id. */
export function saveLog(call: ApexCall, value: unknown): { recordId: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OpenCtiServiceError('INVALID_PARAM', 'An invalid value was passed to the parameter value.');
  }
  const { Id: rawId, entityApiName, ...fields } = value as Record<string, unknown>;
  const id = rawId === undefined ? undefined : toIdOf(rawId, ['Task']);
  if (rawId !== undefined && id === undefined) {
    throw new OpenCtiServiceError('SERVER_ERROR', 'invalid cross reference id');
  }
  if (id === undefined && entityApiName !== 'Task') {
    throw new OpenCtiServiceError(
      'GENERIC_ERROR',
      `The workbench emulates saveLog for Task records only (entityApiName ${String(entityApiName)}).`,
    );
  }
  const task: Partial<TaskRecord> = {};
  for (const [field, fieldValue] of Object.entries(fields)) {
    if (!TASK_FIELDS.has(field)) {
      throw new OpenCtiServiceError('SERVER_ERROR', `No such column '${field}' on entity 'Task'.`);
    }
    if (field === 'WhoId' || field === 'WhatId') {
      const ref = toId18(fieldValue);
      const s = call.sample;
      if (ref === undefined || ![...s.contacts, ...s.leads, ...s.accounts].some((r) => r.Id === ref)) {
        throw new OpenCtiServiceError('SERVER_ERROR', `${field}: invalid cross reference id`);
      }
      if (field === 'WhoId' && !['Contact', 'Lead'].includes(sobjectOf(ref) ?? '')) {
        throw new OpenCtiServiceError('SERVER_ERROR', 'WhoId: id value of incorrect type');
      }
      task[field] = ref;
    } else if (field === 'CallDurationInSeconds') {
      const n = Number(fieldValue);
      if (!Number.isInteger(n) || n < 0) {
        throw new OpenCtiServiceError('SERVER_ERROR', 'CallDurationInSeconds: value not of required type');
      }
      task.CallDurationInSeconds = n;
    } else {
      (task as Record<string, unknown>)[field] = fieldValue === null ? undefined : String(fieldValue);
    }
  }
  const now = new Date(call.now()).toISOString();
  if (id !== undefined) {
    const existing = call.store.snapshot.tasks.find((t) => t.Id === id && t.OwnerId === call.user.Id);
    if (!existing) throw new OpenCtiServiceError('SERVER_ERROR', 'invalid cross reference id');
    call.store.update('tasks', () => Object.assign(existing, task, { LastModifiedDate: now }));
    return { recordId: existing.Id };
  }
  const created: TaskRecord = {
    Status: 'Completed',
    ActivityDate: now.slice(0, 10),
    ...task,
    Id: call.store.newId('Task'),
    OwnerId: call.user.Id,
    CreatedDate: now,
    LastModifiedDate: now,
  };
  call.store.update('tasks', (data) => data.tasks.push(created));
  return { recordId: created.Id };
}

export function getCallCenterSettings(call: ApexCall): Record<string, string> {
  return callCenterSettings(call.user.callCenter);
}
