// `sforce.opencti` as opencti_min.js (Lightning Experience) documents it: every method takes one object and
// reports through `callback` with an OpenCtiResponse. Only wrap-open-cti.ts calls it.
import type { OpenCtiClickPayload } from './open-cti-click-payload';
import type { OpenCtiNavigationPayload } from './open-cti-navigation-payload';
import type { OpenCtiResponse } from './open-cti-response';

type Callback = (response: OpenCtiResponse) => void;

export interface SforceOpenCti {
  enableClickToDial(args: { callback?: Callback }): void;
  disableClickToDial(args: { callback?: Callback }): void;
  onClickToDial(args: { listener: (payload: OpenCtiClickPayload) => void }): void;
  /** API 38.0+: page changes, including landing on a record just created. */
  onNavigationChange(args: { listener: (payload: OpenCtiNavigationPayload) => void }): void;
  screenPop(args: {
    type: string;
    params: Record<string, unknown>;
    defaultFieldValues?: Record<string, unknown>;
    callback?: Callback;
  }): void;
  searchAndScreenPop(args: {
    searchParams?: string;
    queryParams?: string;
    defaultFieldValues?: Record<string, unknown>;
    callType: string;
    deferred?: boolean;
    callback?: Callback;
  }): void;
  saveLog(args: { value: Record<string, unknown>; callback?: Callback }): void;
  getCallCenterSettings(args: { callback: Callback }): void;
  setSoftphonePanelVisibility(args: { visible: boolean; callback?: Callback }): void;
  notifyInitializationComplete(args?: { callback?: Callback }): void;
  /** Lightning Message Service (API 47.0+); the callback's returnValue is the subscription. */
  subscribe(args: { channelName: string; listener: (message: unknown) => void; callback?: Callback }): void;
  publish(args: { channelName: string; message: unknown; callback?: Callback }): void;
  /** Enumerations; values are passed through as Salesforce defines them. */
  SCREENPOP_TYPE?: Partial<Record<string, string>>;
  CALL_TYPE?: Partial<Record<string, string>>;
}
