// Public surface of src/protocol: the bridge↔utility message schema on Softphone__c and its checks. The Open CTI
// bridge page and the utility ship separately and share only this folder.
export { SCHEMA_VERSION } from './messages';
export type { SchemaVersion } from './messages';
export { MESSAGE_TYPES, SCHEMA_LIMITS, BRIDGE_ERROR_CODES } from './messages';
export type {
  MessageType,
  SoftphoneMessage,
  MessagePayloads,
  ClickToDial,
  RecordShown,
  CallListRequest,
  BridgeState,
  BridgeStatus,
  CallCenterSettings,
  ScreenPopTarget,
  FieldValue,
  BridgeErrorCode,
  BridgeFailure,
} from './messages';
export type { RejectReason, ValidationResult } from './kit';
export { validateMessage } from './validate-message';
export { validateCallCenterSettings } from './validate-call-center-settings';
export { createMessage } from './create-message';
export { createRequestId } from './request-id';
export type { CrmLogger } from './logger';
export { checksum, isCaseSafeId, isSalesforceId } from './salesforce-id';
