// The argument checks of the emulated sforce.opencti (open-cti.ts): the enumerations as opencti_min.js
// defines them and the INVALID_PARAM entries Salesforce answers for a missing or malformed parameter.
import type { OpenCtiErrorEntry } from '../../src/bridge';

export const SCREENPOP_TYPE = Object.freeze({
  SOBJECT: 'sobject',
  URL: 'url',
  OBJECTHOME: 'objecthome',
  LIST: 'list',
  SEARCH: 'search',
  NEW_RECORD_MODAL: 'newRecord',
  FLOW: 'flow',
});

export const CALL_TYPE = Object.freeze({ INBOUND: 'inbound', OUTBOUND: 'outbound', INTERNAL: 'internal' });

/** The object Open CTI hands to the onNavigationChange listener (Lightning; record fields empty off records). */
export interface OpenCtiNavigationPayload {
  url?: string;
  recordId?: string;
  recordName?: string;
  objectType?: string;
  /** Person accounts only. */
  accountId?: string;
  contactId?: string;
  personAccount?: boolean;
}

export const invalidParam = (name: string, expected: string, found: unknown): OpenCtiErrorEntry => ({
  code: 'INVALID_PARAM',
  description: `An invalid value was passed to the parameter ${name}. ${expected} was expected, but ${
    found === undefined ? 'UNDEFINED' : JSON.stringify(found)
  } was found instead.`,
});

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isText = (v: unknown, min = 1): v is string => typeof v === 'string' && v.trim().length >= min;

/** Required params of each screen pop type (by SCREENPOP_TYPE value). */
export function screenPopProblem(type: unknown, params: unknown): OpenCtiErrorEntry | undefined {
  const types = Object.values(SCREENPOP_TYPE) as string[];
  if (typeof type !== 'string' || !types.includes(type)) {
    return invalidParam('type', `One of ${types.join(', ')}`, type);
  }
  if (!isObject(params)) return invalidParam('params', 'An object', params);
  const need: Record<string, [string, number][]> = {
    sobject: [['recordId', 15]],
    url: [['url', 1]],
    objecthome: [['scope', 1]],
    list: [
      ['listViewId', 15],
      ['scope', 1],
    ],
    search: [['searchString', 3]],
    newRecord: [['entityName', 1]],
    flow: [['flowDevName', 1]],
  };
  for (const [name, min] of need[type] ?? []) {
    if (!isText(params[name], min))
      return invalidParam(`params.${name}`, `A string of ${min}+ characters`, params[name]);
  }
  return undefined;
}
