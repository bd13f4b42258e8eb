// What the phone needs from the CRM. The utility implements it with Apex (search, call log) and the
// Open CTI bridge over LMS (screen pop, click-to-dial); the workbench implements it with its emulation.
import type { CallLogEntry } from './call-log-entry';
import type { CallLogResult } from './call-log-result';
import type { ClickToDial } from './click-to-dial';
import type { ContactMatch } from './contact-match';
import type { RecordShown } from './record-shown';
import type { ScreenPopTarget } from './screen-pop-target';

export interface CrmPort {
  /** Records whose phone fields match the number (any of its normalised variants); bounded. */
  searchByNumber(number: string): Promise<ContactMatch[]>;
  /** Records whose name matches; bounded. */
  searchByName(name: string): Promise<ContactMatch[]>;
  /** Shows a record, a new-record form, a search... in the agent's Lightning workspace. */
  screenPop(target: ScreenPopTarget): Promise<void>;
  /** Creates or updates the call's Task. */
  logCall(entry: CallLogEntry): Promise<CallLogResult>;
  /** The click-to-dial source: clicks on phone numbers in Salesforce. Returns the unsubscribe function. */
  onClickToDial(listener: (click: ClickToDial) => void): () => void;
  /**
   * Record pages the agent lands on (how a record created from "New contact" is recognised). Hosts that
   * cannot tell leave it out; the agent then ends "creating" with Cancel. Returns the unsubscribe function.
   */
  onRecordShown?(listener: (record: RecordShown) => void): () => void;
}
