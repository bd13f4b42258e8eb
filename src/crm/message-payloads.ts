// Message type → payload: the one table both hosts build and check messages against.
import type { BridgeResponse } from './bridge-response';
import type { BridgeStatus } from './bridge-status';
import type { ClickToDial } from './click-to-dial';
import type { EmptyRequest } from './empty-request';
import type { PanelVisibilityRequest } from './panel-visibility-request';
import type { RecordShown } from './record-shown';
import type { SaveLogRequest } from './save-log-request';
import type { ScreenPopDeferredRequest } from './screen-pop-deferred-request';
import type { ScreenPopTarget } from './screen-pop-target';
import type { SearchAndScreenPopRequest } from './search-and-screen-pop-request';

export interface MessagePayloads {
  clickToDial: ClickToDial;
  bridgeStatus: BridgeStatus;
  recordShown: RecordShown;
  screenPop: ScreenPopTarget;
  screenPopDeferred: ScreenPopDeferredRequest;
  searchAndScreenPop: SearchAndScreenPopRequest;
  saveLog: SaveLogRequest;
  setPanelVisibility: PanelVisibilityRequest;
  getCallCenterSettings: EmptyRequest;
  getBridgeStatus: EmptyRequest;
  response: BridgeResponse;
}
