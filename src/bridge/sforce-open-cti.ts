// `sforce.opencti` as opencti_min.js (Lightning Experience) documents it: every method takes one object and
// reports through `callback` with an OpenCtiResponse. Only wrap-open-cti.ts calls it.
import type { OpenCtiClickPayload } from './open-cti-click-payload';
import type { OpenCtiResponse } from './open-cti-response';

type Callback = (response: OpenCtiResponse) => void;

export interface SforceOpenCti {
  enableClickToDial(args: { callback?: Callback }): void;
  disableClickToDial(args: { callback?: Callback }): void;
  onClickToDial(args: { listener: (payload: OpenCtiClickPayload) => void }): void;
  getCallCenterSettings(args: { callback: Callback }): void;
  notifyInitializationComplete(args?: { callback?: Callback }): void;
}
