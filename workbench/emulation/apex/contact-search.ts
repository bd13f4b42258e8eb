// EMULATION of SoftphoneContactSearch: searchByPhone / searchByName over the sample Contacts, Leads (not
// converted), Accounts and, when Search_User_Extensions__c is on, active Users. SOSL's phone index is
// emulated with the core's own searchVariants (src/dialing): a stored number and a search term match when
// any of their variants have the same digits, the way SOSL finds "(415) 555-0101" for "+14155550101".
import { searchVariants } from '../../../src/dialing';
import { AuraHandledException } from '../apex-error';
import type { ApexCall } from '../emulation-context';
import { fullName } from '../sample-data';
import { effectiveSettings } from './settings-controller';

const MAX_RESULTS = 25;
const MAX_VARIANTS = 8;
const MAX_TERM_LENGTH = 80;
const MIN_DIGITS = 3;
const MAX_VARIANT_LENGTH = 40;
const NUMBER_LIKE = /^\+?[0-9()\s./-]+$/;

export interface RecordNumber {
  label: string;
  field: string;
  value: string;
}

/** SoftphoneContactSearch.Match. */
export interface Match {
  id: string;
  name: string;
  objectType: string;
  phone?: string;
  title?: string;
  accountName?: string;
  accountId?: string;
  phones: RecordNumber[];
}

export interface Searchable {
  id: string;
  name: string;
  objectType: 'Contact' | 'Lead' | 'Account' | 'User';
  /** Phone fields in the order of the Apex target, with the org's default field labels. */
  numbers: RecordNumber[];
  title?: string;
  accountName?: string;
  accountId?: string;
}

const normalizeSpace = (text: string) => text.replace(/\s+/g, ' ').trim();
const digitsOf = (text: string) => text.replace(/[^0-9]/g, '');

function numbers(record: object, fields: [string, string][]): RecordNumber[] {
  const values = record as Record<string, unknown>;
  return fields.flatMap(([field, label]) => {
    const value = values[field];
    return typeof value === 'string' && value.trim() !== '' ? [{ label, field, value }] : [];
  });
}

/** The records of one search, in the Apex targets' order: Contacts, Leads, Accounts (then Users). */
export function searchableRecords(call: ApexCall): { records: Searchable[]; users: Searchable[] } {
  const accounts = new Map(call.sample.accounts.map((a) => [a.Id, a]));
  const contacts: Searchable[] = call.sample.contacts.map((c) => {
    const account = c.AccountId ? accounts.get(c.AccountId) : undefined;
    return {
      id: c.Id,
      name: fullName(c),
      objectType: 'Contact',
      numbers: numbers(c, [
        ['Phone', 'Business Phone'],
        ['MobilePhone', 'Mobile'],
        ['HomePhone', 'Home Phone'],
        ['OtherPhone', 'Other Phone'],
        ['AssistantPhone', 'Asst. Phone'],
      ]),
      ...(c.Title ? { title: c.Title } : {}),
      ...(account ? { accountId: account.Id, accountName: account.Name } : {}),
    };
  });
  const leads: Searchable[] = call.sample.leads
    .filter((l) => !l.IsConverted)
    .map((l) => ({
      id: l.Id,
      name: fullName(l),
      objectType: 'Lead',
      numbers: numbers(l, [
        ['Phone', 'Phone'],
        ['MobilePhone', 'Mobile'],
      ]),
      ...(l.Title ? { title: l.Title } : {}),
      accountName: l.Company,
    }));
  const accountRecords: Searchable[] = call.sample.accounts.map((a) => ({
    id: a.Id,
    name: a.Name,
    objectType: 'Account',
    numbers: numbers(a, [['Phone', 'Account Phone']]),
  }));
  const users: Searchable[] = call.sample.users.map((u) => ({
    id: u.Id,
    name: u.Name,
    objectType: 'User',
    numbers: numbers(u, [
      ['Extension', 'Extension'],
      ['Phone', 'Phone'],
      ['MobilePhone', 'Mobile'],
    ]),
    ...(u.Title ? { title: u.Title } : {}),
    ...(u.CompanyName ? { accountName: u.CompanyName } : {}),
  }));
  return { records: [...contacts, ...leads, ...accountRecords], users };
}

function isNumberLike(value: string): boolean {
  return NUMBER_LIKE.test(value) && digitsOf(value).length >= MIN_DIGITS;
}

/** SoftphoneContactSearch.cleanVariants: at most eight distinct number-like values, the phone last. */
export function cleanVariants(phone: unknown, variants: unknown): string[] {
  const candidates = [...(Array.isArray(variants) ? (variants as unknown[]) : []), phone];
  const result: string[] = [];
  for (const candidate of candidates) {
    const value = typeof candidate === 'string' ? normalizeSpace(candidate) : '';
    if (
      value.length <= MAX_VARIANT_LENGTH &&
      isNumberLike(value) &&
      !result.includes(value) &&
      result.length < MAX_VARIANTS
    ) {
      result.push(value);
    }
  }
  return result;
}

/** SoftphoneContactSearch.matchesAny: same digits, allowing a country code or trunk prefix on one side. */
export function matchesAny(stored: string, candidates: string[]): boolean {
  const storedDigits = digitsOf(stored);
  return candidates.some((candidate) => {
    const digits = digitsOf(candidate);
    const shorter = Math.min(digits.length, storedDigits.length);
    const sameTail = storedDigits.endsWith(digits) || digits.endsWith(storedDigits);
    return shorter >= MIN_DIGITS && sameTail && (shorter >= 7 || digits === storedDigits);
  });
}

/** The digit strings a number is indexed under (the emulated SOSL phone index). */
function phoneKeys(value: string, country: string): Set<string> {
  const keys = new Set<string>();
  for (const variant of [value, ...searchVariants(value, country)]) {
    const digits = digitsOf(variant);
    if (digits.length >= MIN_DIGITS) keys.add(digits);
  }
  return keys;
}

function toMatch(record: Searchable, searched: string[]): Match {
  const matched = record.numbers.find((n) => matchesAny(n.value, searched));
  const phone = matched?.value ?? record.numbers[0]?.value;
  return {
    id: record.id,
    name: record.name,
    objectType: record.objectType,
    ...(phone !== undefined ? { phone } : {}),
    ...(record.title !== undefined ? { title: record.title } : {}),
    ...(record.accountName !== undefined ? { accountName: record.accountName } : {}),
    ...(record.accountId !== undefined ? { accountId: record.accountId } : {}),
    phones: record.numbers.map((n) => ({ ...n })),
  };
}

function searchByNumbers(call: ApexCall, searched: string[]): Match[] {
  const country = effectiveSettings(call).defaultCountry;
  const termKeys = new Set(searched.flatMap((n) => [...phoneKeys(n, country)]));
  const { records: all, users } = searchableRecords(call);
  const hits = all.filter((r) =>
    r.numbers.some((n) => [...phoneKeys(n.value, country)].some((k) => termKeys.has(k))),
  );
  const matches = hits.slice(0, MAX_RESULTS).map((r) => toMatch(r, searched));
  if (effectiveSettings(call).searchUserExtensions && matches.length < MAX_RESULTS) {
    // Colleagues: an exact match of Extension, Phone or MobilePhone (SOQL IN), ordered by name.
    const colleagues = users
      .filter((u) => u.numbers.some((n) => searched.includes(n.value)))
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, MAX_RESULTS - matches.length);
    matches.push(...colleagues.map((u) => toMatch(u, searched)));
  }
  return matches;
}

export const SoftphoneContactSearch = {
  searchByPhone(call: ApexCall, params: { phone: string | null; variants: string[] | null }): Match[] {
    const searched = cleanVariants(params.phone, params.variants);
    return searched.length === 0 ? [] : searchByNumbers(call, searched);
  },

  searchByName(call: ApexCall, params: { term: string | null }): Match[] {
    const text = normalizeSpace(params.term ?? '');
    if (text.length > MAX_TERM_LENGTH) {
      throw new AuraHandledException(
        `The search text is too long: use at most ${MAX_TERM_LENGTH} characters.`,
      );
    }
    if (text.length < 2) return [];
    if (isNumberLike(text)) {
      const digits = digitsOf(text);
      const variants = [text, digits, `+${digits}`];
      if (digits.length > 10) variants.push(digits.slice(-10));
      return SoftphoneContactSearch.searchByPhone(call, { phone: text, variants });
    }
    // SOSL: every word of two characters or more is a prefix of some word of the record's name.
    const words = text
      .split(' ')
      .filter((w) => w.length >= 2)
      .map((w) => w.toLowerCase());
    if (words.length === 0) return [];
    const { records: all, users } = searchableRecords(call);
    const targets = effectiveSettings(call).searchUserExtensions ? [...all, ...users] : all;
    return targets
      .filter((r) => {
        const nameWords = r.name.toLowerCase().split(/\s+/);
        return words.every((w) => nameWords.some((n) => n.startsWith(w)));
      })
      .slice(0, MAX_RESULTS)
      .map((r) => toMatch(r, []));
  },
};
