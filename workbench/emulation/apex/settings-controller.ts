// EMULATION of SoftphoneSettingsController: the running user's effective Softphone_Settings__c with typed
// defaults, ported from toSettings(). Workbench deviation (labelled in the UI): a blank SIP WebSocket URL or
// domain means "the workbench's own Kamailio", where an org would leave the phone unconfigured.
import { AuraHandledException } from '../apex-error';
import type { ApexCall } from '../emulation-context';
import type { OrgSettingsRecord } from '../sample-data';

export const MODE_SOFTPHONE = 'Softphone';
export const MODE_DESKPHONE = 'Deskphone';
export const CALL_CENTER_SOFTPHONE = 'Softphone';
export const CALL_CENTER_DESKPHONE = 'SoftphoneDeskphone';
export const MAX_DEVICE_NUMBER_LENGTH = 80;
export const SCREEN_POPS = ['Record', 'NewRecord', 'Search', 'None'];
export const CRM_PATHS = ['Auto', 'OpenCTI', 'Lightning'];
export const POLICY_DECLINE = 'Decline';
export const POLICY_RING = 'Ring';
export const MIN_LINES = 1;
export const MAX_LINES = 4;
export const MIN_CREDENTIAL_TTL_SECONDS = 300;
export const MAX_CREDENTIAL_TTL_SECONDS = 86400;
export const DEFAULT_TEXT_REPLIES = [
  "Can't talk now. I'll call you back shortly.",
  "I'm on another call. Please send me an email.",
  'Please call me back in a few minutes.',
];

/** SoftphoneSettingsController.Settings. */
export interface Settings {
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
  deviceNumber: string;
  textReplies: string[];
  screenPop: string;
  maxLines: number;
  whenAway: string;
  whenInWrapUp: string;
  dialPlanAllow: string[];
  dialPlanDeny: string[];
  extensionLengths: number[];
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
}

export const trimToEmpty = (value: string | null | undefined): string => (value ?? '').trim();
const isBlank = (value: string | null | undefined) => trimToEmpty(value) === '';

function toChoice(value: string | null | undefined, choices: string[], fallback: string): string {
  return choices.find((c) => c.toLowerCase() === trimToEmpty(value).toLowerCase()) ?? fallback;
}

function toRange(value: number | null | undefined, min: number, max: number, fallback: number): number {
  return value === null || value === undefined || value < min || value > max ? fallback : Math.trunc(value);
}

/** Comma, semicolon or line separated entries, trimmed, blanks dropped. */
export function toList(value: string | null | undefined): string[] {
  return trimToEmpty(value)
    .split(/[,;\r\n]/)
    .map((e) => e.trim())
    .filter(Boolean);
}

function toLengths(value: string | null | undefined): number[] {
  const lengths: number[] = [];
  for (const entry of toList(value)) {
    if (/^[0-9]{1,2}$/.test(entry)) {
      const length = Number(entry);
      if (length >= 1 && length <= 15 && !lengths.includes(length)) lengths.push(length);
    }
  }
  return lengths;
}

function toLines(value: string | null | undefined): string[] {
  const lines = trimToEmpty(value)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length === 0 ? [...DEFAULT_TEXT_REPLIES] : lines;
}

/** SoftphoneSettingsController.toSettings: every blank or out-of-range field replaced by its default. */
export function toSettings(record: OrgSettingsRecord): Settings {
  const seconds = (v: number | null | undefined, fallback: number) =>
    v === null || v === undefined || v < 0 ? fallback : Math.trunc(v);
  return {
    mode: trimToEmpty(record.mode).toLowerCase() === 'deskphone' ? MODE_DESKPHONE : MODE_SOFTPHONE,
    sipWebSocketUrl: trimToEmpty(record.sipWebSocketUrl),
    sipDomain: trimToEmpty(record.sipDomain),
    iceServers: isBlank(record.iceServers) ? '[]' : trimToEmpty(record.iceServers),
    maxHoldSeconds: seconds(record.maxHoldSeconds, 120),
    workTimerSeconds: seconds(record.workTimerSeconds, 60),
    wrapUpRequired: record.wrapUpRequired === true,
    outsidePrefix: trimToEmpty(record.outsidePrefix),
    longDistancePrefix: trimToEmpty(record.longDistancePrefix),
    internationalPrefix: trimToEmpty(record.internationalPrefix),
    defaultCountry: isBlank(record.defaultCountry) ? 'US' : trimToEmpty(record.defaultCountry).toUpperCase(),
    deviceNumber: trimToEmpty(record.deviceNumber),
    textReplies: toLines(record.textReplies),
    screenPop: toChoice(record.screenPop, SCREEN_POPS, 'Record'),
    maxLines: toRange(record.maxLines, MIN_LINES, MAX_LINES, 2),
    whenAway: toChoice(record.whenAway, [POLICY_DECLINE, POLICY_RING], POLICY_DECLINE),
    whenInWrapUp: toChoice(record.whenInWrapUp, [POLICY_RING, POLICY_DECLINE], POLICY_RING),
    dialPlanAllow: toList(record.dialPlanAllow),
    dialPlanDeny: toList(record.dialPlanDeny),
    extensionLengths: toLengths(record.extensionLengths),
    searchUserExtensions: record.searchUserExtensions === true,
    credentialTtlSeconds: toRange(
      record.credentialTtlSeconds,
      MIN_CREDENTIAL_TTL_SECONDS,
      MAX_CREDENTIAL_TTL_SECONDS,
      3600,
    ),
    crmPath: toChoice(record.crmPath, CRM_PATHS, 'Auto'),
    holdMusic: record.holdMusic !== false,
    holdMusicResource: trimToEmpty(record.holdMusicResource),
    ...appendedSettings(record),
  };
}

const optionalSeconds = (v: number | null | undefined): number | null =>
  v === null || v === undefined || v < 0 ? null : Math.trunc(v);

/** The settings of issue 18 (click-to-dial switch, wrap-up per direction and record, call notes). */
function appendedSettings(record: OrgSettingsRecord) {
  return {
    clickToDialEnabled: record.clickToDialEnabled === true,
    workTimerInboundSeconds: optionalSeconds(record.workTimerInboundSeconds),
    workTimerOutboundSeconds: optionalSeconds(record.workTimerOutboundSeconds),
    workTimerContactSeconds: optionalSeconds(record.workTimerContactSeconds),
    workTimerLeadSeconds: optionalSeconds(record.workTimerLeadSeconds),
    workTimerAccountSeconds: optionalSeconds(record.workTimerAccountSeconds),
    workTimerUnknownSeconds: optionalSeconds(record.workTimerUnknownSeconds),
    // Checkboxes checked by default on the object: only an explicit false turns notes off.
    callNotesEnabled: record.callNotesEnabled !== false,
    callNotesOnTransfers: record.callNotesOnTransfers !== false,
  };
}

/** SoftphoneInstallHandler.seedOrgDefaults: the org default a first install creates (no SIP server). */
const INSTALL_DEFAULTS: OrgSettingsRecord = {
  mode: MODE_SOFTPHONE,
  maxHoldSeconds: 120,
  workTimerSeconds: 60,
  wrapUpRequired: false,
  defaultCountry: 'US',
  screenPop: 'Record',
  maxLines: 2,
  whenAway: POLICY_DECLINE,
  whenInWrapUp: POLICY_RING,
  searchUserExtensions: false,
  credentialTtlSeconds: 3600,
  clickToDialEnabled: false,
  callNotesEnabled: true,
  callNotesOnTransfers: true,
};

/** The org default: what Softphone Setup saved, else the install's (a fresh install) or the sample data's. */
export function orgDefaults(call: Pick<ApexCall, 'store' | 'sample'>): OrgSettingsRecord {
  const { orgSettings, freshInstall } = call.store.snapshot;
  return orgSettings ?? (freshInstall === true ? INSTALL_DEFAULTS : call.sample.orgSettings);
}

/** Softphone_Settings__c.getInstance() for the running user (the hierarchy: user-level deviceNumber over the org). */
export function effectiveSettings(call: ApexCall): Settings {
  const settings = toSettings(orgDefaults(call));
  // forRunningUser(): the call center the user is assigned to decides the mode, the org setting otherwise.
  if (call.user.callCenter === CALL_CENTER_DESKPHONE) settings.mode = MODE_DESKPHONE;
  if (call.user.callCenter === CALL_CENTER_SOFTPHONE) settings.mode = MODE_SOFTPHONE;
  const own = call.store.snapshot.deviceNumbers?.[call.user.Id];
  if (own) settings.deviceNumber = own;
  // EMULATION: blank SIP server settings point at the workbench's Kamailio (see the file comment).
  if (settings.sipWebSocketUrl === '') settings.sipWebSocketUrl = call.sip.wsUrl;
  if (settings.sipDomain === '') settings.sipDomain = call.sip.domain;
  return settings;
}

export const SoftphoneSettingsController = {
  getSettings: (call: ApexCall): Settings => effectiveSettings(call),
  /** SoftphoneSettingsController.saveDeviceNumber: the running user's own phone, blank clears it. */
  saveDeviceNumber: (call: ApexCall, params: { deviceNumber: string | null }): Settings => {
    const value = trimToEmpty(params.deviceNumber);
    if (value.length > MAX_DEVICE_NUMBER_LENGTH) {
      throw new AuraHandledException(
        `Your phone number is too long (${MAX_DEVICE_NUMBER_LENGTH} characters at most).`,
      );
    }
    call.store.update('settings', (data) => {
      const others = Object.entries(data.deviceNumbers ?? {}).filter(([userId]) => userId !== call.user.Id);
      data.deviceNumbers = Object.fromEntries(value === '' ? others : [...others, [call.user.Id, value]]);
    });
    return effectiveSettings(call);
  },
};
