// The workbench's local data file (workbench/data/workbench.local.json, git-ignored): what an org would
// persist — call Tasks, favorites, the Softphone Setup org default — so they survive a restart.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { OrgSettingsRecord, SampleContact } from './sample-data';
import { newId, type SObjectName } from './salesforce-id';

export const DEFAULT_DATA_DIR = resolve(__dirname, '../data');
export const STORE_FILE_NAME = 'workbench.local.json';

/** A Task as SoftphoneCallLog and Open CTI saveLog write it (Salesforce field API names). */
export interface TaskRecord {
  Id: string;
  OwnerId: string;
  Subject?: string;
  TaskSubtype?: string;
  CallType?: string;
  CallObject?: string;
  CallDurationInSeconds?: number;
  CallDisposition?: string;
  Description?: string;
  Softphone_Phone_Number__c?: string;
  /** SoftphoneCallLog's key: unique among Tasks (the store refuses a second one, as the database does). */
  Softphone_Call_Key__c?: string;
  Softphone_Saved_At__c?: number;
  WhoId?: string;
  WhatId?: string;
  ActivityDate?: string;
  Status?: string;
  CreatedDate: string;
  LastModifiedDate: string;
}

export interface FavoriteRecord {
  Id: string;
  OwnerId: string;
  Name: string;
  Phone_Number__c: string;
  Contact__c?: string;
  Lead__c?: string;
  Account__c?: string;
  Sort_Order__c?: number;
  CreatedDate: string;
}

export type StoreChange = 'tasks' | 'favorites' | 'settings' | 'records';

export interface StoreData {
  version: 1;
  /** Last sequence number used for new ids. */
  sequence: number;
  tasks: TaskRecord[];
  favorites: FavoriteRecord[];
  /** Contacts the agent created in the workbench (the "New contact" form); the sample data stays read-only. */
  contacts: SampleContact[];
  /** The org default saved through Softphone Setup; absent until an admin saves (sample data applies). */
  orgSettings?: OrgSettingsRecord;
  /** Each user's own device number (user level of Softphone_Settings__c), by user Id. */
  deviceNumbers?: Record<string, string>;
  /** SIP users assigned in Softphone Setup (user level of Softphone_Settings__c), by user Id: over the sample's. */
  sipUsers?: Record<string, string>;
  /** When an admin last replaced the SIP shared secret (the value itself is never kept: see setup-controller). */
  sipSecretSavedAt?: string;
  /**
   * The org as the package's install leaves it (SoftphoneInstallHandler's defaults, no SIP server, no shared
   * secret until an admin saves one), so Softphone Setup opens on its first-run page. Set it in the data file
   * (or a test through the store) to try that page; absent, the sample org is already set up.
   */
  freshInstall?: boolean;
}

function empty(): StoreData {
  return { version: 1, sequence: 0, tasks: [], favorites: [], contacts: [] };
}

export class LocalStore {
  readonly file: string;
  private data: StoreData;
  private readonly listeners = new Set<(what: StoreChange) => void>();

  constructor(dataDir = DEFAULT_DATA_DIR) {
    this.file = resolve(dataDir, STORE_FILE_NAME);
    this.data = existsSync(this.file) ? this.read() : empty();
  }

  private read(): StoreData {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<StoreData>;
      return { ...empty(), ...parsed, version: 1 };
    } catch (e) {
      throw new Error(
        `The workbench data file ${this.file} is not valid JSON (${e instanceof Error ? e.message : String(e)}). Fix or delete it.`,
      );
    }
  }

  get snapshot(): Readonly<StoreData> {
    return this.data;
  }

  newId(object: SObjectName): string {
    this.data.sequence += 1;
    return newId(object, this.data.sequence);
  }

  /** Applies a change and writes the file atomically (temp file + rename), then tells listeners. */
  update(what: StoreChange, change: (data: StoreData) => void): void {
    change(this.data);
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = this.file.replace(/\.local\.json$/, `.tmp-${process.pid}.local.json`);
    writeFileSync(temp, `${JSON.stringify(this.data, null, 2)}\n`);
    renameSync(temp, this.file);
    for (const listener of this.listeners) listener(what);
  }

  onChange(listener: (what: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
