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
}
