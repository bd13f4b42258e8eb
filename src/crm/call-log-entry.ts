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
