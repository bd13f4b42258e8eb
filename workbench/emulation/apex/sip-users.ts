// EMULATION of SoftphoneSipUsers (Softphone Setup's "SIP users" section): the sample users stand for the org's
// active standard users; a SIP user assigned here is kept in the local store (user level of
// Softphone_Settings__c) over the sample's, and SoftphoneCredentials signs with it from the next sign-in.
// Same rules and messages as the Apex: admins only, a page of 50, all or nothing, clashes name the users.
import { AuraHandledException } from '../apex-error';
import type { ApexCall } from '../emulation-context';
import type { SampleUser } from '../sample-data';
import { requireAdmin } from './setup-controller';

export const PAGE_SIZE = 50;
const MAX_ASSIGNMENTS = 200;
const MAX_QUERY_LENGTH = 80;
const NOT_SAVED = 'Nothing was saved.';
/** SoftphoneCredentials.SIP_USER: the one rule for a SIP user. */
export const SIP_USER = /^[A-Za-z0-9_.!~*'()+-]{1,64}$/;

/** SoftphoneSipUsers.Agent. */
export interface Agent {
  userId: string;
  name: string;
  username: string;
  sipUser: string;
}

/** SoftphoneSipUsers.AgentPage. */
export interface AgentPage {
  agents: Agent[];
  more: boolean;
  pageSize: number;
}

interface Assignment {
  userId?: unknown;
  sipUser?: unknown;
}

/** The user's SIP user as SoftphoneCredentials reads it: assigned in Softphone Setup, else the sample's. */
export function sipUserOf(call: Pick<ApexCall, 'store'>, user: SampleUser): string {
  return (call.store.snapshot.sipUsers?.[user.Id] ?? user.sipUser).trim();
}

const byName = (a: SampleUser, b: SampleUser) =>
  a.Name.localeCompare(b.Name) || a.Username.localeCompare(b.Username);

function toAgent(call: ApexCall, user: SampleUser): Agent {
  return { userId: user.Id, name: user.Name, username: user.Username, sipUser: sipUserOf(call, user) };
}

/** Per assignment: the typed SIP user of a known user, or the Apex's problem sentence. */
function wantedSipUsers(
  call: ApexCall,
  assignments: Assignment[],
  problems: string[],
): Map<SampleUser, string> {
  const wanted = new Map<SampleUser, string>();
  for (const assignment of assignments) {
    const agent = call.sample.users.find((u) => u.Id === assignment?.userId);
    const sipUser = typeof assignment?.sipUser === 'string' ? assignment.sipUser.trim() : '';
    if (!agent) problems.push('One of the agents is not an active user any more: search again.');
    else if (wanted.has(agent)) problems.push(`${agent.Name} is listed twice.`);
    else if (sipUser === '') problems.push(`Type a SIP user for ${agent.Name}.`);
    else if (!SIP_USER.test(sipUser)) {
      const shown = sipUser.length > 70 ? `${sipUser.slice(0, 67)}...` : sipUser;
      problems.push(
        `The SIP user "${shown}" for ${agent.Name} can only hold letters, digits and - _ . ! ~ * ' ( ) + (64 at most).`,
      );
    } else wanted.set(agent, sipUser);
  }
  return wanted;
}

function typedTwice(wanted: Map<SampleUser, string>): string[] {
  const groups = new Map<string, { typed: string; names: string[] }>();
  for (const [agent, sipUser] of wanted) {
    const group = groups.get(sipUser.toLowerCase()) ?? { typed: sipUser, names: [] };
    group.names.push(agent.Name);
    groups.set(sipUser.toLowerCase(), group);
  }
  return [...groups.values()]
    .filter((g) => g.names.length > 1)
    .map((g) => `The SIP user ${g.typed} is typed for more than one agent: ${g.names.join(', ')}.`);
}

function heldByOthers(call: ApexCall, wanted: Map<SampleUser, string>): string[] {
  const typed = new Set([...wanted.values()].map((s) => s.toLowerCase()));
  return call.sample.users
    .filter((u) => !wanted.has(u) && typed.has(sipUserOf(call, u).toLowerCase()))
    .map((u) => `The SIP user ${sipUserOf(call, u)} already belongs to ${u.Name} (${u.Username}).`)
    .sort();
}

export const SoftphoneSipUsers = {
  searchAgents(call: ApexCall, params: { query: string | null }): AgentPage {
    requireAdmin(call);
    const term = (params.query ?? '').trim().toLowerCase();
    if (term.length > MAX_QUERY_LENGTH) {
      throw new AuraHandledException(`Search with ${MAX_QUERY_LENGTH} characters at most.`);
    }
    const matches = call.sample.users
      .filter((u) => u.Name.toLowerCase().includes(term) || u.Username.toLowerCase().includes(term))
      .sort(byName);
    return {
      agents: matches.slice(0, PAGE_SIZE).map((u) => toAgent(call, u)),
      more: matches.length > PAGE_SIZE,
      pageSize: PAGE_SIZE,
    };
  },

  assignSipUsers(call: ApexCall, params: { assignments: Assignment[] | null }): Agent[] {
    requireAdmin(call);
    const assignments = params.assignments ?? [];
    if (assignments.length === 0) {
      throw new AuraHandledException(`${NOT_SAVED} Select at least one agent and type a SIP user.`);
    }
    if (assignments.length > MAX_ASSIGNMENTS) {
      throw new AuraHandledException(`${NOT_SAVED} Assign at most ${MAX_ASSIGNMENTS} SIP users at a time.`);
    }
    const problems: string[] = [];
    const wanted = wantedSipUsers(call, assignments, problems);
    problems.push(...typedTwice(wanted), ...heldByOthers(call, wanted));
    if (problems.length > 0) throw new AuraHandledException(`${NOT_SAVED} ${problems.join(' ')}`);
    call.store.update('settings', (data) => {
      const assigned = { ...data.sipUsers };
      for (const [agent, sipUser] of wanted) assigned[agent.Id] = sipUser;
      data.sipUsers = assigned;
    });
    return [...wanted.keys()].map((u) => toAgent(call, u));
  },
};
