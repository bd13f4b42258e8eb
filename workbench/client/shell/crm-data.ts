// The emulated org's records and Tasks as the shell shows them (from the workbench server's /api/workbench).
import { PHONE_FIELDS } from '../../emulation/phone-fields';
import type { TaskView } from '../../emulation/workbench-emulation';

export type ObjectName = 'Contact' | 'Lead' | 'Account';

export interface PhoneField {
  field: string;
  label: string;
  value: string;
}

export interface RecordView {
  Id: string;
  Name: string;
  objectType: ObjectName;
  /** Label → text, in display order. */
  details: [string, string][];
  phones: PhoneField[];
  /** The account a contact belongs to (for its related list and link). */
  accountId?: string;
}

interface RawRecords {
  contacts: Record<string, string | boolean | undefined>[];
  leads: Record<string, string | boolean | undefined>[];
  accounts: Record<string, string | boolean | undefined>[];
}

const DETAIL_FIELDS: Record<ObjectName, [string, string][]> = {
  Contact: [
    ['Title', 'Title'],
    ['AccountName', 'Account Name'],
    ['Email', 'Email'],
  ],
  Lead: [
    ['Title', 'Title'],
    ['Company', 'Company'],
    ['IsConverted', 'Converted'],
  ],
  Account: [],
};

function toView(raw: Record<string, string | boolean | undefined>, objectType: ObjectName): RecordView {
  const text = (field: string) => {
    const value = raw[field];
    return value === undefined ? '' : typeof value === 'boolean' ? (value ? 'Yes' : 'No') : value;
  };
  return {
    Id: text('Id'),
    Name: text('Name'),
    objectType,
    details: DETAIL_FIELDS[objectType]
      .map(([field, label]): [string, string] => [label, text(field)])
      .filter(([, v]) => v !== ''),
    phones: PHONE_FIELDS[objectType]
      .map(([field, label]) => ({ field, label, value: text(field) }))
      .filter((p) => p.value !== ''),
    ...(typeof raw.AccountId === 'string' ? { accountId: raw.AccountId } : {}),
  };
}

export async function loadRecords(): Promise<RecordView[]> {
  const raw = (await (await fetch('/api/workbench/records')).json()) as RawRecords;
  return [
    ...raw.contacts.map((r) => toView(r, 'Contact')),
    ...raw.leads.map((r) => toView(r, 'Lead')),
    ...raw.accounts.map((r) => toView(r, 'Account')),
  ];
}

export async function loadTasks(): Promise<TaskView[]> {
  return (await (await fetch('/api/workbench/tasks')).json()) as TaskView[];
}

export type { TaskView };
