// The contract of the package's @AuraEnabled Apex, read from the Apex source itself
// (force-app/main/default/classes): each class's methods (parameters, return type, cacheable) and the
// members of its DTO inner classes. The emulation checks requests against it, the contract tests check
// the emulation's answers and the LWC tests' Apex fixtures against it, so none of them can drift from Apex.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const APEX_CLASSES_DIR = resolve(__dirname, '../../force-app/main/default/classes');

export interface ApexParam {
  name: string;
  type: string;
}

export interface ApexMethod {
  name: string;
  returnType: string;
  params: ApexParam[];
  cacheable: boolean;
}

export interface ApexClass {
  name: string;
  methods: Record<string, ApexMethod>;
  /** Inner classes with @AuraEnabled members: class name → member name → Apex type. */
  dtos: Record<string, Record<string, string>>;
}

/** Blanks out string literals and comments, keeping offsets (so braces and annotations are real code). */
function codeOnly(source: string): string {
  let out = '';
  let i = 0;
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    let end = i + 1;
    if (c === '/' && next === '/') {
      end = source.indexOf('\n', i);
      if (end === -1) end = source.length;
    } else if (c === '/' && next === '*') {
      end = source.indexOf('*/', i + 2);
      end = end === -1 ? source.length : end + 2;
    } else if (c === "'") {
      while (end < source.length && source[end] !== "'") end += source[end] === '\\' ? 2 : 1;
      end = Math.min(end + 1, source.length);
      out += `'${blank(source.slice(i + 1, end - 1))}'`;
      i = end;
      continue;
    } else {
      out += c;
      i = end;
      continue;
    }
    out += blank(source.slice(i, end));
    i = end;
  }
  return out;
}

function closingBrace(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '{') depth++;
    if (code[i] === '}' && --depth === 0) return i;
  }
  return code.length;
}

const TYPE = String.raw`[A-Za-z_][\w.]*(?:<[\w.<>,\s]+>)?`;

export function parseApexClass(source: string): ApexClass {
  const code = codeOnly(source);
  const top = /\bclass\s+(\w+)[^{]*\{/.exec(code);
  if (!top?.[1]) throw new Error('No class declaration found');
  const apex: ApexClass = { name: top[1], methods: {}, dtos: {} };
  const inner: { name: string; start: number; end: number }[] = [];
  const innerRe = /\bclass\s+(\w+)[^{]*\{/g;
  innerRe.lastIndex = top.index + top[0].length;
  for (let m = innerRe.exec(code); m; m = innerRe.exec(code)) {
    const open = m.index + m[0].length - 1;
    inner.push({ name: m[1] ?? '', start: open, end: closingBrace(code, open) });
  }
  const methodRe = new RegExp(
    String.raw`@AuraEnabled\s*(\([^)]*\))?\s+(?:public|global)\s+static\s+(${TYPE})\s+(\w+)\s*\(([^)]*)\)`,
    'g',
  );
  for (const m of code.matchAll(methodRe)) {
    const params = (m[4] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => {
        const parts = /^(.*\S)\s+(\w+)$/.exec(p);
        return { type: (parts?.[1] ?? '').replace(/\s+/g, ''), name: parts?.[2] ?? '' };
      });
    const name = m[3] ?? '';
    apex.methods[name] = {
      name,
      returnType: (m[2] ?? '').replace(/\s+/g, ''),
      params,
      cacheable: /cacheable\s*=\s*true/i.test(m[1] ?? ''),
    };
  }
  const memberRe = new RegExp(String.raw`@AuraEnabled\s+public\s+(${TYPE})\s+(\w+)\s*(?:[;={])`, 'g');
  for (const m of code.matchAll(memberRe)) {
    const owner = inner.find((c) => m.index > c.start && m.index < c.end);
    if (!owner) continue;
    (apex.dtos[owner.name] ??= {})[m[2] ?? ''] = (m[1] ?? '').replace(/\s+/g, '');
  }
  return apex;
}

/** Every class of force-app with at least one @AuraEnabled method, by name. */
export function readApexContract(dir = APEX_CLASSES_DIR): Record<string, ApexClass> {
  const classes: Record<string, ApexClass> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cls'))) {
    const parsed = parseApexClass(readFileSync(resolve(dir, file), 'utf8'));
    if (Object.keys(parsed.methods).length > 0) classes[parsed.name] = parsed;
  }
  return classes;
}

/** The DTO a type names: `Match` in SoftphoneContactSearch, or `SoftphoneCallLog.CallLogInput`. */
function findDto(
  type: string,
  owner: ApexClass,
  all: Record<string, ApexClass>,
): Record<string, string> | undefined {
  const [outer, innerName] = type.includes('.') ? type.split('.') : [owner.name, type];
  return all[outer ?? '']?.dtos[innerName ?? ''];
}

const listOf = (type: string) => /^List<(.+)>$/.exec(type)?.[1];

/**
 * Problems of a value as Lightning would deliver an Apex value of `type` to JavaScript: null members are
 * left out (so any member may be absent), no member outside the DTO, every present member of its type.
 */
export function shapeProblems(
  value: unknown,
  type: string,
  owner: ApexClass,
  all: Record<string, ApexClass>,
  path = 'result',
): string[] {
  if (value === null || value === undefined) return [];
  const item = listOf(type);
  if (item !== undefined) {
    if (!Array.isArray(value)) return [`${path} should be a list (${type})`];
    return value.flatMap((v, i) => shapeProblems(v, item, owner, all, `${path}[${i}]`));
  }
  const isIsoDatetime = (v: unknown) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(v);
  const checks: Record<string, (v: unknown) => boolean> = {
    String: (v) => typeof v === 'string',
    Id: (v) => typeof v === 'string' && /^[a-zA-Z0-9]{18}$/.test(v),
    Integer: (v) => Number.isInteger(v),
    Long: (v) => Number.isInteger(v),
    Decimal: (v) => typeof v === 'number',
    Double: (v) => typeof v === 'number',
    Boolean: (v) => typeof v === 'boolean',
    Datetime: isIsoDatetime,
    Date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
    void: () => false,
  };
  const check = checks[type];
  if (check) return check(value) ? [] : [`${path} should be ${type}, got ${JSON.stringify(value)}`];
  const dto = findDto(type, owner, all);
  if (!dto) return [`${path}: unknown Apex type ${type}`];
  if (typeof value !== 'object' || Array.isArray(value)) return [`${path} should be an object (${type})`];
  const problems: string[] = [];
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    const memberType = dto[key];
    if (memberType === undefined) problems.push(`${path}.${key} is not a member of ${type}`);
    else problems.push(...shapeProblems(member, memberType, owner, all, `${path}.${key}`));
  }
  return problems;
}

/** The members of a DTO type (for tests that require every member to be set). */
export function dtoMembers(type: string, owner: ApexClass, all: Record<string, ApexClass>): string[] {
  return Object.keys(findDto(listOf(type) ?? type, owner, all) ?? {});
}
