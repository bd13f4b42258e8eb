// The setup tab's strings for click-to-dial, call notes and the wrap-up times by call (issue 18), from custom labels.
import sectionCallOptions from '@salesforce/label/c.Softphone_Setup_Section_Call_Options';
import clickToDial from '@salesforce/label/c.Softphone_Setup_Click_To_Dial';
import clickToDialHelp from '@salesforce/label/c.Softphone_Setup_Click_To_Dial_Help';
import callNotes from '@salesforce/label/c.Softphone_Setup_Call_Notes';
import callNotesTransfers from '@salesforce/label/c.Softphone_Setup_Call_Notes_Transfers';
import sectionWorkTimers from '@salesforce/label/c.Softphone_Setup_Section_Work_Timers';
import workTimersHelp from '@salesforce/label/c.Softphone_Setup_Work_Timers_Help';
import workTimerInbound from '@salesforce/label/c.Softphone_Setup_Work_Timer_Inbound';
import workTimerOutbound from '@salesforce/label/c.Softphone_Setup_Work_Timer_Outbound';
import workTimerContact from '@salesforce/label/c.Softphone_Setup_Work_Timer_Contact';
import workTimerLead from '@salesforce/label/c.Softphone_Setup_Work_Timer_Lead';
import workTimerAccount from '@salesforce/label/c.Softphone_Setup_Work_Timer_Account';
import workTimerUnknown from '@salesforce/label/c.Softphone_Setup_Work_Timer_Unknown';
import summaryClickToDialOn from '@salesforce/label/c.Softphone_Setup_Summary_Click_To_Dial_On';
import summaryClickToDialOff from '@salesforce/label/c.Softphone_Setup_Summary_Click_To_Dial_Off';
import summaryNoNotes from '@salesforce/label/c.Softphone_Setup_Summary_No_Notes';

export const CALL_OPTION_LABELS = {
  sectionCallOptions,
  clickToDial,
  clickToDialHelp,
  callNotes,
  callNotesTransfers,
  sectionWorkTimers,
  workTimersHelp,
  workTimerInbound,
  workTimerOutbound,
  workTimerContact,
  workTimerLead,
  workTimerAccount,
  workTimerUnknown,
  summaryClickToDialOn,
  summaryClickToDialOff,
  summaryNoNotes,
};
