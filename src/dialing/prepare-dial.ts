// What an agent typed or clicked → a target ready for the wire with the admin's prefixes, or a refusal in their words.
import type { PhoneNumber } from 'libphonenumber-js/core';
import { checkDialPlan } from './check-dial-plan';
import { cleanDialInput } from './clean-dial-input';
import type { DialResult, DialTarget, DialingSettings } from './dial-types';
import { dialingLimits } from './dialing-limits';
import { isEmergencyNumber } from './is-emergency-number';
import { keypadDigits } from './keypad-digits';
import { numberingPlansLoaded, parsePhone as parseWithPlans } from './numbering-plans';
import { parseHostPort } from './parse-host-port';
import { parseSipUri } from './parse-sip-uri';
import { readDialingSettings } from './read-dialing-settings';
import type { ValidDialingSettings } from './read-dialing-settings';
import { refuse } from './refuse';

/** What a phone number may be written with: digits, keypad letters, visual separators, a leading +, * and #. */
const NUMBER_CHARACTERS = /^[0-9A-Za-z\s().\-/+*#]*$/;
const SEPARATORS = /[\s().\-/]/g;
/** "…0100 ext. 123", "…0100 x123", "(…) ext: 12": the extension is dialled as DTMF after the call connects. */
const EXTENSION_SUFFIX = new RegExp(
  `^(.*[0-9)])\\s*(?:ext(?:ension)?\\.?|x)\\s*:?\\s*([0-9]{1,${dialingLimits.maxPostDialDigits}})$`,
  'i',
);
const DIAL_STRING = /^\+?[0-9*#]+$/;
/** Letters before this many digits are a word, not a vanity number (1-800-FLOWERS has four). */
const DIGITS_BEFORE_VANITY = 3;

const ASK_FOR_SIP = 'To call a SIP address, start it with sip: (for example sip:alice@example.com).';
const BAD_CHARACTERS =
  "That number has characters we can't dial. Use digits, spaces and + ( ) - . (and * or # to start a feature code).";
const PLANS_LOADING = 'The phone is still loading the numbering plans. Try again in a moment.';
const BAD_TEL_LINK = "That tel: link isn't valid, so we can't tell which number it means.";

interface NumberOptions {
  /** DTMF digits already read from a tel: URI's ;ext= parameter. */
  postDial?: string;
  /** "+digits" from a tel: URI's phone-context, put in front of its local number. */
  globalPrefix?: string;
}

function accept(target: DialTarget): DialResult {
  return { ok: true, target };
}

function withPostDial(display: string, postDial: string | undefined): string {
  return postDial === undefined ? display : `${display} ext. ${postDial}`;
}

function parsePhone(text: string, settings: ValidDialingSettings): PhoneNumber | undefined {
  try {
    return parseWithPlans(text, settings.country);
  } catch {
    return undefined;
  }
}

function invalidNumber(compact: string, settings: ValidDialingSettings): DialResult {
  const { outsidePrefix } = settings;
  if (outsidePrefix !== '' && compact.startsWith(outsidePrefix)) {
    const withoutPrefix = parsePhone(compact.slice(outsidePrefix.length), settings);
    if (withoutPrefix?.isValid()) {
      return refuse(
        'invalid-number',
        `That isn't a valid phone number. Leave out the outside-line prefix (${outsidePrefix}): it is added for you.`,
      );
    }
  }
  if (compact.startsWith('+')) {
    return refuse(
      'invalid-number',
      "That isn't a valid international number. Check the country code and the digits.",
    );
  }
  return refuse(
    'invalid-number',
    `That isn't a valid ${settings.country} phone number. Check the digits, or start an international number with + and the country code.`,
  );
}

function pstnTarget(
  phone: PhoneNumber,
  input: string,
  settings: ValidDialingSettings,
  postDial: string | undefined,
): DialResult {
  const e164 = phone.number;
  const verdict = checkDialPlan(e164, settings.dialPlan);
  if (!verdict.ok) {
    return refuse(
      'denied-by-dial-plan',
      verdict.rule === 'deny'
        ? `Your organisation's dial plan blocks calls to numbers starting ${verdict.prefix}.`
        : `Your organisation's dial plan doesn't allow calls to ${phone.formatInternational()}.`,
    );
  }
  // Countries sharing a calling code (US and Canada, UK and Jersey) share a national dialling plan.
  const national = phone.countryCallingCode === settings.callingCode;
  const { outsidePrefix, longDistancePrefix, internationalPrefix } = settings;
  // The national format already carries the trunk prefix where the country has one in it (UK "0", RU "8");
  // NANP's "1" is the admin's long-distance prefix. An empty international prefix means "+E.164", which
  // already says "outside line" to the SIP server, so no outside prefix goes in front of the "+".
  const dialString = national
    ? outsidePrefix + longDistancePrefix + phone.formatNational().replace(/[^0-9]/g, '')
    : internationalPrefix === ''
      ? e164
      : outsidePrefix + internationalPrefix + e164.slice(1);
  if (!DIAL_STRING.test(dialString)) {
    return refuse(
      'invalid-number',
      "We couldn't work out how to dial that number. Try it with + and the country code.",
    );
  }
  const display = withPostDial(national ? phone.formatNational() : phone.formatInternational(), postDial);
  return accept({
    kind: 'pstn',
    input,
    e164,
    dialString,
    display,
    ...(postDial === undefined ? {} : { postDial }),
  });
}

function featureCodeTarget(
  compact: string,
  input: string,
  settings: ValidDialingSettings,
  postDial: string | undefined,
): DialResult {
  if (!/^[*#]/.test(compact)) {
    return refuse('invalid-characters', '* and # can only start a feature code (for example *72).');
  }
  // A code like *21*1234# may carry an extension; a run long enough to be an outside number would let
  // "*67" + number slip past the dial plan, so it is refused.
  const longestRun = Math.max(4, ...settings.extensionLengths);
  if ((compact.match(/[0-9]+/g) ?? []).some((run) => run.length > longestRun)) {
    return refuse(
      'invalid-number',
      'A feature code can carry an extension but not an outside number. Dial the number on its own.',
    );
  }
  return accept({
    kind: 'extension',
    input,
    dialString: compact,
    display: withPostDial(compact, postDial),
    ...(postDial === undefined ? {} : { postDial }),
  });
}

function prepareNumber(
  text: string,
  input: string,
  settings: ValidDialingSettings,
  options: NumberOptions,
): DialResult {
  let body = text;
  let postDial = options.postDial;
  if (postDial === undefined) {
    const suffix = EXTENSION_SUFFIX.exec(text);
    if (suffix) {
      body = suffix[1] ?? '';
      postDial = suffix[2];
    }
  }
  if (body.includes('@')) return refuse('invalid-characters', ASK_FOR_SIP);
  if (!NUMBER_CHARACTERS.test(body)) return refuse('invalid-characters', BAD_CHARACTERS);
  const firstLetter = body.search(/[A-Za-z]/);
  if (firstLetter !== -1 && body.slice(0, firstLetter).replace(/[^0-9]/g, '').length < DIGITS_BEFORE_VANITY) {
    return refuse('invalid-characters', "That number has letters we can't dial.");
  }
  const compact = keypadDigits(body).replace(SEPARATORS, '');
  if (compact.lastIndexOf('+') > 0) {
    return refuse('invalid-characters', 'Put + only at the start of an international number.');
  }
  if (compact.replace('+', '').length > dialingLimits.maxDigits) {
    return refuse(
      'too-long',
      `That number is too long to dial (more than ${dialingLimits.maxDigits} digits).`,
    );
  }
  if (!/[0-9]/.test(compact)) return refuse('invalid-number', "That isn't a phone number: it has no digits.");
  if (/[*#]/.test(compact)) return featureCodeTarget(compact, input, settings, postDial);

  const extra = postDial === undefined ? {} : { postDial };
  if (options.globalPrefix === undefined && !compact.startsWith('+')) {
    if (isEmergencyNumber(compact, settings.country)) {
      // Dialled exactly as typed, no prefix: US Kari's Law requires direct dialling from any multi-line system.
      return accept({
        kind: 'pstn',
        input,
        dialString: compact,
        display: compact,
        emergency: true,
        ...extra,
      });
    }
    if (settings.extensionLengths.includes(compact.length)) {
      return accept({
        kind: 'extension',
        input,
        dialString: compact,
        display: withPostDial(compact, postDial),
        ...extra,
      });
    }
  }
  const candidate = (options.globalPrefix ?? '') + compact;
  const phone = parsePhone(candidate, settings);
  if (!phone?.isValid()) return invalidNumber(candidate, settings);
  return pstnTarget(phone, input, settings, postDial);
}

/** RFC 3966: `tel:+1-201-555-0123;ext=1234`, `tel:863-1234;phone-context=+1-914-555`, `tel:7042;phone-context=example.com`. */
function prepareTel(text: string, settings: ValidDialingSettings): DialResult {
  let decoded: string;
  try {
    decoded = decodeURIComponent(text.slice('tel:'.length));
  } catch {
    return refuse('invalid-characters', BAD_TEL_LINK);
  }
  // Percent-escapes (%0D%0A, %3C...) get the same scrutiny as typed characters.
  const cleaned = cleanDialInput(decoded);
  if (!cleaned.ok) return cleaned;
  const [number = '', ...params] = cleaned.text.split(';');
  const seen = new Set<string>();
  let postDial: string | undefined;
  let context: string | undefined;
  for (const param of params) {
    const match = /^([A-Za-z0-9-]+)(?:=(.*))?$/.exec(param);
    const name = match?.[1]?.toLowerCase();
    const value = match?.[2] ?? '';
    if (name === undefined || seen.has(name)) return refuse('invalid-number', BAD_TEL_LINK);
    seen.add(name);
    if (name === 'ext') {
      const digits = value.replace(/[().-]/g, '');
      if (!new RegExp(`^[0-9]{1,${dialingLimits.maxPostDialDigits}}$`).test(digits)) {
        return refuse('invalid-number', BAD_TEL_LINK);
      }
      postDial = digits;
    } else if (name === 'phone-context') {
      context = value;
    } else if (!/^[A-Za-z0-9\-_.!~*'()+[\]/:&$]*$/.test(value)) {
      // isub and future parameters change nothing we dial, but must still be well formed.
      return refuse('invalid-characters', BAD_TEL_LINK);
    }
  }
  let globalPrefix: string | undefined;
  // RFC 3966 gives a context only to local numbers; a global number ignores one.
  if (context !== undefined && !number.trim().startsWith('+')) {
    if (context.startsWith('+')) {
      globalPrefix = context.replace(/[().-]/g, '');
      if (!/^\+[0-9]{1,15}$/.test(globalPrefix)) return refuse('invalid-number', BAD_TEL_LINK);
    } else if (context.includes(':') || parseHostPort(context) === undefined) {
      return refuse('invalid-number', BAD_TEL_LINK);
    }
    // A domain context names a private numbering plan: its local number is read as if the agent typed it.
  }
  return prepareNumber(number.trim(), text, settings, {
    ...(postDial === undefined ? {} : { postDial }),
    ...(globalPrefix === undefined ? {} : { globalPrefix }),
  });
}

function prepareSip(text: string, settings: ValidDialingSettings): DialResult {
  const uri = parseSipUri(text);
  if (!uri) {
    return refuse(
      'invalid-sip-uri',
      "That SIP address isn't valid. Use sip:name@host or sip:name@host:port, with no spaces, quotes, < > or ;parameters.",
    );
  }
  // A numeric user is a phone number to most SIP servers: it gets the same dial plan as a typed number.
  const numeric = uri.user.replace(/[.-]/g, '');
  let asNumber: DialResult | undefined;
  if (/^\+?[0-9*]+$/.test(numeric) && /[0-9]/.test(numeric)) {
    asNumber = prepareNumber(numeric, text, settings, {});
    if (!asNumber.ok) {
      if (asNumber.code === 'denied-by-dial-plan') return asNumber;
      const { allow, deny } = settings.dialPlan;
      if (allow.length > 0 || deny.length > 0) {
        return refuse(
          'denied-by-dial-plan',
          "That SIP address looks like a phone number we can't check against your organisation's dial plan. Dial the number itself instead.",
        );
      }
      // Without a dial plan, numeric users that are not phone numbers (conference rooms, queues) pass as-is.
    }
  }
  const known = asNumber?.ok ? asNumber.target : undefined;
  return accept({
    kind: 'sip',
    input: text,
    dialString: uri.user,
    sipUri: uri.uri,
    display: `${uri.user}@${uri.hostPort}`,
    ...(known?.e164 === undefined ? {} : { e164: known.e164 }),
    ...(known?.emergency ? { emergency: true } : {}),
  });
}

/**
 * Reads what an agent typed or clicked (a national or international number, a vanity number, an
 * extension, a * or # feature code, a tel: or sip: URI) and returns the target to dial with the
 * admin's prefixes applied, or a refusal whose message can be shown to the agent as-is. Never throws.
 */
export function prepareDial(input: string, settings: DialingSettings): DialResult {
  if (!numberingPlansLoaded()) return refuse('numbering-plans-loading', PLANS_LOADING);
  const read = readDialingSettings(settings);
  if (!read.ok) return read;
  const cleaned = cleanDialInput(input);
  if (!cleaned.ok) return cleaned;
  const { text } = cleaned;
  if (/^sips?:/i.test(text)) return prepareSip(text, read.settings);
  if (/^tel:/i.test(text)) return prepareTel(text, read.settings);
  return prepareNumber(text, text, read.settings, {});
}
