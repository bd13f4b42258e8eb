// Every string of the agent's softphone, from custom labels (translatable). Keep them sorted by label name.
import addFavorite from '@salesforce/label/c.Softphone_Add_Favorite';
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
import call from '@salesforce/label/c.Softphone_Call';
import callEntry from '@salesforce/label/c.Softphone_Call_Entry';
import callNumber from '@salesforce/label/c.Softphone_Call_Number';
import cannotDial from '@salesforce/label/c.Softphone_Cannot_Dial';
import dialed from '@salesforce/label/c.Softphone_Dialed';
import dialpad from '@salesforce/label/c.Softphone_Dialpad';
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
import favorites from '@salesforce/label/c.Softphone_Favorites';
import inWrapUp from '@salesforce/label/c.Softphone_In_Wrap_Up';
import loading from '@salesforce/label/c.Softphone_Loading';
import missed from '@salesforce/label/c.Softphone_Missed';
import modeDeskphone from '@salesforce/label/c.Softphone_Mode_Deskphone';
import modeSoftphone from '@salesforce/label/c.Softphone_Mode_Softphone';
import noFavorites from '@salesforce/label/c.Softphone_No_Favorites';
import noRecents from '@salesforce/label/c.Softphone_No_Recents';
import noResults from '@salesforce/label/c.Softphone_No_Results';
import onCall from '@salesforce/label/c.Softphone_On_Call';
import received from '@salesforce/label/c.Softphone_Received';
import recents from '@salesforce/label/c.Softphone_Recents';
import recentsTab from '@salesforce/label/c.Softphone_Recents_Tab';
import register from '@salesforce/label/c.Softphone_Register';
import registrationFailed from '@salesforce/label/c.Softphone_Registration_Failed';
import registrationReconnecting from '@salesforce/label/c.Softphone_Registration_Reconnecting';
import registrationRegistered from '@salesforce/label/c.Softphone_Registration_Registered';
import registrationRegistering from '@salesforce/label/c.Softphone_Registration_Registering';
import registrationUnregistered from '@salesforce/label/c.Softphone_Registration_Unregistered';
import registrationUnregistering from '@salesforce/label/c.Softphone_Registration_Unregistering';
import removeFavorite from '@salesforce/label/c.Softphone_Remove_Favorite';
import searchLabel from '@salesforce/label/c.Softphone_Search_Label';
import searchPlaceholder from '@salesforce/label/c.Softphone_Search_Placeholder';
import searchResults from '@salesforce/label/c.Softphone_Search_Results';
import searching from '@salesforce/label/c.Softphone_Searching';
import starting from '@salesforce/label/c.Softphone_Starting';
import title from '@salesforce/label/c.Softphone_Title';
import utilityDialing from '@salesforce/label/c.Softphone_Utility_Dialing';
import utilityOffline from '@salesforce/label/c.Softphone_Utility_Offline';
import utilityOnCall from '@salesforce/label/c.Softphone_Utility_On_Call';
import utilityOnHold from '@salesforce/label/c.Softphone_Utility_On_Hold';
import utilityRinging from '@salesforce/label/c.Softphone_Utility_Ringing';
import utilityWrapUp from '@salesforce/label/c.Softphone_Utility_Wrap_Up';

export const LABELS = {
  addFavorite,
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
  call,
  callEntry,
  callNumber,
  cannotDial,
  dialed,
  dialpad,
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
  favorites,
  inWrapUp,
  loading,
  missed,
  modeDeskphone,
  modeSoftphone,
  noFavorites,
  noRecents,
  noResults,
  onCall,
  received,
  recents,
  recentsTab,
  register,
  registrationFailed,
  registrationReconnecting,
  registrationRegistered,
  registrationRegistering,
  registrationUnregistered,
  registrationUnregistering,
  removeFavorite,
  searchLabel,
  searchPlaceholder,
  searchResults,
  searching,
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
