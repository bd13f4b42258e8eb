// Entry of the softphoneNumberingPlans static resource (scripts/build.ts): the world's numbering plans and
// libphonenumber-js's code that reads them, which the host hands to the core with
// dialing.provideNumberingPlans once the phone has started. Neither is in softphoneCore (bench B3).
export { default as metadata } from 'libphonenumber-js/min/metadata';
export {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/core';
