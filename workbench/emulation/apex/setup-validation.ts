// EMULATION of SoftphoneSetupValidation: the checks Softphone Setup's save runs on the org default of
// Softphone_Settings__c, with the Apex's limits and messages word for word.
import {
  MAX_CREDENTIAL_TTL_SECONDS,
  MAX_LINES,
  MIN_CREDENTIAL_TTL_SECONDS,
  MIN_LINES,
  SCREEN_POPS,
  CRM_PATHS,
  toList,
  trimToEmpty,
} from './settings-controller';
import type { OrgSettings } from './setup-controller';

export const MIN_SECRET_LENGTH = 16;
export const MAX_TEXT_LENGTH = 255;
const MAX_SECONDS = 3600;
const MAX_REPLY_LENGTH = 160;
const WEBSOCKET_URL = /^wss:\/\/[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?(\/[^\s]*)?$/;
const DOMAIN = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const DIAL_PREFIX = /^[0-9]{0,8}$/;
const PLAN_PREFIX = /^\+?[0-9]{1,15}$/;
const COUNTRY = /^[A-Za-z]{2}$/;
const ICE_URL = /^(stun|turn|turns):[^\s]+$/;
const RESOURCE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export type Input = Partial<Record<keyof OrgSettings, unknown>>;

export const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
export const int = (value: unknown): number | null => (Number.isInteger(value) ? (value as number) : null);

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

export const WORK_TIMERS = [
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
