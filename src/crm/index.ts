// Public surface of src/crm.
export type { ContactMatch, ContactObjectType } from './contact-match';

// What the Open CTI bridge, a list view and the Call Button tell the utility (the schema is src/protocol).
export { BridgeClient } from './bridge-client';
export type { BridgeClientOptions } from './bridge-client';
export type { MessageTransport } from './message-transport';

// The CRM port the utility implements.
export type { CrmPort, CallLogEntry, CallLogResult } from './crm-port';
export { CALL_LOG_ERROR_CODES, CallLogError } from './call-log-error';
export type { CallLogErrorCode } from './call-log-error';

// Calling a list view's selected records one at a time (the rule is src/call/call-list.ts).
export { CallListRunner } from './call-list-runner';
export type { CallListPhone, CallListRunnerOptions, CallListSource } from './call-list-runner';

// What Visualforce may say to the utility, by postMessage, checked for trust, origin and schema (ADR 0007).
export { checkVisualforceEvent, listenToVisualforce } from './visualforce-messages';
export type { VisualforceMessagesOptions, WindowMessageEvent, WindowMessages } from './visualforce-messages';
