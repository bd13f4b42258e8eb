// One Open CTI call as a promise: its callback's response becomes the value or an OpenCtiError, a method that
// throws fails with GENERIC_ERROR, and a callback that never comes fails with TIMEOUT (a late one is ignored).
import { isRecord } from './is-record';
import { OpenCtiError } from './open-cti-error';
import type { OpenCtiMethod } from './open-cti-method';
import type { OpenCtiResponse } from './open-cti-response';

export type OpenCtiCallback = (response: OpenCtiResponse) => void;

/** Calls `method` through `invoke` and resolves with `convert` of its returnValue. */
export function callOpenCti<T>(
  method: OpenCtiMethod,
  timeoutMs: number,
  invoke: (callback: OpenCtiCallback) => void,
  convert: (value: unknown) => T,
): Promise<T> {
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
