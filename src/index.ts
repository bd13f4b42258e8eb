// The softphoneCore static resource's public API (global `SoftphoneCore` after loadScript).
export { createSoftphone } from './create-softphone';
export type { Softphone, SoftphoneOptions, DialSource } from './create-softphone';
export { createSharedSoftphone } from './create-shared-softphone';
export type { SharedSessionOptions } from './create-shared-softphone';
export { softphoneView, CALL_ACTIONS } from './view/softphone-view';
export type { SoftphoneView, CallView, CallAction } from './view/softphone-view';
// What the utility and the setup tab use, no more: every export is code each agent downloads (bench B3).
export * as dialing from './dialing';
export * as crm from './crm';
export * as view from './view/statuses';
// Deskphone mode's code, handed in once its own resource (softphoneDeskphone) has loaded.
export { provideDeskphone } from './deskphone';
export const version = '0.1.0';
// Softphone Setup's Test connection (the setup tab loads this resource for it alone).
export { probeConnection } from './sip';
export type { ConnectionProbeInput, ProbeStepResult } from './sip';
