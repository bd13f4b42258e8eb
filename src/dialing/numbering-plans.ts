// The world's numbering plans (libphonenumber-js metadata) are a fifth of the core's weight, and the phone
// rings without them. So they ship as their own static resource (softphoneNumberingPlans), loaded after the
// core, and are handed in here once. This module is their one owner: every use in src/dialing goes through it.
import {
  getCountryCallingCode as callingCodeIn,
  isSupportedCountry as supportedIn,
  parsePhoneNumberFromString as parseIn,
} from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson, PhoneNumber } from 'libphonenumber-js/core';
import { dialingLimits } from './dialing-limits';

export type NumberingPlans = MetadataJson;

let plans: MetadataJson | undefined;
let arrived: () => void = () => undefined;
const arrival = new Promise<void>((resolve) => {
  arrived = resolve;
});

function isMetadata(value: unknown): value is MetadataJson {
  if (typeof value !== 'object' || value === null) return false;
  const { countries, country_calling_codes: codes } = value as Partial<Record<keyof MetadataJson, unknown>>;
  return typeof countries === 'object' && countries !== null && typeof codes === 'object' && codes !== null;
}

/** Hands in the numbering plans (the softphoneNumberingPlans resource's `metadata`); the first one stays. */
export function provideNumberingPlans(metadata: unknown): void {
  if (plans) return;
  if (!isMetadata(metadata)) throw new TypeError('Numbering plans must be libphonenumber-js metadata.');
  plans = metadata;
  arrived();
}

export function numberingPlansLoaded(): boolean {
  return plans !== undefined;
}

/** Resolves once the numbering plans are in (at once if they already are). */
export function whenNumberingPlans(): Promise<void> {
  return arrival;
}

/**
 * Runs `go` now if the numbering plans are in, else once they arrive, or after
 * dialingLimits.numberingPlansWaitMs without them (then prepareDial refuses in words). Waiting dials keep their order.
 */
export function afterNumberingPlans(go: () => void): void {
  if (plans) {
    go();
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, dialingLimits.numberingPlansWaitMs);
  });
  void Promise.race([arrival, waited]).then(() => {
    clearTimeout(timer);
    go();
  });
}

/** Callers check numberingPlansLoaded() first; reaching here without plans is a programming mistake. */
function loaded(): MetadataJson {
  if (!plans) throw new Error('The numbering plans are not loaded yet.');
  return plans;
}

export function isSupportedCountry(country: string): country is CountryCode {
  return supportedIn(country as CountryCode, loaded());
}

export function countryCallingCode(country: CountryCode): string {
  return callingCodeIn(country, loaded());
}

/** Parses a number written nationally for `country` or internationally (+…); undefined when it is not one. */
export function parsePhone(text: string, country?: CountryCode): PhoneNumber | undefined {
  return country === undefined ? parseIn(text, loaded()) : parseIn(text, country, loaded());
}
