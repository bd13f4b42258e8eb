// The softphoneCore static resource's public API (global `SoftphoneCore` after loadScript).
export * as dialing from './dialing';
export * as call from './call';
export * as crm from './crm';
export const version = '0.1.0';
