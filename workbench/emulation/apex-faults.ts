// TEST-ONLY fault switch of the workbench's Apex emulation (never part of the package, never in an org):
// a test arms it to make the next calls of one @AuraEnabled method fail, as an Apex error (what a
// validation rule or a locked row gives the component) or as a lost connection, to prove that the
// softphone keeps the agent's notes and retries. Disarmed by default; nothing in the workbench UI arms it.
import { ApexRequestError, AuraHandledException } from './apex-error';

export type ApexFaultKind = 'apex-error' | 'network';

interface ArmedFault {
  remaining: number;
  kind: ApexFaultKind;
  message: string;
}

export class ApexFaults {
  private readonly armed = new Map<string, ArmedFault>();
  /** Calls that failed because of a fault, per `Class.method` (what the test asserts on). */
  readonly failed = new Map<string, number>();

  /** TEST ONLY: the next `count` calls of `className.methodName` fail. */
  failNext(
    className: string,
    methodName: string,
    count: number,
    kind: ApexFaultKind = 'apex-error',
    message = 'UNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record (workbench test fault)',
  ): void {
    if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a whole number ≥ 0');
    this.armed.set(`${className}.${methodName}`, { remaining: count, kind, message });
  }

  /** Disarms every fault. */
  clear(): void {
    this.armed.clear();
    this.failed.clear();
  }

  /** Throws when a fault is armed for this method (called before the emulated Apex runs). */
  check(className: string, methodName: string): void {
    const key = `${className}.${methodName}`;
    const fault = this.armed.get(key);
    if (!fault || fault.remaining === 0) return;
    fault.remaining -= 1;
    this.failed.set(key, (this.failed.get(key) ?? 0) + 1);
    if (fault.kind === 'network') throw new ApexRequestError(`Service unavailable (${fault.message})`, 503);
    throw new AuraHandledException(fault.message);
  }
}
