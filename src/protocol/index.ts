// Public surface of src/protocol: the bridge↔utility message schema on Softphone__c and its checks. The Open CTI
// bridge page and the utility ship separately and share only this folder.
export { SCHEMA_VERSION } from './messages';
export type { SchemaVersion } from './messages';
export {
  EVENT_TYPES,
  MESSAGE_TYPES,
  REQUEST_TYPES,
  isRequestType,
  SCHEMA_LIMITS,
  BRIDGE_ERROR_CODES,
  VISUALFORCE_TYPES,
  isVisualforceType,
} from './messages';
export type {
  MessageType,
  RequestType,
  SoftphoneMessage,
  MessagePayloads,
  RequestResults,
  ClickToDial,
  RecordShown,
  CallListRequest,
  BridgeState,
  BridgeStatus,
  CallCenterSettings,
  ScreenPopTarget,
  CallType,
  FieldValue,
  SearchAndScreenPopRequest,
  ScreenPopDeferredRequest,
  SaveLogRequest,
  PanelVisibilityRequest,
  EmptyRequest,
  SearchMatch,
  SearchAndScreenPopResult,
  SaveLogResult,
  BridgeResponse,
  BridgeErrorCode,
  BridgeFailure,
  VisualforceMessageType,
} from './messages';
export type { RejectReason, ValidationResult } from './kit';
export { validateMessage } from './validate-message';
export { validateResult } from './validate-result';
export { createMessage } from './create-message';
export { createRequestId } from './request-id';
export type { CrmLogger } from './logger';
export { checksum, isCaseSafeId, isSalesforceId } from './salesforce-id';
