// EMULATION of the package's @AuraEnabled Apex for the workbench: one TypeScript port per class (./apex/),
// called the way Lightning calls Apex — parameters by name, checked against the Apex signatures read from
// force-app (apex-contract.ts), nulls left out of the answer, failures as { body: { message } }.
import { ApexRequestError } from './apex-error';
import { readApexContract, type ApexClass, type ApexParam } from './apex-contract';
import { ApexFaults } from './apex-faults';
import type { ApexCall } from './emulation-context';
import { SoftphoneCallLog } from './apex/call-log';
import { SoftphoneContactSearch } from './apex/contact-search';
import { SoftphoneCredentials } from './apex/credentials';
import { SoftphoneFavorites } from './apex/favorites';
import { SoftphoneOrigins } from './apex/origins';
import { SoftphoneRecents } from './apex/recents';
import { SoftphoneSettingsController } from './apex/settings-controller';
import { SoftphoneSetupController } from './apex/setup-controller';
import { SoftphoneSipUsers } from './apex/sip-users';

/** A port takes the call context and its parameters by name (checked against the Apex signature first). */
type Port = (call: ApexCall, params: never) => unknown;

export const APEX_EMULATIONS: Record<string, Record<string, Port>> = {
  SoftphoneSettingsController,
  SoftphoneCredentials,
  SoftphoneContactSearch,
  SoftphoneCallLog,
  SoftphoneFavorites,
  SoftphoneRecents,
  SoftphoneSetupController,
  SoftphoneSipUsers,
  SoftphoneOrigins,
};

const invalid = (param: ApexParam) =>
  new ApexRequestError(
    `Value provided is invalid for action parameter '${param.name}' of type '${param.type}'`,
  );

/** A parameter as Apex receives it: absent → null, numbers from numeric text, otherwise refused. */
function coerce(value: unknown, param: ApexParam): unknown {
  if (value === undefined || value === null) return null;
  const list = /^List<(.+)>$/.exec(param.type)?.[1];
  if (list !== undefined) {
    if (!Array.isArray(value)) throw invalid(param);
    return value.map((item) => coerce(item, { name: param.name, type: list }));
  }
  switch (param.type) {
    case 'String':
    case 'Id':
      if (typeof value !== 'string') throw invalid(param);
      return value;
    case 'Integer':
    case 'Long': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) throw invalid(param);
      return n;
    }
    case 'Boolean':
      if (typeof value !== 'boolean') throw invalid(param);
      return value;
    default:
      // An Apex class (DTO): an object whose members the port reads by name.
      if (typeof value !== 'object' || Array.isArray(value)) throw invalid(param);
      return value;
  }
}

/** Lightning leaves null members out of Apex objects it returns. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== null && member !== undefined) result[key] = withoutNulls(member);
  }
  return result;
}

export class ApexEmulation {
  readonly contract: Record<string, ApexClass>;
  /** TEST ONLY: makes chosen methods fail on purpose (see apex-faults.ts); disarmed unless a test arms it. */
  readonly faults = new ApexFaults();

  constructor(contract: Record<string, ApexClass> = readApexContract()) {
    this.contract = contract;
  }

  /** Runs one @AuraEnabled method as the call's user; throws AuraHandledException or ApexRequestError. */
  invoke(className: string, methodName: string, params: Record<string, unknown>, call: ApexCall): unknown {
    const signature = this.contract[className]?.methods[methodName];
    if (!signature) {
      throw new ApexRequestError(`No @AuraEnabled method ${className}.${methodName} in force-app`, 404);
    }
    const port = APEX_EMULATIONS[className]?.[methodName];
    if (!port) {
      throw new ApexRequestError(
        `The workbench does not emulate ${className}.${methodName} yet (add it to workbench/emulation/apex/)`,
        501,
      );
    }
    this.faults.check(className, methodName);
    const args: Record<string, unknown> = {};
    for (const param of signature.params) args[param.name] = coerce(params[param.name], param);
    const result = (port as (call: ApexCall, params: Record<string, unknown>) => unknown)(call, args);
    return signature.returnType === 'void' ? null : withoutNulls(result);
  }
}
