// The only code that calls sforce.opencti: one documented call per method, callbacks turned into promises,
// error arrays into OpenCtiError, and every call bounded by a timeout (a callback that never comes fails).
import { validateResult, type SaveLogResult, type SearchMatch } from '../protocol';
import { isRecord } from './is-record';
import type { OpenCti } from './open-cti';
import { OpenCtiError } from './open-cti-error';
import type { OpenCtiMethod } from './open-cti-method';
import type { OpenCtiResponse } from './open-cti-response';
import type { OpenCtiScreenPopData } from './open-cti-screen-pop-data';
import type { OpenCtiSearchResult } from './open-cti-search-result';
import type { SforceOpenCti } from './sforce-open-cti';
import type { WrapOpenCtiOptions } from './wrap-open-cti-options';

export const DEFAULT_OPEN_CTI_TIMEOUT_MS = 8_000;

type Callback = (response: OpenCtiResponse) => void;

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

export function wrapOpenCti(raw: SforceOpenCti, options: WrapOpenCtiOptions = {}): OpenCti {
  const timeoutMs = options.timeoutMs ?? DEFAULT_OPEN_CTI_TIMEOUT_MS;

  function call<T>(
    method: OpenCtiMethod,
    invoke: (callback: Callback) => void,
    convert: (value: unknown) => T,
  ) {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        reject(OpenCtiError.timeout(method, timeoutMs));
      }, timeoutMs);
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
      };
      try {
        invoke((response) =>
          finish(() => {
            if (isRecord(response) && response.success === true) resolve(convert(response.returnValue));
            else reject(OpenCtiError.fromResponse(method, response));
          }),
        );
      } catch (error) {
        finish(() => reject(OpenCtiError.thrown(method, error)));
      }
    });
  }

  // Documented usage is sforce.opencti.SCREENPOP_TYPE.X / CALL_TYPE.X; their values belong to Salesforce.
  const screenPopType = (type: string) => raw.SCREENPOP_TYPE?.[type] ?? type;
  const callType = (type: string) => raw.CALL_TYPE?.[type] ?? type;

  return {
    enableClickToDial: () =>
      call('enableClickToDial', (callback) => raw.enableClickToDial({ callback }), nothing),
    disableClickToDial: () =>
      call('disableClickToDial', (callback) => raw.disableClickToDial({ callback }), nothing),
    onClickToDial: (listener) => raw.onClickToDial({ listener }),
    onNavigationChange: (listener) => raw.onNavigationChange({ listener }),
    screenPop: (target) =>
      call(
        'screenPop',
        (callback) =>
          raw.screenPop({
            type: screenPopType(target.type),
            params: { ...target.params },
            ...(target.type === 'NEW_RECORD_MODAL' && target.defaultFieldValues
              ? { defaultFieldValues: { ...target.defaultFieldValues } }
              : {}),
            callback,
          }),
        nothing,
      ),
    replayScreenPop: (data) =>
      call(
        'screenPop',
        (callback) => raw.screenPop({ type: data.type, params: data.params, callback }),
        nothing,
      ),
    searchAndScreenPop: (request) =>
      call(
        'searchAndScreenPop',
        (callback) =>
          raw.searchAndScreenPop({
            searchParams: request.searchParams,
            ...(request.queryParams !== undefined ? { queryParams: request.queryParams } : {}),
            ...(request.defaultFieldValues ? { defaultFieldValues: { ...request.defaultFieldValues } } : {}),
            callType: callType(request.callType),
            deferred: request.deferred,
            callback,
          }),
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
