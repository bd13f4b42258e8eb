// The schema of every payload and every request's result, as checks (see kit.ts for the rules).
import {
  BRIDGE_ERROR_CODES,
  SCHEMA_LIMITS,
  type BridgeFailure,
  type BridgeResponse,
  type BridgeStatus,
  type CallCenterSettings,
  type CallListRequest,
  type CallType,
  type ClickToDial,
  type EmptyRequest,
  type MessagePayloads,
  type RecordShown,
  type RequestResults,
  type SaveLogRequest,
  type SearchAndScreenPopRequest,
  type SearchAndScreenPopResult,
  type SearchMatch,
} from './messages';
import { screenPop } from './screen-pop-checks';
import {
  apiName,
  discriminant,
  array,
  bool,
  fail,
  fieldValue,
  fieldValues,
  fields,
  isApiName,
  jsonValue,
  oneOf,
  phoneNumber,
  plainObject,
  printable,
  salesforceId,
  text,
  token,
} from './kit';

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

function recordShown(value: unknown, path: string): RecordShown {
  const o = fields(value, path, ['recordId', 'objectType'], ['recordName']);
  const out: RecordShown = {
    recordId: salesforceId(o.recordId, `${path}.recordId`),
    objectType: apiName(o.objectType, `${path}.objectType`),
  };
  if (o.recordName !== undefined) out.recordName = name(o.recordName, `${path}.recordName`);
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

function callCenterSettings(value: unknown, path: string): CallCenterSettings {
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

export const CALL_TYPES: readonly CallType[] = ['INBOUND', 'OUTBOUND', 'INTERNAL'];

function searchAndScreenPop(value: unknown, path: string): SearchAndScreenPopRequest {
  const o = fields(
    value,
    path,
    ['searchParams', 'callType', 'deferred'],
    ['queryParams', 'defaultFieldValues'],
  );
  const out: SearchAndScreenPopRequest = {
    searchParams: text(o.searchParams, `${path}.searchParams`, { max: SCHEMA_LIMITS.searchLength }),
    callType: oneOf(o.callType, `${path}.callType`, CALL_TYPES),
    deferred: bool(o.deferred, `${path}.deferred`),
  };
  if (o.queryParams !== undefined) {
    out.queryParams = text(o.queryParams, `${path}.queryParams`, { max: SCHEMA_LIMITS.paramsLength, min: 0 });
  }
  if (o.defaultFieldValues !== undefined) {
    out.defaultFieldValues = fieldValues(o.defaultFieldValues, `${path}.defaultFieldValues`);
  }
  return out;
}

function saveLog(value: unknown, path: string): SaveLogRequest {
  const o = fields(value, path, ['value']);
  const p = `${path}.value`;
  const record = plainObject(o.value, p);
  const creates = record.entityApiName !== undefined;
  const updates = record.Id !== undefined;
  if (creates === updates) fail(p, 'must have exactly one of entityApiName (create) or Id (update)');
  const keys = Object.keys(record).filter((key) => record[key] !== undefined);
  if (keys.length > SCHEMA_LIMITS.fieldCount)
    fail(p, `must have at most ${SCHEMA_LIMITS.fieldCount} members`);
  const out: SaveLogRequest['value'] = creates
    ? { entityApiName: apiName(record.entityApiName, `${p}.entityApiName`) }
    : { Id: salesforceId(record.Id, `${p}.Id`) };
  for (const key of keys) {
    if (key === 'entityApiName' || key === 'Id') continue;
    if (!isApiName(key)) fail(p, `has a member ${printable(key)} that is not a field API name`);
    out[key] = fieldValue(record[key], `${p}.${key}`);
  }
  return { value: out };
}

function empty(value: unknown, path: string): EmptyRequest {
  fields(value, path, []);
  return {};
}

function response(value: unknown, path: string): BridgeResponse {
  if (bool(discriminant(value, path, 'ok'), `${path}.ok`)) {
    const ok = fields(value, path, ['ok', 'result']);
    // `null` is a result (screenPop has no other), so `result` must be present but may be null.
    if (!('result' in ok)) fail(path, 'has no result');
    return { ok: true, result: jsonValue(ok.result, `${path}.result`) };
  }
  const failed = fields(value, path, ['ok', 'error']);
  return { ok: false, error: failure(failed.error, `${path}.error`) };
}

export const PAYLOAD_CHECKS: { [K in keyof MessagePayloads]: Check<MessagePayloads[K]> } = {
  clickToDial,
  bridgeStatus,
  recordShown,
  callList,
  screenPop,
  screenPopDeferred: (value, path) => ({
    popToken: token(fields(value, path, ['popToken']).popToken, `${path}.popToken`),
  }),
  searchAndScreenPop,
  saveLog,
  setPanelVisibility: (value, path) => ({
    visible: bool(fields(value, path, ['visible']).visible, `${path}.visible`),
  }),
  getCallCenterSettings: empty,
  getBridgeStatus: empty,
  response,
};

function nothing(value: unknown, path: string): null {
  if (value !== null) fail(path, 'must be null');
  return null;
}

function searchMatch(value: unknown, path: string): SearchMatch {
  const o = fields(value, path, ['id', 'fields'], ['objectType', 'name']);
  const displayed = plainObject(o.fields, `${path}.fields`);
  const keys = Object.keys(displayed).filter((key) => displayed[key] !== undefined);
  if (keys.length > SCHEMA_LIMITS.matchFieldCount) {
    fail(`${path}.fields`, `must have at most ${SCHEMA_LIMITS.matchFieldCount} members`);
  }
  const out: SearchMatch = { id: salesforceId(o.id, `${path}.id`), fields: {} };
  if (o.objectType !== undefined) out.objectType = apiName(o.objectType, `${path}.objectType`);
  if (o.name !== undefined) out.name = name(o.name, `${path}.name`);
  for (const key of keys) {
    if (!isApiName(key))
      fail(`${path}.fields`, `has a member ${printable(key)} that is not a field API name`);
    out.fields[key] = text(displayed[key], `${path}.fields.${key}`, {
      max: SCHEMA_LIMITS.nameLength,
      min: 0,
    });
  }
  return out;
}

function searchResult(value: unknown, path: string): SearchAndScreenPopResult {
  const o = fields(value, path, ['matches'], ['popToken']);
  const out: SearchAndScreenPopResult = {
    matches: array(o.matches, `${path}.matches`, SCHEMA_LIMITS.matchCount).map((match, i) =>
      searchMatch(match, `${path}.matches[${i}]`),
    ),
  };
  if (o.popToken !== undefined) out.popToken = token(o.popToken, `${path}.popToken`);
  return out;
}

export const RESULT_CHECKS: { [K in keyof RequestResults]: Check<RequestResults[K]> } = {
  screenPop: nothing,
  screenPopDeferred: nothing,
  searchAndScreenPop: searchResult,
  saveLog: (value, path) => {
    const o = fields(value, path, [], ['recordId']);
    return o.recordId === undefined ? {} : { recordId: salesforceId(o.recordId, `${path}.recordId`) };
  },
  setPanelVisibility: nothing,
  getCallCenterSettings: callCenterSettings,
  getBridgeStatus: bridgeStatus,
};
