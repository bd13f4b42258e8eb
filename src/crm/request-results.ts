// Request type → the `result` of its successful response.
import type { BridgeStatus } from './bridge-status';
import type { CallCenterSettings } from './call-center-settings';
import type { SaveLogResult } from './save-log-result';
import type { SearchAndScreenPopResult } from './search-and-screen-pop-result';

export interface RequestResults {
  screenPop: null;
  screenPopDeferred: null;
  searchAndScreenPop: SearchAndScreenPopResult;
  saveLog: SaveLogResult;
  setPanelVisibility: null;
  getCallCenterSettings: CallCenterSettings;
  getBridgeStatus: BridgeStatus;
}
