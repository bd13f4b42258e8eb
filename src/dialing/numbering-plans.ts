// The world's numbering plans (libphonenumber-js metadata) and the libphonenumber-js code that reads them
// are a quarter of the core's weight, and the phone rings without them. So both ship as their own static
// resource (softphoneNumberingPlans, src/dialing/numbering-plans-resource.ts), loaded after the core, and are
// handed in here once. This module is their one owner: every use in src/dialing goes through it, and it
// imports only libphonenumber-js's types, so none of its code lands in the core (test/integration/core-bundle.test.ts).
import type * as Libphonenumber from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson, PhoneNumber } from 'libphonenumber-js/core';
import { LatePart } from './late-part';

/** What the softphoneNumberingPlans resource exposes: the metadata and the functions that read it. */
export interface NumberingPlans {
  metadata: MetadataJson;
  parsePhoneNumberFromString: typeof Libphonenumber.parsePhoneNumberFromString;
  getCountryCallingCode: typeof Libphonenumber.getCountryCallingCode;
  isSupportedCountry: typeof Libphonenumber.isSupportedCountry;
}

function isMetadata(value: unknown): value is MetadataJson {
  if (typeof value !== 'object' || value === null) return false;
  const { countries, country_calling_codes: codes } = value as Partial<Record<keyof MetadataJson, unknown>>;
  return typeof countries === 'object' && countries !== null && typeof codes === 'object' && codes !== null;
}

function isNumberingPlans(value: unknown): value is NumberingPlans {
  if (typeof value !== 'object' || value === null) return false;
  const resource = value as Partial<Record<keyof NumberingPlans, unknown>>;
  return (
    isMetadata(resource.metadata) &&
    typeof resource.parsePhoneNumberFromString === 'function' &&
    typeof resource.getCountryCallingCode === 'function' &&
    typeof resource.isSupportedCountry === 'function'
  );
}

const plans = new LatePart<NumberingPlans>(
  isNumberingPlans,
  'Numbering plans must be the softphoneNumberingPlans resource (libphonenumber-js).',
);

/** Hands in the numbering plans (the softphoneNumberingPlans resource's global); the first one stays. */
export function provideNumberingPlans(resource: unknown): void {
  plans.provide(resource);
}

export function numberingPlansLoaded(): boolean {
  return plans.value !== undefined;
}

/** Resolves once the numbering plans are in (at once if they already are). */
export function whenNumberingPlans(): Promise<void> {
  return plans.arrival;
}

/** Runs `go` once the plans are in, or after the wait without them (then prepareDial refuses in words). */
export function afterNumberingPlans(go: () => void): void {
  plans.after(go);
}

/** Callers check numberingPlansLoaded() first; reaching here without plans is a programming mistake. */
function loaded(): NumberingPlans {
  if (!plans.value) throw new Error('The numbering plans are not loaded yet.');
  return plans.value;
}

export function isSupportedCountry(country: string): country is CountryCode {
  const { isSupportedCountry: supportedIn, metadata } = loaded();
  return supportedIn(country as CountryCode, metadata);
}

export function countryCallingCode(country: CountryCode): string {
  const { getCountryCallingCode: callingCodeIn, metadata } = loaded();
  return callingCodeIn(country, metadata);
}

/** Parses a number written nationally for `country` or internationally (+…); undefined when it is not one. */
export function parsePhone(text: string, country?: CountryCode): PhoneNumber | undefined {
  const { parsePhoneNumberFromString: parseIn, metadata } = loaded();
  return country === undefined ? parseIn(text, metadata) : parseIn(text, country, metadata);
}
