// EMULATION of SoftphoneSetupController (the Softphone Setup tab): the org default of Softphone_Settings__c
// in the local store, validated exactly like the Apex, for users with the custom permission Softphone_Admin
// (the sample user `admin`). The SIP secret is write-only there too; the workbench keeps signing with the
// secret its Kamailio was started with (a new one would lock every phone out of the local SIP server).
import { ephemeralCredentials } from '../../../scripts/sip-server/kamailio';
import { AuraHandledException } from '../apex-error';
import type { ApexCall } from '../emulation-context';
import type { OrgSettingsRecord } from '../sample-data';
import { orgDefaults, toSettings, trimToEmpty } from './settings-controller';
import {
  type Input,
  MAX_TEXT_LENGTH,
  MIN_SECRET_LENGTH,
  WORK_TIMERS,
  int,
  text,
  validate,
} from './setup-validation';

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

export function requireAdmin(call: ApexCall): void {
  if (!call.user.softphoneAdmin) {
    throw new AuraHandledException(
      'Only softphone admins can view or change these settings. Ask your Salesforce admin to assign you the Softphone Admin permission set.',
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
