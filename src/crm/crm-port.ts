// What the phone needs from the CRM. The utility implements it with Apex (search, call log) and the
// Open CTI bridge over LMS (screen pop, click-to-dial); the workbench implements it with its emulation.
import type { ClickToDial, RecordShown, ScreenPopTarget } from '../protocol';
import type { ContactMatch } from './contact-match';

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

// One call as the CRM logs it: a Task keyed by the SIP Call-ID so that a retry updates instead of duplicating.

export interface CallLogEntry {
  /** SIP Call-ID; stored in Task.CallObject. */
  callId: string;
  callType: 'Inbound' | 'Outbound' | 'Internal';
  subject: string;
  durationSeconds: number;
  disposition?: string;
  notes?: string;
  /** Contact or Lead. */
  whoId?: string;
  /** Account, Case, Opportunity... */
  whatId?: string;
  /** ISO date (YYYY-MM-DD) of the call. */
  activityDate: string;
  /**
   * Epoch ms when this save began (the agent's browser clock). Two saves of one call may finish in either
   * order (a tab reloaded during a save); the Task keeps the values of the save begun last, so an older
   * tab's notes never overwrite newer ones.
   */
  savedAt: number;
}

/** The Task a call was logged to. */
export interface CallLogResult {
  taskId: string;
}
