// Admin settings arrive from a call center definition or a custom setting: check them before any is used.
import type { CountryCode } from 'libphonenumber-js/core';
import type { DialPlanPrefixes } from './check-dial-plan';
import type { DialRefusal, DialingSettings } from './dial-types';
import { countryCallingCode, isSupportedCountry } from './numbering-plans';
import { refuse } from './refuse';

export interface ValidDialingSettings {
  country: CountryCode;
  /** The country calling code of `country`, e.g. "1" or "44". */
  callingCode: string;
  outsidePrefix: string;
  longDistancePrefix: string;
  internationalPrefix: string;
  extensionLengths: readonly number[];
  dialPlan: DialPlanPrefixes;
}

export type ReadDialingSettings = { ok: true; settings: ValidDialingSettings } | DialRefusal;

const SEPARATORS = /[\s().-]/g;
const PREFIX = /^[0-9*#]{0,8}$/;
const PLAN_PREFIX = /^\+[0-9]{1,15}$/;

function misconfigured(what: string): DialRefusal {
  return refuse(
    'invalid-settings',
    `Dialing isn't set up correctly: ${what}. Ask your Salesforce administrator to check the dialing settings.`,
  );
}

function readPrefix(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const prefix = value.replace(SEPARATORS, '');
  return PREFIX.test(prefix) ? prefix : undefined;
}

/** Admins write "+1 900", "1900" or "+1-900": all mean the E.164 prefix "+1900". Blank entries are ignored. */
function readPlanPrefixes(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const prefixes: string[] = [];
  for (const entry of value) {
    if (typeof entry !== 'string') return undefined;
    const compact = entry.replace(SEPARATORS, '');
    if (compact === '') continue;
    const prefix = compact.startsWith('+') ? compact : `+${compact}`;
    if (!PLAN_PREFIX.test(prefix)) return undefined;
    prefixes.push(prefix);
  }
  return prefixes;
}

export function readDialingSettings(settings: DialingSettings): ReadDialingSettings {
  // Typed, but built at runtime from admin-edited text: trust nothing about its shape.
  const raw: Partial<Record<keyof DialingSettings, unknown>> =
    typeof settings === 'object' && settings !== null ? settings : {};
  const country = typeof raw.defaultCountry === 'string' ? raw.defaultCountry.trim().toUpperCase() : '';
  if (!isSupportedCountry(country))
    return misconfigured('the default country is not a known ISO country code');
  const outsidePrefix = readPrefix(raw.outsidePrefix);
  if (outsidePrefix === undefined) return misconfigured('the outside-line prefix must be digits, * or #');
  const longDistancePrefix = readPrefix(raw.longDistancePrefix);
  if (longDistancePrefix === undefined)
    return misconfigured('the long-distance prefix must be digits, * or #');
  const internationalPrefix = readPrefix(raw.internationalPrefix);
  if (internationalPrefix === undefined)
    return misconfigured('the international prefix must be digits, * or #');
  const lengths = raw.extensionLengths;
  if (!Array.isArray(lengths) || !lengths.every((n) => Number.isInteger(n) && n >= 1 && n <= 15)) {
    return misconfigured('extension lengths must be whole numbers from 1 to 15');
  }
  const plan: unknown = raw.dialPlan;
  const planFields: Partial<Record<'allow' | 'deny', unknown>> =
    typeof plan === 'object' && plan !== null ? plan : {};
  const allow = readPlanPrefixes(planFields.allow);
  const deny = readPlanPrefixes(planFields.deny);
  if (allow === undefined || deny === undefined) {
    return misconfigured('every dial plan entry must be a number prefix such as +1900');
  }
  return {
    ok: true,
    settings: {
      country,
      callingCode: countryCallingCode(country),
      outsidePrefix,
      longDistancePrefix,
      internationalPrefix,
      extensionLengths: lengths as number[],
      dialPlan: { allow, deny },
    },
  };
}
