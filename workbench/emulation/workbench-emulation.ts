// The workbench's emulated org: sample data, the local store, the emulated Apex and the services behind
// the emulated Open CTI, for whichever sample user a page runs as.
import { ApexEmulation } from './apex-controllers';
import { CallLogSwitch } from './apex/call-log-switch';
import type { ApexCall, EmulationContext, LocalSipServer } from './emulation-context';
import { LocalStore } from './local-store';
import {
  fullName,
  loadSampleData,
  type SampleContact,
  type SampleData,
  type SampleUser,
} from './sample-data';
import type { TaskRecord } from './local-store';

export interface WorkbenchEmulationOptions {
  sip: LocalSipServer;
  sipSecret: string;
  /** Where workbench.local.json lives (default workbench/data); tests pass a temporary folder. */
  dataDir?: string;
  sampleDataFile?: string;
  now?: () => number;
  /** TEST ONLY: see EmulationContext.testCredentialTtlSeconds. */
  testCredentialTtlSeconds?: number;
}

/** A Task with the names the shell shows next to it. */
export interface TaskView extends TaskRecord {
  OwnerName?: string;
  WhoName?: string;
  WhoType?: string;
  WhatName?: string;
}

export class UnknownUserError extends Error {}

/** A record the emulated org refuses to save, with Salesforce's error code. */
export class RecordError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class WorkbenchEmulation {
  readonly context: EmulationContext;
  readonly apex = new ApexEmulation();

  constructor(options: WorkbenchEmulationOptions) {
    const sample = loadSampleData(options.sampleDataFile);
    const store = new LocalStore(options.dataDir);
    // The org's Contacts: the sample ones and those created in the workbench.
    sample.contacts.push(...store.snapshot.contacts);
    this.context = {
      sample,
      store,
      sip: options.sip,
      sipSecret: options.sipSecret,
      now: options.now ?? Date.now,
      ...(options.testCredentialTtlSeconds !== undefined
        ? { testCredentialTtlSeconds: options.testCredentialTtlSeconds }
        : {}),
      callLog: new CallLogSwitch(),
    };
  }

  get sample(): SampleData {
    return this.context.sample;
  }

  user(key: string | null | undefined): SampleUser {
    const user = this.sample.users.find((u) => u.key === (key || '1'));
    if (!user)
      throw new UnknownUserError(`No sample user "${String(key)}" (see workbench/data/sample-data.json)`);
    return user;
  }

  /** The context of one call made by the page of user `key` (UserInfo.getUserId() is that user). */
  callAs(key: string | null | undefined): ApexCall {
    return { ...this.context, user: this.user(key) };
  }

  /**
   * EMULATION of saving the standard new-Contact form: LastName is required (as in Salesforce), text
   * fields are trimmed and bounded; the record joins the org's Contacts and is kept in the local file.
   */
  createContact(fields: Record<string, unknown>): SampleContact {
    const text = (name: string, max: number): string | undefined => {
      const value = fields[name];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'string') throw new RecordError('INVALID_TYPE', `${name} must be text.`);
      const trimmed = value.trim();
      if (trimmed.length > max)
        throw new RecordError('STRING_TOO_LONG', `${name} is longer than ${max} characters.`);
      return trimmed || undefined;
    };
    const lastName = text('LastName', 80);
    if (!lastName)
      throw new RecordError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [Last Name]');
    const contact: SampleContact = { Id: this.context.store.newId('Contact'), LastName: lastName };
    const optional = [
      ['FirstName', 40],
      ['Title', 128],
      ['Phone', 40],
      ['MobilePhone', 40],
      ['Email', 80],
    ] as const;
    for (const [name, max] of optional) {
      const value = text(name, max);
      if (value) contact[name] = value;
    }
    this.context.store.update('records', (data) => data.contacts.push(contact));
    this.sample.contacts.push(contact);
    return contact;
  }

  tasks(): TaskView[] {
    const s = this.sample;
    const names = new Map<string, [string, string]>([
      ...s.contacts.map((c): [string, [string, string]] => [c.Id, [fullName(c), 'Contact']]),
      ...s.leads.map((l): [string, [string, string]] => [l.Id, [fullName(l), 'Lead']]),
      ...s.accounts.map((a): [string, [string, string]] => [a.Id, [a.Name, 'Account']]),
    ]);
    return [...this.context.store.snapshot.tasks]
      .sort((a, b) => b.CreatedDate.localeCompare(a.CreatedDate) || b.Id.localeCompare(a.Id))
      .map((t) => ({
        ...t,
        OwnerName: s.users.find((u) => u.Id === t.OwnerId)?.Name,
        WhoName: t.WhoId ? names.get(t.WhoId)?.[0] : undefined,
        WhoType: t.WhoId ? names.get(t.WhoId)?.[1] : undefined,
        WhatName: t.WhatId ? names.get(t.WhatId)?.[0] : undefined,
      }));
  }
}
