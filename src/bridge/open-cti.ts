// The typed face of Open CTI the bridge programs against: promises, schema types, OpenCtiError on failure.
import type { SaveLogRequest, SaveLogResult, ScreenPopTarget, SearchAndScreenPopRequest } from '../protocol';
import type { OpenCtiClickPayload } from './open-cti-click-payload';
import type { OpenCtiNavigationPayload } from './open-cti-navigation-payload';
import type { OpenCtiScreenPopData } from './open-cti-screen-pop-data';
import type { OpenCtiSearchResult } from './open-cti-search-result';

export interface OpenCti {
  enableClickToDial(): Promise<void>;
  disableClickToDial(): Promise<void>;
  /** Raw payloads: the bridge checks them before relaying. */
  onClickToDial(listener: (payload: OpenCtiClickPayload) => void): void;
  /** Raw payloads: the bridge relays only those that name a record. */
  onNavigationChange(listener: (payload: OpenCtiNavigationPayload) => void): void;
  screenPop(target: ScreenPopTarget): Promise<void>;
  /** Performs the pop a deferred searchAndScreenPop prepared. */
  replayScreenPop(data: OpenCtiScreenPopData): Promise<void>;
  searchAndScreenPop(request: SearchAndScreenPopRequest): Promise<OpenCtiSearchResult>;
  saveLog(value: SaveLogRequest['value']): Promise<SaveLogResult>;
  /** The flat "/section/item" → value map of the agent's call center. */
  getCallCenterSettings(): Promise<Readonly<Record<string, string>>>;
  setSoftphonePanelVisibility(visible: boolean): Promise<void>;
  notifyInitializationComplete(): Promise<void>;
  subscribe(channelName: string, listener: (message: unknown) => void): Promise<void>;
  publish(channelName: string, message: object): Promise<void>;
}
