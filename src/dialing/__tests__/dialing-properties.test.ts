// Property-style checks over seeded random hostile input: same seed, same strings, on every run.
import { defaultDialingSettings, prepareDial, sanitiseDisplayName, searchVariants, toSipUri } from '..';
import type { DialingSettings } from '..';

/** mulberry32: a tiny deterministic PRNG, so a failure is reproducible from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters and fragments chosen to reach every branch: numbers, URIs, separators and injection material. */
const ALPHABET = [
  ...'0123456789',
  ...'0123456789',
  ...'+*#()-. /',
  ...'aAxXeEsSzZ',
  ...'@;:<>"\',?=&%$!~_[]\\',
  '\r',
  '\n',
  '\t',
  '\u0000',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u00a0',
  '＋',
  '８',
  '＞',
  '\ud800',
  '😀',
  'é',
  'sip:',
  'sips:',
  'tel:',
  'SIP:',
  'alice',
  '@example.com',
  '@[2001:db8::1]',
  '@192.0.2.1',
  ':5060',
  ';tag=x',
  ';ext=12',
  ';phone-context=+1',
  ';phone-context=example.com',
  '%0D%0A',
  '%3E',
  '%2B',
  'ext. ',
  ' x',
  '415 555 0100',
  '+44 20 7946 0958',
  '1-800-FLOWERS',
  '1900',
  '911',
  '*72',
];

/** Inputs every site accepts; mutated, they probe the edge between accepting and refusing. */
const VALID = [
  '(415) 555-0100',
  '+44 20 7946 0958',
  '1-800-FLOWERS',
  '1234',
  '*72',
  '911',
  'tel:+1-415-555-0100;ext=12',
  'sip:alice@example.com',
  'sips:+14155550100@[2001:db8::1]:5061',
];

function pick<T>(items: readonly T[], next: () => number): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Half pure noise, half a valid input with up to two fragments spliced in at random places. */
function hostileString(next: () => number): string {
  if (next() < 0.5) {
    const length = Math.floor(next() * 12);
    let text = '';
    for (let i = 0; i < length; i += 1) text += pick(ALPHABET, next);
    return text;
  }
  let text = pick(VALID, next);
  const splices = Math.floor(next() * 3);
  for (let i = 0; i < splices; i += 1) {
    const at = Math.floor(next() * (text.length + 1));
    text = text.slice(0, at) + pick(ALPHABET, next) + text.slice(at);
  }
  return text;
}

const sites: DialingSettings[] = [
  defaultDialingSettings,
  {
    defaultCountry: 'US',
    outsidePrefix: '9',
    longDistancePrefix: '1',
    internationalPrefix: '011',
    extensionLengths: [3, 4],
    dialPlan: { allow: [], deny: ['+1900'] },
  },
  {
    defaultCountry: 'GB',
    outsidePrefix: '*9',
    longDistancePrefix: '',
    internationalPrefix: '00',
    extensionLengths: [4],
    dialPlan: { allow: ['+44', '+1'], deny: ['+4470'] },
  },
];

const DIAL_STRING = /^[0-9*#+]+$/;
const SIP_URI =
  /^sips?:[A-Za-z0-9\-_.!~*+]{1,64}@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/;
const REQUEST_URI = /^sips?:(?:[A-Za-z0-9\-_.!~*+]|%[0-9A-F]{2}){1,96}@[a-z0-9.:[\]-]+$/;
const RUNS = 10_000;

const CODES = new Set([
  'empty',
  'too-long',
  'invalid-characters',
  'invalid-number',
  'invalid-sip-uri',
  'denied-by-dial-plan',
  'invalid-settings',
]);

/** Every accepted number with an E.164 form obeys its site's dial plan. */
function obeysDialPlan(e164: string, site: DialingSettings): boolean {
  const { allow, deny } = site.dialPlan;
  return (
    !deny.some((p) => e164.startsWith(p)) && (allow.length === 0 || allow.some((p) => e164.startsWith(p)))
  );
}

/** Collects broken invariants as data, so a failure lists the offending inputs (and runs fast). */
function violationsOf(check: (note: (what: string, input: string) => void) => void): string[] {
  const violations: string[] = [];
  check((what, input) => {
    if (violations.length < 20) violations.push(`${what}: ${JSON.stringify(input)}`);
  });
  return violations;
}

describe('dialing under random hostile input', () => {
  test(`prepareDial never throws, and every accepted target is safe to put on the wire (${RUNS} strings)`, () => {
    const next = random(0x5eed);
    let accepted = 0;
    const violations = violationsOf((note) => {
      for (let run = 0; run < RUNS; run += 1) {
        const input = hostileString(next);
        const site = sites[run % sites.length] ?? defaultDialingSettings;
        const result = prepareDial(input, site);
        if (!result.ok) {
          if (!CODES.has(result.code) || result.message === '') note('unknown refusal', input);
          continue;
        }
        accepted += 1;
        const { target } = result;
        if (
          target.kind === 'sip' ? !SIP_URI.test(target.sipUri ?? '') : !DIAL_STRING.test(target.dialString)
        ) {
          note('unsafe target', input);
        }
        if (target.kind !== 'sip' && target.dialString.lastIndexOf('+') > 0)
          note('+ inside dialString', input);
        if (target.e164 !== undefined && !/^\+[0-9]{2,15}$/.test(target.e164)) note('bad e164', input);
        if (target.e164 !== undefined && !target.emergency && !obeysDialPlan(target.e164, site)) {
          note('dial plan bypassed', input);
        }
        if (target.postDial !== undefined && !/^[0-9]{1,10}$/.test(target.postDial))
          note('bad postDial', input);
        if (!REQUEST_URI.test(toSipUri(target, 'pbx.example.com'))) note('unsafe Request-URI', input);
        if (/[\p{Cc}\p{Cf}\u2028\u2029<>"]/u.test(`${target.display}${target.input}`))
          note('unsafe display', input);
      }
    });
    expect(violations).toEqual([]);
    // The generator must reach the accepting paths too, or the invariants above prove nothing.
    expect(accepted).toBeGreaterThan(RUNS / 10);
  });

  test(`searchVariants and sanitiseDisplayName never throw and stay within their bounds (${RUNS} strings)`, () => {
    const next = random(0xca11e2);
    const violations = violationsOf((note) => {
      for (let run = 0; run < RUNS; run += 1) {
        const input = hostileString(next);
        const variants = searchVariants(input, run % 2 === 0 ? 'US' : 'GB');
        if (variants.length > 8 || new Set(variants).size !== variants.length)
          note('too many variants', input);
        if (variants.some((v) => !/^[0-9+() -]+$/.test(v))) note('unsafe variant', input);
        const name = sanitiseDisplayName(input, 16);
        if ([...name].length > 16) note('name too long', input);
        if (/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\ufeff<>＜＞]/u.test(name))
          note('unsafe name', input);
        if (name !== name.trim() || /\s{2}/.test(name)) note('uncollapsed spaces', input);
      }
    });
    expect(violations).toEqual([]);
  });
});
