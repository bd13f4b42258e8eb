// The workbench's emulated org: sample data, the local store, the emulated Apex and the services behind
// the emulated Open CTI, for whichever sample user a page runs as.
import { ApexEmulation } from './apex-controllers';
import type { ApexCall, EmulationContext, LocalSipServer } from './emulation-context';
import { LocalStore } from './local-store';
import { fullName, loadSampleData, type SampleData, type SampleUser } from './sample-data';
import type { TaskRecord } from './local-store';

export interface WorkbenchEmulationOptions {
  sip: LocalSipServer;
  sipSecret: string;
  /** Where workbench.local.json lives (default workbench/data); tests pass a temporary folder. */
  dataDir?: string;
  sampleDataFile?: string;
  now?: () => number;
}

/** A Task with the names the shell shows next to it. */
export interface TaskView extends TaskRecord {
  OwnerName?: string;
  WhoName?: string;
  WhoType?: string;
  WhatName?: string;
}

export class UnknownUserError extends Error {}

export class WorkbenchEmulation {
  readonly context: EmulationContext;
  readonly apex = new ApexEmulation();

  constructor(options: WorkbenchEmulationOptions) {
    this.context = {
      sample: loadSampleData(options.sampleDataFile),
      store: new LocalStore(options.dataDir),
      sip: options.sip,
      sipSecret: options.sipSecret,
      now: options.now ?? Date.now,
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
