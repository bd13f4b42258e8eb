// Public surface of src/sip: the telephony port (the only code that imports sip.js).
export { SipPhone } from './phone';
export type { DialOptions } from './phone';
export { parseDialogSnapshot, replacesHeader } from './dialog-snapshot';
export type { DialogSnapshot } from './dialog-snapshot';
export type { SipPhoneConfig } from './sip-phone-config';
export type { SipAuth } from './sip-auth';
export type { SipLogger } from './sip-logger';
export type { ReinviteRetryCause } from './leg/reinvite';
export type { MuteHook } from './mute-hook';
export type { HoldHook } from './hold-hook';
export type { CallMedia } from './call-media';
export type { ConferenceHook } from './conference-hook';
export type { DeviceHook } from './device-hook';
export type { SipEvent } from './sip-event';
export type { SipEventOf } from './sip-event-of';
export { sipEventTypes } from './sip-event-types';
export type { CallerIdentity } from './caller-identity';
export type { CallContext } from './call-context';
export { AGENT_HEADER, CONTEXT_HEADER, formatContextHeader, parseContextHeader } from './context-header';
export { reinviteRetryDelay } from './leg/reinvite';
export {
  SipError,
  AddressIncompleteError,
  AuthenticationFailedError,
  CallBusyError,
  CallCancelledError,
  CallDeclinedError,
  CallNotFoundError,
  CallRejectedError,
  DeniedDestinationError,
  ForbiddenError,
  IncompatibleMediaError,
  InvalidArgumentError,
  InvalidStateError,
  MicrophoneUnavailableError,
  NetworkError,
  NoAnswerError,
  NotFoundError,
  NotStartedError,
  ReinviteFailedError,
  ServerError,
  TooManyRedirectsError,
  TransferFailedError,
  TransferTimeoutError,
  errorForStatus,
} from './errors';
export type { SipErrorCode } from './errors';
/** The media handler factory type, for callers that inject one (Node tests) without importing sip.js. */
export type { SessionDescriptionHandlerFactory } from 'sip.js';
export { probeConnection } from './connection-probe';
export type { ConnectionProbeInput, ProbeStepResult, ProbeStep, ProbeOutcome } from './connection-probe';
