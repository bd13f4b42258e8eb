// Every string of the agent's softphone, from custom labels (translatable). Keep them sorted by label name.
import announceConference from '@salesforce/label/c.Softphone_Announce_Conference';
import announceConnected from '@salesforce/label/c.Softphone_Announce_Connected';
import announceDialing from '@salesforce/label/c.Softphone_Announce_Dialing';
import announceEnded from '@salesforce/label/c.Softphone_Announce_Ended';
import announceHeld from '@salesforce/label/c.Softphone_Announce_Held';
import announceIncoming from '@salesforce/label/c.Softphone_Announce_Incoming';
import announceRecalling from '@salesforce/label/c.Softphone_Announce_Recalling';
import announceResumed from '@salesforce/label/c.Softphone_Announce_Resumed';
import available from '@salesforce/label/c.Softphone_Available';
import away from '@salesforce/label/c.Softphone_Away';
import dismiss from '@salesforce/label/c.Softphone_Dismiss';
import errorCoreLoad from '@salesforce/label/c.Softphone_Error_Core_Load';
import errorCredentials from '@salesforce/label/c.Softphone_Error_Credentials';
import errorIceServers from '@salesforce/label/c.Softphone_Error_Ice_Servers';
import errorMissedCall from '@salesforce/label/c.Softphone_Error_Missed_Call';
import errorSaveLog from '@salesforce/label/c.Softphone_Error_Save_Log';
import errorScreenPop from '@salesforce/label/c.Softphone_Error_Screen_Pop';
import errorSearch from '@salesforce/label/c.Softphone_Error_Search';
import errorSettings from '@salesforce/label/c.Softphone_Error_Settings';
import errorStart from '@salesforce/label/c.Softphone_Error_Start';
import errorUnknown from '@salesforce/label/c.Softphone_Error_Unknown';
import inWrapUp from '@salesforce/label/c.Softphone_In_Wrap_Up';
import modeDeskphone from '@salesforce/label/c.Softphone_Mode_Deskphone';
import modeSoftphone from '@salesforce/label/c.Softphone_Mode_Softphone';
import onCall from '@salesforce/label/c.Softphone_On_Call';
import register from '@salesforce/label/c.Softphone_Register';
import registrationFailed from '@salesforce/label/c.Softphone_Registration_Failed';
import registrationReconnecting from '@salesforce/label/c.Softphone_Registration_Reconnecting';
import registrationRegistered from '@salesforce/label/c.Softphone_Registration_Registered';
import registrationRegistering from '@salesforce/label/c.Softphone_Registration_Registering';
import registrationUnregistered from '@salesforce/label/c.Softphone_Registration_Unregistered';
import registrationUnregistering from '@salesforce/label/c.Softphone_Registration_Unregistering';
import starting from '@salesforce/label/c.Softphone_Starting';
import title from '@salesforce/label/c.Softphone_Title';
import utilityDialing from '@salesforce/label/c.Softphone_Utility_Dialing';
import utilityOffline from '@salesforce/label/c.Softphone_Utility_Offline';
import utilityOnCall from '@salesforce/label/c.Softphone_Utility_On_Call';
import utilityOnHold from '@salesforce/label/c.Softphone_Utility_On_Hold';
import utilityRinging from '@salesforce/label/c.Softphone_Utility_Ringing';
import utilityWrapUp from '@salesforce/label/c.Softphone_Utility_Wrap_Up';

export const LABELS = {
  announceConference,
  announceConnected,
  announceDialing,
  announceEnded,
  announceHeld,
  announceIncoming,
  announceRecalling,
  announceResumed,
  available,
  away,
  dismiss,
  errorCoreLoad,
  errorCredentials,
  errorIceServers,
  errorMissedCall,
  errorSaveLog,
  errorScreenPop,
  errorSearch,
  errorSettings,
  errorStart,
  errorUnknown,
  inWrapUp,
  modeDeskphone,
  modeSoftphone,
  onCall,
  register,
  registrationFailed,
  registrationReconnecting,
  registrationRegistered,
  registrationRegistering,
  registrationUnregistered,
  registrationUnregistering,
  starting,
  title,
  utilityDialing,
  utilityOffline,
  utilityOnCall,
  utilityOnHold,
  utilityRinging,
  utilityWrapUp,
};

/** Replaces {0}, {1}... in a label with the arguments, as the platform's label format does. */
export function format(template, ...args) {
  return template.replace(/\{(\d+)\}/g, (placeholder, index) => {
    return index < args.length ? String(args[index] ?? '') : placeholder;
  });
}
