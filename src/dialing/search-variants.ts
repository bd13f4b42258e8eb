// The forms a phone number may be stored in, so a contact search by caller ID or typed number finds it.
import type { PhoneNumber } from 'libphonenumber-js/core';
import { cleanDialInput } from './clean-dial-input';
import { keypadDigits } from './keypad-digits';
import { isSupportedCountry, numberingPlansLoaded, parsePhone } from './numbering-plans';

/** Enough to cover how people store numbers; few enough to keep one SOSL query cheap. */
const MAX_VARIANTS = 8;
/** Fewer digits would match half the org. */
const MIN_DIGITS = 3;
const MAX_DIGITS = 17;

/** The number part of a tel: or sip: URI, or the text itself. */
function numberPart(text: string): string {
  const scheme = /^(?:tel|sips?):/i.exec(text);
  if (!scheme) return text;
  const rest = text.slice(scheme[0].length);
  const user = rest.includes('@') ? rest.slice(0, rest.indexOf('@')) : rest;
  return user.split(';')[0] ?? '';
}

function parse(compact: string, country: string): PhoneNumber | undefined {
  // Before the numbering plans are in, the variants are the digits as written (hosts wait for them first).
  if (!numberingPlansLoaded()) return undefined;
  try {
    return isSupportedCountry(country)
      ? parsePhone(compact, country)
      : compact.startsWith('+')
        ? parsePhone(compact)
        : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns the number's variants for a contact search, most specific first, deduplicated and at most
 * eight: E.164, national format, national digits, national significant number, international format,
 * E.164 without "+", the digits as given, their last ten. Returns [] for anything that is not a number
 * of 3 to 17 digits. Variants contain only digits, spaces and + ( ) -: SOSL still needs them escaped.
 */
export function searchVariants(input: string, defaultCountry: string): string[] {
  const cleaned = cleanDialInput(input);
  if (!cleaned.ok) return [];
  const text = numberPart(cleaned.text)
    .replace(/\s*(?:ext(?:ension)?\.?|x)\s*:?\s*[0-9]+$/i, '')
    .replace(/\(0\)/g, '');
  if (!/^[0-9A-Za-z\s().\-/+]*$/.test(text) || /^[^0-9]*[A-Za-z]/.test(text)) return [];
  const compact = keypadDigits(text).replace(/[\s().\-/]/g, '');
  if (!new RegExp(`^\\+?[0-9]{${MIN_DIGITS},${MAX_DIGITS}}$`).test(compact)) return [];
  const digits = compact.replace('+', '');
  const variants: string[] = [];
  const phone = parse(compact, typeof defaultCountry === 'string' ? defaultCountry.trim().toUpperCase() : '');
  if (phone !== undefined && phone.isPossible()) {
    variants.push(
      phone.number,
      phone.formatNational(),
      phone.formatNational().replace(/[^0-9]/g, ''),
      phone.nationalNumber,
      phone.formatInternational(),
      phone.number.slice(1),
    );
  }
  variants.push(compact.startsWith('+') ? compact : digits);
  if (digits.length > 10) variants.push(digits.slice(-10));
  return [...new Set(variants)].filter((v) => v.length >= MIN_DIGITS).slice(0, MAX_VARIANTS);
}
