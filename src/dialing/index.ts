// Public surface of src/dialing: number normalisation, admin prefixes, dial plan, SIP URI building.
export type * from './dial-types';
export { prepareDial } from './prepare-dial';
export { toSipUri } from './to-sip-uri';
export { searchVariants } from './search-variants';
export { sanitiseDisplayName } from './sanitise-display-name';
export { defaultDialingSettings } from './default-dialing-settings';
export { DialingError } from './dialing-error';
export type { DialingErrorCode } from './dialing-error';
export { checkDestination } from './check-destination';
export { afterNumberingPlans, provideNumberingPlans, whenNumberingPlans } from './numbering-plans';
export type { NumberingPlans } from './numbering-plans';
