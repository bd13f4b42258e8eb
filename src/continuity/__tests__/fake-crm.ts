// A CRM for the storage tests: records each call log, and fails the next ones with `failures`.
import type { CallLogEntry, CallLogResult, CrmPort } from '../../crm';

export class FlakyCrm implements CrmPort {
  readonly logged: CallLogEntry[] = [];
  failures: Error[] = [];
  searchByNumber = () => Promise.resolve([]);
  searchByName = () => Promise.resolve([]);
  screenPop = () => Promise.resolve();
  onClickToDial = () => () => undefined;
  logCall(entry: CallLogEntry): Promise<CallLogResult> {
    this.logged.push(entry);
    const failure = this.failures.shift();
    return failure ? Promise.reject(failure) : Promise.resolve({ taskId: '00TWB0000000001', created: true });
  }
}
