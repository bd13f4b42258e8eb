// The schema of every payload, as checks (see kit.ts for the rules).
import {
  BRIDGE_ERROR_CODES,
  SCHEMA_LIMITS,
  type BridgeFailure,
  type BridgeStatus,
  type CallCenterSettings,
  type CallListRequest,
  type ClickToDial,
  type MessagePayloads,
} from './messages';
import { apiName, array, bool, fail, fields, oneOf, phoneNumber, salesforceId, text } from './kit';

type Check<T> = (value: unknown, path: string) => T;

const name = (value: unknown, path: string) => text(value, path, { max: SCHEMA_LIMITS.nameLength });

function clickToDial(value: unknown, path: string): ClickToDial {
  const o = fields(
    value,
    path,
    ['number'],
    ['recordId', 'recordName', 'objectType', 'accountId', 'contactId', 'personAccount', 'params'],
  );
  const out: ClickToDial = { number: phoneNumber(o.number, `${path}.number`) };
  if (o.recordId !== undefined) out.recordId = salesforceId(o.recordId, `${path}.recordId`);
  if (o.recordName !== undefined) out.recordName = name(o.recordName, `${path}.recordName`);
  if (o.objectType !== undefined) out.objectType = apiName(o.objectType, `${path}.objectType`);
  if (o.accountId !== undefined) out.accountId = salesforceId(o.accountId, `${path}.accountId`);
  if (o.contactId !== undefined) out.contactId = salesforceId(o.contactId, `${path}.contactId`);
  if (o.personAccount !== undefined) out.personAccount = bool(o.personAccount, `${path}.personAccount`);
  if (o.params !== undefined) {
    out.params = text(o.params, `${path}.params`, { max: SCHEMA_LIMITS.paramsLength, min: 0 });
  }
  return out;
}

function callList(value: unknown, path: string): CallListRequest {
  const o = fields(value, path, ['entries']);
  const entries = array(o.entries, `${path}.entries`, SCHEMA_LIMITS.callListLength);
  return { entries: entries.map((entry, i) => clickToDial(entry, `${path}.entries[${i}]`)) };
}

const PREFIX = /^[0-9*#]{0,8}$/;
const HOST =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const CALL_CENTER_NAME = new RegExp(`^[A-Za-z][A-Za-z0-9_]{0,${SCHEMA_LIMITS.callCenterNameLength - 1}}$`);

function prefix(value: unknown, path: string): string {
  if (typeof value !== 'string' || !PREFIX.test(value)) fail(path, 'must be up to 8 digits, * or #');
  return value;
}

/** wss:// only: the SIP server is reached over secure WebSocket from Lightning. */
export function webSocketUrl(value: unknown, path: string): string {
  const url = text(value, path, { max: SCHEMA_LIMITS.urlLength });
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.protocol !== 'wss:' || !parsed.hostname || parsed.username || parsed.password) {
    fail(path, 'must be a wss:// URL without credentials');
  }
  return url;
}

export function hostName(value: unknown, path: string): string {
  if (typeof value !== 'string' || !HOST.test(value))
    fail(path, 'must be a host name such as sip.example.com');
  return value;
}

export function callCenterName(value: unknown, path: string): string {
  if (typeof value !== 'string' || !CALL_CENTER_NAME.test(value)) {
    fail(
      path,
      `must be a call center internal name (letters, digits, _; at most ${SCHEMA_LIMITS.callCenterNameLength})`,
    );
  }
  return value;
}

export function callCenterSettings(value: unknown, path: string): CallCenterSettings {
  const o = fields(value, path, ['mode', 'sip', 'dialing'], ['callCenterName']);
  const sip = fields(o.sip, `${path}.sip`, [], ['webSocketUrl', 'domain']);
  const dialing = fields(o.dialing, `${path}.dialing`, [
    'outsidePrefix',
    'longDistancePrefix',
    'internationalPrefix',
  ]);
  const out: CallCenterSettings = {
    mode: oneOf(o.mode, `${path}.mode`, ['softphone', 'deskphone'] as const),
    sip: {},
    dialing: {
      outsidePrefix: prefix(dialing.outsidePrefix, `${path}.dialing.outsidePrefix`),
      longDistancePrefix: prefix(dialing.longDistancePrefix, `${path}.dialing.longDistancePrefix`),
      internationalPrefix: prefix(dialing.internationalPrefix, `${path}.dialing.internationalPrefix`),
    },
  };
  if (o.callCenterName !== undefined)
    out.callCenterName = callCenterName(o.callCenterName, `${path}.callCenterName`);
  if (sip.webSocketUrl !== undefined)
    out.sip.webSocketUrl = webSocketUrl(sip.webSocketUrl, `${path}.sip.webSocketUrl`);
  if (sip.domain !== undefined) out.sip.domain = hostName(sip.domain, `${path}.sip.domain`);
  return out;
}

function failure(value: unknown, path: string): BridgeFailure {
  const o = fields(value, path, ['code', 'message']);
  return {
    code: oneOf(o.code, `${path}.code`, BRIDGE_ERROR_CODES),
    message: text(o.message, `${path}.message`, { max: SCHEMA_LIMITS.messageLength }),
  };
}

function bridgeStatus(value: unknown, path: string): BridgeStatus {
  const o = fields(value, path, ['state', 'clickToDial'], ['settings', 'error']);
  const out: BridgeStatus = {
    state: oneOf(o.state, `${path}.state`, ['connecting', 'ready', 'error'] as const),
    clickToDial: bool(o.clickToDial, `${path}.clickToDial`),
  };
  if (o.settings !== undefined) out.settings = callCenterSettings(o.settings, `${path}.settings`);
  if (o.error !== undefined) out.error = failure(o.error, `${path}.error`);
  return out;
}

export const PAYLOAD_CHECKS: { [K in keyof MessagePayloads]: Check<MessagePayloads[K]> } = {
  clickToDial,
  bridgeStatus,
  callList,
};
