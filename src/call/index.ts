// Public surface of src/call: the phone and call statecharts, their events, settings and records.
export { conferenceCustomerCallId, phoneMachine, phoneErrorMessages } from './phone-machine';
export { CONFERENCE_BUSY_TONE_MS } from './phone-machine';
export type {
  PhoneMachine,
  PhoneTag,
  PhoneInput,
  PhoneContext,
  PhoneError,
  PhoneErrorCode,
  SipUserAgentInput,
  Consultation,
  LineSwitch,
  QueuedIntent,
} from './phone-machine';
export { callMachine, REJECT_STATUS_CODE } from './call-machine';
export type { CallMachine, CallTag } from './call-machine';
export { callErrorMessages, createCallContext, isLoggable, toCallRecord } from './call-context';
export type { CallContext, CallError, CallErrorCode, CallInput } from './call-context';
export type { ContactMatch, ContactObjectType, Customer } from './customer';
export type {
  CallCrmEvent,
  CallEvent,
  CallPhoneEvent,
  CallReportEvent,
  CallSipEvent,
  CallUiEvent,
  SipCallCommand,
} from './call-events';
export type {
  DialRequest,
  PhoneCrmEvent,
  PhoneEvent,
  PhoneHostEvent,
  PhoneInternalEvent,
  PhoneSipEvent,
  PhoneUiEvent,
  UserAgentCommand,
} from './phone-events';
export type {
  AlertAgentInput,
  AlertTone,
  ConferenceTone,
  ConferenceToneInput,
  SearchContactsInput,
  SearchContactsOutput,
  AwaitCreatedContactInput,
  SipSessionInput,
} from './call-actors';
export {
  callFailure,
  callFailureMessages,
  callFailureReasonFromSipStatus,
  notRecoveredFailure,
} from './call-failure';
export type { CallFailure, CallFailureReason, DeviceFailureReason } from './call-failure';
export { durationSeconds, isMissedCall } from './call-record';
export { CLICK_TO_DIAL_LIMIT } from './click-to-dial-limit';
export type { CallDirection, CallOutcome, CallRecord, RemoteParty } from './call-record';
export { IN_PROGRESS_STATUSES, LINE_OCCUPYING_STATUSES } from './line-status';
export type { LineStatus } from './line-status';
export { defaultCallSettings, defaultPhoneSettings, MAX_CONFERENCE_PARTIES } from './phone-settings';
export type {
  CallSettings,
  IncomingCallPolicy,
  PhoneMode,
  PhoneSettings,
  ReconnectPolicy,
} from './phone-settings';
export { registrationFailureMessages, registrationFailureReason } from './registration-failure';
export type { RegistrationFailureReason } from './registration-failure';
export type { RestoredCall } from './restored-call';
export { MAX_SAVE_RETRY_DELAY_MS, reconnectDelayMs, saveRetryDelayMs } from './sip-timing';
export { mayWriteNotes } from './call-notes';
export { workTimerSeconds, wrapUpRecordType } from './work-timer';
export type { WrapUpByDirection, WrapUpByRecord, WrapUpRecordType } from './phone-settings';
export { callListStep } from './call-list';
export type { CallList, CallListEntry, CallListEvent, CallListPhase, CallListStep } from './call-list';
