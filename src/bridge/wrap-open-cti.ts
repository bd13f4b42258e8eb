// The only code that calls sforce.opencti: one documented call per method the bridge needs, its returnValue
// read back into our types; callOpenCti turns each call into a promise.
import { callOpenCti, type OpenCtiCallback } from './call-open-cti';
import { isRecord } from './is-record';
import type { OpenCti } from './open-cti';
import type { OpenCtiMethod } from './open-cti-method';
import type { SforceOpenCti } from './sforce-open-cti';
import type { WrapOpenCtiOptions } from './wrap-open-cti-options';

export const DEFAULT_OPEN_CTI_TIMEOUT_MS = 8_000;

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
    getCallCenterSettings: () =>
      call('getCallCenterSettings', (callback) => raw.getCallCenterSettings({ callback }), toSettings),
    notifyInitializationComplete: () =>
      call(
        'notifyInitializationComplete',
        (callback) => raw.notifyInitializationComplete({ callback }),
        nothing,
      ),
  };
}
