// The checks of a screen pop target: the documented Open CTI screenPop types and their params (see kit.ts for
// the rules). A new pop type changes only this file and messages.ts.
import { SCHEMA_LIMITS, type ScreenPopTarget } from './messages';
import {
  apiName,
  array,
  discriminant,
  fail,
  fieldValues,
  fields,
  finiteNumber,
  oneOf,
  relativeUrl,
  salesforceId,
  text,
} from './kit';

export const SCREEN_POP_TYPES = [
  'SOBJECT',
  'URL',
  'OBJECTHOME',
  'LIST',
  'SEARCH',
  'NEW_RECORD_MODAL',
  'FLOW',
] as const;

function flowArg(
  value: unknown,
  path: string,
): { name: string; type: string; value: string | number | boolean } {
  const o = fields(value, path, ['name', 'type', 'value']);
  if (typeof o.type !== 'string' || !/^[A-Za-z]{1,40}$/.test(o.type)) {
    fail(`${path}.type`, 'must be a flow data type such as String, Number or Boolean');
  }
  const raw = o.value;
  const checked =
    typeof raw === 'boolean'
      ? raw
      : typeof raw === 'number'
        ? finiteNumber(raw, `${path}.value`)
        : text(raw, `${path}.value`, { max: SCHEMA_LIMITS.fieldValueLength, min: 0, multiline: true });
  return { name: apiName(o.name, `${path}.name`), type: o.type, value: checked };
}

/** The params of a pop whose only other member is its type. */
function popParams(value: unknown, path: string, required: string[], optional: string[] = []) {
  return fields(fields(value, path, ['type', 'params']).params, `${path}.params`, required, optional);
}

/** The new-record form: the one pop that carries a member besides its params (the form's prefilled fields). */
function newRecordModal(value: unknown, path: string): ScreenPopTarget {
  const o = fields(value, path, ['type', 'params'], ['defaultFieldValues']);
  const params = fields(o.params, `${path}.params`, ['entityName']);
  const out: ScreenPopTarget = {
    type: 'NEW_RECORD_MODAL',
    params: { entityName: apiName(params.entityName, `${path}.params.entityName`) },
  };
  if (o.defaultFieldValues !== undefined) {
    out.defaultFieldValues = fieldValues(o.defaultFieldValues, `${path}.defaultFieldValues`);
  }
  return out;
}

function flow(value: unknown, path: string): ScreenPopTarget {
  const p = `${path}.params`;
  const params = popParams(value, path, ['flowDevName'], ['flowArgs']);
  const out: ScreenPopTarget = {
    type: 'FLOW',
    params: { flowDevName: apiName(params.flowDevName, `${p}.flowDevName`) },
  };
  if (params.flowArgs !== undefined) {
    out.params.flowArgs = array(params.flowArgs, `${p}.flowArgs`, SCHEMA_LIMITS.flowArgCount).map((arg, i) =>
      flowArg(arg, `${p}.flowArgs[${i}]`),
    );
  }
  return out;
}

export function screenPop(value: unknown, path: string): ScreenPopTarget {
  const type = oneOf(discriminant(value, path, 'type'), `${path}.type`, SCREEN_POP_TYPES);
  const p = `${path}.params`;
  switch (type) {
    case 'SOBJECT': {
      const params = popParams(value, path, ['recordId']);
      return { type, params: { recordId: salesforceId(params.recordId, `${p}.recordId`) } };
    }
    case 'URL': {
      const params = popParams(value, path, ['url']);
      return { type, params: { url: relativeUrl(params.url, `${p}.url`) } };
    }
    case 'OBJECTHOME': {
      const params = popParams(value, path, ['scope']);
      return { type, params: { scope: apiName(params.scope, `${p}.scope`) } };
    }
    case 'LIST': {
      const params = popParams(value, path, ['listViewId', 'scope']);
      return {
        type,
        params: {
          listViewId: salesforceId(params.listViewId, `${p}.listViewId`),
          scope: apiName(params.scope, `${p}.scope`),
        },
      };
    }
    case 'SEARCH': {
      const params = popParams(value, path, ['searchString']);
      const searchString = text(params.searchString, `${p}.searchString`, {
        max: SCHEMA_LIMITS.searchLength,
        min: SCHEMA_LIMITS.searchMinLength,
      });
      return { type, params: { searchString } };
    }
    case 'NEW_RECORD_MODAL':
      return newRecordModal(value, path);
    case 'FLOW':
      return flow(value, path);
  }
}
