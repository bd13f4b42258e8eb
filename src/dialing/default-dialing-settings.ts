// Settings used until the admin's arrive: a US site dialling numbers as they are, no extensions, no dial plan.
import type { DialingSettings } from './dial-types';

/** Deeply frozen: copy it (`{ ...defaultDialingSettings, defaultCountry: 'GB' }`) rather than edit it. */
export const defaultDialingSettings: Readonly<DialingSettings> = Object.freeze({
  defaultCountry: 'US',
  outsidePrefix: '',
  longDistancePrefix: '',
  internationalPrefix: '',
  extensionLengths: Object.freeze([]) as unknown as number[],
  dialPlan: Object.freeze({
    allow: Object.freeze([]) as unknown as string[],
    deny: Object.freeze([]) as unknown as string[],
  }),
});
