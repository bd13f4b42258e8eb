// The only code that calls sforce.opencti: one documented call per method, its arguments built from the
// schema's types and its returnValue read back into them; callOpenCti turns each call into a promise.
import {
  validateResult,
  type SaveLogResult,
  type ScreenPopTarget,
  type SearchAndScreenPopRequest,
  type SearchMatch,
} from '../protocol';
import { callOpenCti, type OpenCtiCallback } from './call-open-cti';
import { isRecord } from './is-record';
import type { OpenCti } from './open-cti';
import type { OpenCtiMethod } from './open-cti-method';
import type { OpenCtiScreenPopData } from './open-cti-screen-pop-data';
import type { OpenCtiSearchResult } from './open-cti-search-result';
import type { SforceOpenCti } from './sforce-open-cti';
import type { WrapOpenCtiOptions } from './wrap-open-cti-options';

export const DEFAULT_OPEN_CTI_TIMEOUT_MS = 8_000;

/** A record of searchAndScreenPop's returnValue ({Id, Name, RecordType, ...display fields}), checked by the schema. */
function toMatch(key: string, value: unknown): SearchMatch | undefined {
  if (!isRecord(value)) return undefined;
  const candidate: SearchMatch = { id: typeof value.Id === 'string' ? value.Id : key, fields: {} };
  if (typeof value.RecordType === 'string') candidate.objectType = value.RecordType;
  if (typeof value.Name === 'string') candidate.name = value.Name;
  for (const [field, fieldValue] of Object.entries(value)) {
    if (field === 'Id' || field === 'Name' || field === 'RecordType') continue;
    if (typeof fieldValue === 'string') candidate.fields[field] = fieldValue;
  }
  const checked = validateResult('searchAndScreenPop', { matches: [candidate] });
  return checked.ok ? checked.value.matches[0] : undefined;
}

function toSearchResult(returnValue: unknown): OpenCtiSearchResult {
  const result: OpenCtiSearchResult = { matches: [] };
  if (!isRecord(returnValue)) return result;
  for (const [key, value] of Object.entries(returnValue)) {
    if (key === 'SCREEN_POP_DATA') {
      if (isRecord(value) && typeof value.type === 'string' && isRecord(value.params)) {
        const data: OpenCtiScreenPopData = { type: value.type, params: value.params };
        result.screenPopData = data;
      }
      continue;
    }
    const match = toMatch(key, value);
    if (match) result.matches.push(match);
  }
  return result;
}

/** saveLog's returnValue: the record id, as a string or as {recordId} / {Id}. */
function toSaveLogResult(returnValue: unknown): SaveLogResult {
  const id = isRecord(returnValue) ? (returnValue.recordId ?? returnValue.Id) : returnValue;
  const checked = validateResult('saveLog', { recordId: id });
  return checked.ok ? checked.value : {};
}

function toSettings(returnValue: unknown): Readonly<Record<string, string>> {
  const settings: Record<string, string> = {};
  if (!isRecord(returnValue)) return settings;
  for (const [key, value] of Object.entries(returnValue)) {
    if (key.startsWith('/') && typeof value === 'string') settings[key] = value;
  }
  return settings;
}

const nothing = (): void => undefined;

type ScreenPopArgs = Parameters<SforceOpenCti['screenPop']>[0];
type SearchAndScreenPopArgs = Parameters<SforceOpenCti['searchAndScreenPop']>[0];

// Documented usage is sforce.opencti.SCREENPOP_TYPE.X / CALL_TYPE.X; their values belong to Salesforce.

/** screenPop's argument: defaultFieldValues go only with a new-record form. */
function screenPopArgs(
  raw: SforceOpenCti,
  target: ScreenPopTarget,
  callback: OpenCtiCallback,
): ScreenPopArgs {
  return {
    type: raw.SCREENPOP_TYPE?.[target.type] ?? target.type,
    params: { ...target.params },
    ...(target.type === 'NEW_RECORD_MODAL' && target.defaultFieldValues
      ? { defaultFieldValues: { ...target.defaultFieldValues } }
      : {}),
    callback,
  };
}

function searchAndScreenPopArgs(
  raw: SforceOpenCti,
  request: SearchAndScreenPopRequest,
  callback: OpenCtiCallback,
): SearchAndScreenPopArgs {
  return {
    searchParams: request.searchParams,
    ...(request.queryParams !== undefined ? { queryParams: request.queryParams } : {}),
    ...(request.defaultFieldValues ? { defaultFieldValues: { ...request.defaultFieldValues } } : {}),
    callType: raw.CALL_TYPE?.[request.callType] ?? request.callType,
    deferred: request.deferred,
    callback,
  };
}

export function wrapOpenCti(raw: SforceOpenCti, options: WrapOpenCtiOptions = {}): OpenCti {
  const timeoutMs = options.timeoutMs ?? DEFAULT_OPEN_CTI_TIMEOUT_MS;
  const call = <T>(
    method: OpenCtiMethod,
    invoke: (callback: OpenCtiCallback) => void,
    convert: (value: unknown) => T,
  ) => callOpenCti(method, timeoutMs, invoke, convert);

  return {
    enableClickToDial: () =>
      call('enableClickToDial', (callback) => raw.enableClickToDial({ callback }), nothing),
    disableClickToDial: () =>
      call('disableClickToDial', (callback) => raw.disableClickToDial({ callback }), nothing),
    onClickToDial: (listener) => raw.onClickToDial({ listener }),
    onNavigationChange: (listener) => raw.onNavigationChange({ listener }),
    screenPop: (target) =>
      call('screenPop', (callback) => raw.screenPop(screenPopArgs(raw, target, callback)), nothing),
    replayScreenPop: (data) =>
      call(
        'screenPop',
        (callback) => raw.screenPop({ type: data.type, params: data.params, callback }),
        nothing,
      ),
    searchAndScreenPop: (request) =>
      call(
        'searchAndScreenPop',
        (callback) => raw.searchAndScreenPop(searchAndScreenPopArgs(raw, request, callback)),
        toSearchResult,
      ),
    saveLog: (value) =>
      call('saveLog', (callback) => raw.saveLog({ value: { ...value }, callback }), toSaveLogResult),
    getCallCenterSettings: () =>
      call('getCallCenterSettings', (callback) => raw.getCallCenterSettings({ callback }), toSettings),
    setSoftphonePanelVisibility: (visible) =>
      call(
        'setSoftphonePanelVisibility',
        (callback) => raw.setSoftphonePanelVisibility({ visible, callback }),
        nothing,
      ),
    notifyInitializationComplete: () =>
      call(
        'notifyInitializationComplete',
        (callback) => raw.notifyInitializationComplete({ callback }),
        nothing,
      ),
    subscribe: (channelName, listener) =>
      call('subscribe', (callback) => raw.subscribe({ channelName, listener, callback }), nothing),
    publish: (channelName, message) =>
      call('publish', (callback) => raw.publish({ channelName, message, callback }), nothing),
  };
}
