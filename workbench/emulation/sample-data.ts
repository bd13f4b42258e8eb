// The workbench's sample CRM data (workbench/data/sample-data.json): an emulation of an org's records.
// Loaded once at start; ids and references are checked so a typo fails loudly, not as an empty search.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sobjectOf, toId18, type SObjectName } from './salesforce-id';

export const SAMPLE_DATA_FILE = resolve(__dirname, '../data/sample-data.json');

export interface SampleUser {
  /** How pages name the user: `agent.html?agent=<key>`; `admin` for the admin page. */
  key: string;
  Id: string;
  Name: string;
  /** User.Username, which Softphone Setup's SIP user search matches with the name. */
  Username: string;
  Title?: string;
  CompanyName?: string;
  Extension?: string;
  Phone?: string;
  MobilePhone?: string;
  /** Softphone_Settings__c.SIP_User__c of the user's own record ('' = none); Softphone Setup may assign another (apex/sip-users.ts). */
  sipUser: string;
  /** The call center the user is assigned to (a file in force-app/main/default/callCenters). */
  callCenter: string;
  /** Holds the custom permission Softphone_Admin. */
  softphoneAdmin: boolean;
}

export interface SampleAccount {
  Id: string;
  Name: string;
  Phone?: string;
}

export interface SampleContact {
  Id: string;
  FirstName?: string;
  LastName: string;
  Title?: string;
  AccountId?: string;
  Phone?: string;
  MobilePhone?: string;
  HomePhone?: string;
  OtherPhone?: string;
  AssistantPhone?: string;
  Email?: string;
}

export interface SampleLead {
  Id: string;
  FirstName?: string;
  LastName: string;
  Title?: string;
  Company: string;
  Phone?: string;
  MobilePhone?: string;
  IsConverted: boolean;
}

export interface CustomerPhone {
  /** The SIP user the customer page registers as: a number, so calls match the records above. */
  user: string;
  label: string;
}

/** Softphone_Settings__c as Softphone Setup edits it (SoftphoneSetupController.OrgSettings without read-only members). */
export interface OrgSettingsRecord {
  mode?: string | null;
  sipWebSocketUrl?: string | null;
  sipDomain?: string | null;
  iceServers?: string | null;
  maxHoldSeconds?: number | null;
  workTimerSeconds?: number | null;
  wrapUpRequired?: boolean | null;
  outsidePrefix?: string | null;
  longDistancePrefix?: string | null;
  internationalPrefix?: string | null;
  defaultCountry?: string | null;
  deviceNumber?: string | null;
  textReplies?: string | null;
  screenPop?: string | null;
  maxLines?: number | null;
  whenAway?: string | null;
  whenInWrapUp?: string | null;
  dialPlanAllow?: string | null;
  dialPlanDeny?: string | null;
  extensionLengths?: string | null;
  searchUserExtensions?: boolean | null;
  credentialTtlSeconds?: number | null;
  crmPath?: string | null;
  holdMusic?: boolean | null;
  holdMusicResource?: string | null;
  clickToDialEnabled?: boolean | null;
  workTimerInboundSeconds?: number | null;
  workTimerOutboundSeconds?: number | null;
  workTimerContactSeconds?: number | null;
  workTimerLeadSeconds?: number | null;
  workTimerAccountSeconds?: number | null;
  workTimerUnknownSeconds?: number | null;
  callNotesEnabled?: boolean | null;
  callNotesOnTransfers?: boolean | null;
}

export interface SampleData {
  organization: { Id: string; Name: string };
  users: SampleUser[];
  accounts: SampleAccount[];
  contacts: SampleContact[];
  leads: SampleLead[];
  customerPhones: CustomerPhone[];
  orgSettings: OrgSettingsRecord;
}

export function fullName(record: { FirstName?: string; LastName: string }): string {
  return [record.FirstName, record.LastName].filter(Boolean).join(' ');
}

function checkId(id: unknown, object: SObjectName, where: string): void {
  if (typeof id !== 'string' || toId18(id) !== id || sobjectOf(id) !== object) {
    throw new Error(`${SAMPLE_DATA_FILE}: ${where} must be an 18-character ${object} id, got ${String(id)}`);
  }
}

export function loadSampleData(file = SAMPLE_DATA_FILE): SampleData {
  const data = JSON.parse(readFileSync(file, 'utf8')) as SampleData;
  data.users.forEach((u, i) => checkId(u.Id, 'User', `users[${i}].Id`));
  data.accounts.forEach((a, i) => checkId(a.Id, 'Account', `accounts[${i}].Id`));
  data.leads.forEach((l, i) => checkId(l.Id, 'Lead', `leads[${i}].Id`));
  const accountIds = new Set(data.accounts.map((a) => a.Id));
  data.contacts.forEach((c, i) => {
    checkId(c.Id, 'Contact', `contacts[${i}].Id`);
    if (c.AccountId !== undefined && !accountIds.has(c.AccountId)) {
      throw new Error(`${file}: contacts[${i}].AccountId ${c.AccountId} is not one of the accounts`);
    }
  });
  const { $comment: _comment, ...orgSettings } = data.orgSettings as OrgSettingsRecord & {
    $comment?: string;
  };
  return { ...data, orgSettings };
}
