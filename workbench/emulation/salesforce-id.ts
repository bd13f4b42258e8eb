// Salesforce record ids for the emulation: 18-character ids with the case-safe checksum suffix and the
// standard key prefixes, so ids look and validate like an org's (Apex Id.valueOf, SoftphoneSecurity.toIdOf).
import { checksum } from '../../src/protocol/salesforce-id';

/** Key prefixes of the objects the softphone touches (Softphone_Favorite__c's is org-specific; this is ours). */
export const KEY_PREFIXES = {
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  Opportunity: '006',
  Case: '500',
  Task: '00T',
  User: '005',
  Organization: '00D',
  Softphone_Favorite__c: 'a0F',
} as const;

export type SObjectName = keyof typeof KEY_PREFIXES;

/** The 18-character form of a 15- or 18-character id, or undefined when it is not a valid id. */
export function toId18(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(text)) return undefined;
  const id15 = text.slice(0, 15);
  const id18 = id15 + checksum(id15);
  // Apex accepts an 18-character id whose suffix matches regardless of case only.
  if (text.length === 18 && text.slice(15).toUpperCase() !== id18.slice(15)) return undefined;
  return id18;
}

/** The object an id belongs to, by key prefix; undefined for unknown prefixes. */
export function sobjectOf(id: string): SObjectName | undefined {
  const prefix = id.slice(0, 3);
  return (Object.keys(KEY_PREFIXES) as SObjectName[]).find((name) => KEY_PREFIXES[name] === prefix);
}

/**
 * SoftphoneSecurity.toIdOf: the 18-character id when the text is an id of one of the allowed objects,
 * else undefined.
 */
export function toIdOf(value: unknown, allowed: readonly SObjectName[]): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const id = toId18(value);
  const type = id === undefined ? undefined : sobjectOf(id);
  return type !== undefined && allowed.includes(type) ? id : undefined;
}

/** A new id of the object: prefix, "WB" (workbench) and a zero-padded sequence number. */
export function newId(object: SObjectName, sequence: number): string {
  const id15 = `${KEY_PREFIXES[object]}WB${String(sequence).padStart(10, '0')}`;
  return id15 + checksum(id15);
}
