// Entry of the softphoneNumberingPlans static resource (scripts/build.ts): the world's numbering plans, which
// the host hands to the core with dialing.provideNumberingPlans once the phone has started.
export { default as metadata } from 'libphonenumber-js/min/metadata';
