// EMULATION of SoftphoneSetupController (the Softphone Setup tab): the org default of Softphone_Settings__c
// in the local store, validated exactly like the Apex, for users with the custom permission Softphone_Admin
// (the sample user `admin`). The SIP secret is write-only there too; the workbench keeps signing with the
// secret its Kamailio was started with (a new one would lock every phone out of the local SIP server).
import { ephemeralCredentials } from '../../../scripts/sip-server/kamailio';
import { AuraHandledException } from '../apex-error';
import type { ApexCall } from '../emulation-context';
import type { OrgSettingsRecord } from '../sample-data';
import {
  MAX_CREDENTIAL_TTL_SECONDS,
  MAX_LINES,
  MIN_CREDENTIAL_TTL_SECONDS,
  MIN_LINES,
  SCREEN_POPS,
  CRM_PATHS,
  orgDefaults,
  toList,
  toSettings,
  trimToEmpty,
} from './settings-controller';

const MIN_SECRET_LENGTH = 16;
const MAX_TEXT_LENGTH = 255;
const MAX_SECONDS = 3600;
const MAX_REPLY_LENGTH = 160;
const WEBSOCKET_URL = /^wss:\/\/[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?(\/[^\s]*)?$/;
const DOMAIN = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const DIAL_PREFIX = /^[0-9]{0,8}$/;
const PLAN_PREFIX = /^\+?[0-9]{1,15}$/;
const COUNTRY = /^[A-Za-z]{2}$/;
const ICE_URL = /^(stun|turn|turns):[^\s]+$/;
const RESOURCE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** SoftphoneSetupController.OrgSettings. */
export interface OrgSettings {
  mode: string;
  sipWebSocketUrl: string;
  sipDomain: string;
  iceServers: string;
  maxHoldSeconds: number;
  workTimerSeconds: number;
  wrapUpRequired: boolean;
  outsidePrefix: string;
  longDistancePrefix: string;
  internationalPrefix: string;
  defaultCountry: string;
  textReplies: string;
  screenPop: string;
  maxLines: number;
  whenAway: string;
  whenInWrapUp: string;
  dialPlanAllow: string;
  dialPlanDeny: string;
  extensionLengths: string;
  searchUserExtensions: boolean;
  credentialTtlSeconds: number;
  crmPath: string;
  holdMusic: boolean;
  holdMusicResource: string;
  clickToDialEnabled: boolean;
  workTimerInboundSeconds: number | null;
  workTimerOutboundSeconds: number | null;
  workTimerContactSeconds: number | null;
  workTimerLeadSeconds: number | null;
  workTimerAccountSeconds: number | null;
  workTimerUnknownSeconds: number | null;
  callNotesEnabled: boolean;
  callNotesOnTransfers: boolean;
  canEdit: boolean;
  sipSecretSet: boolean;
}

type Input = Partial<Record<keyof OrgSettings, unknown>>;

export function requireAdmin(call: ApexCall): void {
  if (!call.user.softphoneAdmin) {
    throw new AuraHandledException(
      'Only softphone admins can view or change these settings. Ask your Salesforce admin to assign you the Softphone Admin permission set.',
    );
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const int = (value: unknown): number | null => (Number.isInteger(value) ? (value as number) : null);

function matches(rule: RegExp, value: unknown, maxLength: number): boolean {
  const t = trimToEmpty(text(value));
  return t.length <= maxLength && rule.test(t);
}

function checkRange(problems: string[], value: unknown, min: number, max: number, name: string): void {
  const n = int(value);
  if (n === null || n < min || n > max)
    problems.push(`${name} must be a whole number from ${min} to ${max}.`);
}

export function iceServersProblem(value: string | null): string | undefined {
  if (trimToEmpty(value) === '') return undefined;
  const invalid = 'ICE servers must be a JSON array such as [{"urls":"stun:stun.example.com:3478"}].';
  if (trimToEmpty(value).length > MAX_TEXT_LENGTH)
    return `ICE servers must fit in ${MAX_TEXT_LENGTH} characters.`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value ?? '');
  } catch {
    return invalid;
  }
  if (!Array.isArray(parsed)) return invalid;
  for (const entry of parsed as unknown[]) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return invalid;
    const server = entry as Record<string, unknown>;
    if ('credential' in server || 'username' in server) {
      return 'ICE servers must not contain TURN user names or passwords: every user can read this setting.';
    }
    const urls = Array.isArray(server.urls) ? (server.urls as unknown[]) : [server.urls];
    if (urls.length === 0) return invalid;
    if (urls.some((url) => typeof url !== 'string' || !ICE_URL.test(url))) {
      return 'Each ICE server URL must start with stun:, turn: or turns:.';
    }
  }
  return undefined;
}

export function validate(settings: Input | null): string[] {
  if (!settings) return ['No settings were sent.'];
  const problems: string[] = [];
  for (const check of [
    connectionProblems,
    limitProblems,
    dialingProblems,
    answerProblems,
    dialPlanProblems,
    workTimerProblems,
  ])
    check(settings, problems);
  const resource = trimToEmpty(text(settings.holdMusicResource));
  if (resource !== '' && !matches(RESOURCE_NAME, resource, 80)) {
    problems.push(
      'The hold music resource must be a static resource name such as Hold_Music (letters, digits, underscores).',
    );
  }
  return problems;
}

/** Mode, SIP server and ICE servers. */
function connectionProblems(settings: Input, problems: string[]): void {
  if (settings.mode !== 'Softphone' && settings.mode !== 'Deskphone')
    problems.push('Mode must be Softphone or Deskphone.');
  if (
    trimToEmpty(text(settings.sipWebSocketUrl)) !== '' &&
    !matches(WEBSOCKET_URL, settings.sipWebSocketUrl, 255)
  ) {
    problems.push('The SIP WebSocket URL must be a secure address such as wss://sip.example.com:443.');
  }
  if (trimToEmpty(text(settings.sipDomain)) !== '' && !matches(DOMAIN, settings.sipDomain, 255)) {
    problems.push('The SIP domain must be a host name such as sip.example.com.');
  }
  const ice = iceServersProblem(text(settings.iceServers));
  if (ice) problems.push(ice);
}

/** The timers, the number of lines and the credential lifetime. */
function limitProblems(settings: Input, problems: string[]): void {
  checkRange(problems, settings.maxHoldSeconds, 0, MAX_SECONDS, 'The maximum hold time');
  checkRange(problems, settings.workTimerSeconds, 0, MAX_SECONDS, 'The work timer');
  checkRange(problems, settings.maxLines, MIN_LINES, MAX_LINES, 'The number of lines');
  checkRange(
    problems,
    settings.credentialTtlSeconds,
    MIN_CREDENTIAL_TTL_SECONDS,
    MAX_CREDENTIAL_TTL_SECONDS,
    'The credential lifetime',
  );
}

/** Dialing prefixes and the default country. */
function dialingProblems(settings: Input, problems: string[]): void {
  const prefixes: [string, unknown][] = [
    ['The outside-line prefix', settings.outsidePrefix],
    ['The long-distance prefix', settings.longDistancePrefix],
    ['The international prefix', settings.internationalPrefix],
  ];
  for (const [name, value] of prefixes) {
    if (!matches(DIAL_PREFIX, trimToEmpty(text(value)), 8)) problems.push(`${name} must be up to 8 digits.`);
  }
  if (trimToEmpty(text(settings.defaultCountry)) !== '' && !matches(COUNTRY, settings.defaultCountry, 2)) {
    problems.push('The default country must be a two-letter ISO code such as US or GB.');
  }
}

/** Text replies, the screen pop, and what happens to calls while away or in wrap-up. */
function answerProblems(settings: Input, problems: string[]): void {
  const replies = trimToEmpty(text(settings.textReplies));
  if (replies.length > MAX_TEXT_LENGTH) {
    problems.push(`The text replies must fit in ${MAX_TEXT_LENGTH} characters in total.`);
  } else if (replies.split(/\r?\n/).some((line) => line.trim().length > MAX_REPLY_LENGTH)) {
    problems.push(`Each text reply must be at most ${MAX_REPLY_LENGTH} characters.`);
  }
  if (!SCREEN_POPS.includes(trimToEmpty(text(settings.screenPop)))) {
    problems.push('Screen pop must be Record, NewRecord, Search or None.');
  }
  const policies = ['Decline', 'Ring'];
  if (
    !policies.includes(trimToEmpty(text(settings.whenAway))) ||
    !policies.includes(trimToEmpty(text(settings.whenInWrapUp)))
  ) {
    problems.push('Calls while away or in wrap-up must either Ring or be declined (Decline).');
  }
  const crmPath = trimToEmpty(text(settings.crmPath));
  if (crmPath !== '' && !CRM_PATHS.includes(crmPath)) {
    problems.push('The CRM path must be Auto, OpenCTI or Lightning.');
  }
}

/** The dial plan's allowed and denied prefixes, and the extension lengths. */
function dialPlanProblems(settings: Input, problems: string[]): void {
  for (const [value, name] of [
    [settings.dialPlanAllow, 'The allowed prefixes'],
    [settings.dialPlanDeny, 'The denied prefixes'],
  ] as const) {
    if (trimToEmpty(text(value)).length > MAX_TEXT_LENGTH) {
      problems.push(`${name} must fit in ${MAX_TEXT_LENGTH} characters.`);
    } else if (toList(text(value)).some((entry) => !PLAN_PREFIX.test(entry.replace(/[\s().-]/g, '')))) {
      problems.push(`${name} must be number prefixes separated by commas, such as +1900, +44.`);
    }
  }
  const lengths = toList(text(settings.extensionLengths));
  if (lengths.some((e) => !/^[0-9]{1,2}$/.test(e) || Number(e) < 1 || Number(e) > 15)) {
    problems.push('Extension lengths must be whole numbers from 1 to 15 separated by commas, such as 3, 4.');
  }
  if (trimToEmpty(text(settings.extensionLengths)).length > 20) {
    problems.push('Extension lengths must fit in 20 characters.');
  }
}

const WORK_TIMERS = [
  'workTimerInboundSeconds',
  'workTimerOutboundSeconds',
  'workTimerContactSeconds',
  'workTimerLeadSeconds',
  'workTimerAccountSeconds',
  'workTimerUnknownSeconds',
] as const;

/** The wrap-up times by direction and record type: each empty, or 0 to 3600 seconds. */
function workTimerProblems(settings: Input, problems: string[]): void {
  const wrong = WORK_TIMERS.some((field) => {
    const value = settings[field];
    if (value === null || value === undefined) return false;
    const n = int(value);
    return n === null || n < 0 || n > MAX_SECONDS;
  });
  if (wrong) {
    problems.push(
      `Each wrap-up time by direction or record must be empty or a whole number from 0 to ${MAX_SECONDS}.`,
    );
  }
}

const trimToNull = (value: unknown): string | null => {
  const t = trimToEmpty(text(value));
  return t === '' ? null : t;
};

/** SoftphoneSetupController.apply: the record a validated input saves. */
function apply(settings: Input): OrgSettingsRecord {
  return {
    mode: String(settings.mode).toLowerCase() === 'deskphone' ? 'Deskphone' : 'Softphone',
    sipWebSocketUrl: trimToNull(settings.sipWebSocketUrl),
    sipDomain: trimToNull(settings.sipDomain),
    iceServers: trimToNull(settings.iceServers),
    maxHoldSeconds: int(settings.maxHoldSeconds),
    workTimerSeconds: int(settings.workTimerSeconds),
    wrapUpRequired: settings.wrapUpRequired === true,
    outsidePrefix: trimToNull(settings.outsidePrefix),
    longDistancePrefix: trimToNull(settings.longDistancePrefix),
    internationalPrefix: trimToNull(settings.internationalPrefix),
    defaultCountry: trimToNull(settings.defaultCountry)?.toUpperCase() ?? null,
    textReplies: trimToNull(settings.textReplies),
    screenPop: trimToEmpty(text(settings.screenPop)),
    maxLines: int(settings.maxLines),
    whenAway: trimToEmpty(text(settings.whenAway)),
    whenInWrapUp: trimToEmpty(text(settings.whenInWrapUp)),
    dialPlanAllow: trimToNull(settings.dialPlanAllow),
    dialPlanDeny: trimToNull(settings.dialPlanDeny),
    extensionLengths: trimToNull(settings.extensionLengths),
    searchUserExtensions: settings.searchUserExtensions === true,
    credentialTtlSeconds: int(settings.credentialTtlSeconds),
    crmPath: trimToNull(settings.crmPath),
    holdMusic: settings.holdMusic !== false,
    holdMusicResource: trimToNull(settings.holdMusicResource),
    clickToDialEnabled: settings.clickToDialEnabled === true,
    ...Object.fromEntries(WORK_TIMERS.map((field) => [field, int(settings[field])])),
    callNotesEnabled: settings.callNotesEnabled !== false,
    callNotesOnTransfers: settings.callNotesOnTransfers !== false,
  };
}

/** A fresh install has no secret until an admin saves one; the sample org has the workbench Kamailio's. */
function sipSecretSet(call: ApexCall): boolean {
  const { freshInstall, sipSecretSavedAt } = call.store.snapshot;
  return freshInstall !== true || sipSecretSavedAt !== undefined;
}

function toOrgSettings(record: OrgSettingsRecord, secretSet: boolean): OrgSettings {
  const effective = toSettings(record);
  return {
    mode: effective.mode,
    sipWebSocketUrl: effective.sipWebSocketUrl,
    sipDomain: effective.sipDomain,
    iceServers: effective.iceServers,
    maxHoldSeconds: effective.maxHoldSeconds,
    workTimerSeconds: effective.workTimerSeconds,
    wrapUpRequired: effective.wrapUpRequired,
    outsidePrefix: effective.outsidePrefix,
    longDistancePrefix: effective.longDistancePrefix,
    internationalPrefix: effective.internationalPrefix,
    defaultCountry: effective.defaultCountry,
    textReplies: effective.textReplies.join('\n'),
    screenPop: effective.screenPop,
    maxLines: effective.maxLines,
    whenAway: effective.whenAway,
    whenInWrapUp: effective.whenInWrapUp,
    dialPlanAllow: effective.dialPlanAllow.join(', '),
    dialPlanDeny: effective.dialPlanDeny.join(', '),
    extensionLengths: effective.extensionLengths.join(', '),
    searchUserExtensions: effective.searchUserExtensions,
    credentialTtlSeconds: effective.credentialTtlSeconds,
    crmPath: effective.crmPath,
    holdMusic: effective.holdMusic,
    holdMusicResource: effective.holdMusicResource,
    clickToDialEnabled: effective.clickToDialEnabled,
    workTimerInboundSeconds: effective.workTimerInboundSeconds,
    workTimerOutboundSeconds: effective.workTimerOutboundSeconds,
    workTimerContactSeconds: effective.workTimerContactSeconds,
    workTimerLeadSeconds: effective.workTimerLeadSeconds,
    workTimerAccountSeconds: effective.workTimerAccountSeconds,
    workTimerUnknownSeconds: effective.workTimerUnknownSeconds,
    callNotesEnabled: effective.callNotesEnabled,
    callNotesOnTransfers: effective.callNotesOnTransfers,
    canEdit: true,
    sipSecretSet: secretSet,
  };
}

export const SoftphoneSetupController = {
  getOrgSettings(call: ApexCall): OrgSettings {
    requireAdmin(call);
    return toOrgSettings(orgDefaults(call), sipSecretSet(call));
  },

  saveOrgSettings(call: ApexCall, params: { settings: Input | null }): OrgSettings {
    requireAdmin(call);
    const problems = validate(params.settings);
    if (problems.length > 0) {
      throw new AuraHandledException(`The settings were not saved. ${problems.join(' ')}`);
    }
    const record = apply(params.settings ?? {});
    call.store.update('settings', (data) => {
      data.orgSettings = record;
    });
    return toOrgSettings(record, sipSecretSet(call));
  },

  saveSipSecret(call: ApexCall, params: { secret: string | null }): null {
    requireAdmin(call);
    const value = (params.secret ?? '').trim();
    if (!secretShaped(value)) {
      throw new AuraHandledException(
        `The shared secret was not saved: use ${MIN_SECRET_LENGTH} to ${MAX_TEXT_LENGTH} characters without spaces, exactly as configured on the SIP server.`,
      );
    }
    // EMULATION: only the fact is kept (see the file comment); the value is never stored or returned.
    call.store.update('settings', (data) => {
      data.sipSecretSavedAt = new Date(call.now()).toISOString();
    });
    return null;
  },

  /**
   * SoftphoneSetupController.mintProbeCredentials: the Test connection's probe identity, signed like an
   * agent's with the typed secret (never kept); blank signs with the stored one, which on the workbench is the
   * secret its Kamailio was started with.
   */
  mintProbeCredentials(call: ApexCall, params: { secret: string | null }): ProbeCredentials {
    requireAdmin(call);
    const typed = (params.secret ?? '').trim();
    if (typed !== '' && !secretShaped(typed)) {
      throw new AuraHandledException(
        `The connection was not tested: the shared secret must be ${MIN_SECRET_LENGTH} to ${MAX_TEXT_LENGTH} characters without spaces, exactly as configured on the SIP server.`,
      );
    }
    if (typed === '' && !sipSecretSet(call)) {
      throw new AuraHandledException(
        "The softphone can't sign in to the phone system: no shared secret is set. Ask your Salesforce admin to set it in Softphone Setup.",
      );
    }
    const ttlSeconds = PROBE_TTL_SECONDS;
    const secret = typed === '' ? call.sipSecret : typed;
    const { username, password } = ephemeralCredentials(secret, PROBE_SIP_USER, ttlSeconds, call.now());
    return {
      username,
      password,
      sipUser: PROBE_SIP_USER,
      ttlSeconds,
      expiresAt: Number(username.split(':')[0]),
    };
  },
};

const PROBE_SIP_USER = 'softphone-setup-probe';
const PROBE_TTL_SECONDS = 300;

/** SoftphoneCredentials.SipCredentials as mintProbeCredentials fills it (no domain or URL: the admin typed them). */
interface ProbeCredentials {
  username: string;
  password: string;
  sipUser: string;
  ttlSeconds: number;
  expiresAt: number;
}

function secretShaped(value: string): boolean {
  return value.length >= MIN_SECRET_LENGTH && value.length <= MAX_TEXT_LENGTH && !/\s/.test(value);
}
