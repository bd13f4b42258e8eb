// Public surface of src/bridge: the Open CTI bridge (the only code touching sforce.opencti).
export { SoftphoneBridge, ANNOUNCE_EVERY_MS } from './softphone-bridge';
export type { SoftphoneBridgeOptions } from './softphone-bridge-options';
export { wrapOpenCti, DEFAULT_OPEN_CTI_TIMEOUT_MS } from './wrap-open-cti';
export type { WrapOpenCtiOptions } from './wrap-open-cti-options';
export type { OpenCti } from './open-cti';
export type { SforceOpenCti } from './sforce-open-cti';
export type { OpenCtiResponse } from './open-cti-response';
export type { OpenCtiErrorEntry } from './open-cti-error-entry';
export type { OpenCtiClickPayload } from './open-cti-click-payload';
export type { OpenCtiMethod } from './open-cti-method';
export { OpenCtiError } from './open-cti-error';
export { OPEN_CTI_ERROR_CODES } from './open-cti-error-code';
export type { OpenCtiErrorCode } from './open-cti-error-code';
export { CALL_CENTER_KEYS } from './call-center-keys';
export { parseCallCenterSettings } from './parse-call-center-settings';
export type { ParsedCallCenterSettings } from './parsed-call-center-settings';
export { toClickToDial } from './to-click-to-dial';
export type { ClickConversion } from './click-conversion';
// The page wiring (startBridgePage, with the lit status element) is reached through main.ts, the bundle entry,
// so that this surface stays free of DOM dependencies.
export type { BridgePageEnv } from './bridge-page-env';
export { createConsoleLogger } from './create-console-logger';
