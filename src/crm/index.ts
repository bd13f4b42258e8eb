// Public surface of src/crm.
export type { ContactMatch, ContactObjectType } from './contact-match';

// The LMS schema between the Open CTI bridge and the utility (channel Softphone__c).
export { SCHEMA_VERSION } from './schema-version';
export type { SchemaVersion } from './schema-version';
export { EVENT_TYPES, MESSAGE_TYPES, REQUEST_TYPES } from './message-type';
export type { MessageType } from './message-type';
export { isRequestType } from './request-type';
export type { RequestType } from './request-type';
export { SCHEMA_LIMITS } from './schema-limits';
export type { SoftphoneMessage } from './softphone-message';
export type { MessagePayloads } from './message-payloads';
export type { RequestResults } from './request-results';
export type { ClickToDial } from './click-to-dial';
export type { RecordShown } from './record-shown';
export type { BridgeState } from './bridge-state';
export type { BridgeStatus } from './bridge-status';
export type { CallCenterSettings } from './call-center-settings';
export type { ScreenPopTarget } from './screen-pop-target';
export type { CallType } from './call-type';
export type { FieldValue } from './field-value';
export type { SearchAndScreenPopRequest } from './search-and-screen-pop-request';
export type { ScreenPopDeferredRequest } from './screen-pop-deferred-request';
export type { SaveLogRequest } from './save-log-request';
export type { PanelVisibilityRequest } from './panel-visibility-request';
export type { EmptyRequest } from './empty-request';
export type { SearchMatch } from './search-match';
export type { SearchAndScreenPopResult } from './search-and-screen-pop-result';
export type { SaveLogResult } from './save-log-result';
export type { BridgeResponse } from './bridge-response';
export { BRIDGE_ERROR_CODES } from './bridge-error-code';
export type { BridgeErrorCode } from './bridge-error-code';
export type { BridgeFailure } from './bridge-failure';
export type { RejectReason } from './reject-reason';
export type { ValidationResult } from './validation-result';
export { validateMessage } from './validate-message';
export { validateResult } from './validate-result';
export { createMessage } from './create-message';
export { createRequestId } from './request-id';

// The utility's request/response client.
export { BridgeClient, DEFAULT_REQUEST_TIMEOUT_MS } from './bridge-client';
export type { BridgeClientOptions } from './bridge-client-options';
export { BridgeRequestError } from './bridge-request-error';
export type { MessageTransport } from './message-transport';
export type { CrmLogger } from './crm-logger';

// The CRM port the utility implements.
export type { CrmPort } from './crm-port';
export type { CallLogEntry } from './call-log-entry';
export type { CallLogResult } from './call-log-result';
export { CALL_LOG_ERROR_CODES, CallLogError } from './call-log-error';
export type { CallLogErrorCode } from './call-log-error';
