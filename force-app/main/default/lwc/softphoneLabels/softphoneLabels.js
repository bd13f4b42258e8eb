// Every string of the agent's softphone, from custom labels (translatable). Keep them sorted by label name.
import addFavorite from '@salesforce/label/c.Softphone_Add_Favorite';
import addParticipant from '@salesforce/label/c.Softphone_Add_Participant';
import addToConference from '@salesforce/label/c.Softphone_Add_To_Conference';
import announceConference from '@salesforce/label/c.Softphone_Announce_Conference';
import announceConnected from '@salesforce/label/c.Softphone_Announce_Connected';
import announceDialing from '@salesforce/label/c.Softphone_Announce_Dialing';
import announceEnded from '@salesforce/label/c.Softphone_Announce_Ended';
import announceHeld from '@salesforce/label/c.Softphone_Announce_Held';
import announceIncoming from '@salesforce/label/c.Softphone_Announce_Incoming';
import announceRecalling from '@salesforce/label/c.Softphone_Announce_Recalling';
import announceResumed from '@salesforce/label/c.Softphone_Announce_Resumed';
import answer from '@salesforce/label/c.Softphone_Answer';
import answerOnDevice from '@salesforce/label/c.Softphone_Answer_On_Device';
import audioLoading from '@salesforce/label/c.Softphone_Audio_Loading';
import audioMicrophone from '@salesforce/label/c.Softphone_Audio_Microphone';
import audioRinger from '@salesforce/label/c.Softphone_Audio_Ringer';
import audioSettings from '@salesforce/label/c.Softphone_Audio_Settings';
import audioSpeaker from '@salesforce/label/c.Softphone_Audio_Speaker';
import audioSystemDefault from '@salesforce/label/c.Softphone_Audio_System_Default';
import available from '@salesforce/label/c.Softphone_Available';
import away from '@salesforce/label/c.Softphone_Away';
import call from '@salesforce/label/c.Softphone_Call';
import callActions from '@salesforce/label/c.Softphone_Call_Actions';
import callDuration from '@salesforce/label/c.Softphone_Call_Duration';
import callQuality from '@salesforce/label/c.Softphone_Call_Quality';
import callQualityFair from '@salesforce/label/c.Softphone_Call_Quality_Fair';
import callQualityGood from '@salesforce/label/c.Softphone_Call_Quality_Good';
import callQualityPoor from '@salesforce/label/c.Softphone_Call_Quality_Poor';
import callEntry from '@salesforce/label/c.Softphone_Call_Entry';
import clickToDialEmergency from '@salesforce/label/c.Softphone_Click_To_Dial_Emergency';
import clickToDialFrom from '@salesforce/label/c.Softphone_Click_To_Dial_From';
import clickToDialNote from '@salesforce/label/c.Softphone_Click_To_Dial_Note';
import clickToDialQuestion from '@salesforce/label/c.Softphone_Click_To_Dial_Question';
import callNotConnected from '@salesforce/label/c.Softphone_Call_Not_Connected';
import callNumber from '@salesforce/label/c.Softphone_Call_Number';
import callEnded from '@salesforce/label/c.Softphone_Call_Ended';
import callWaiting from '@salesforce/label/c.Softphone_Call_Waiting';
import cancel from '@salesforce/label/c.Softphone_Cancel';
import cancelConsult from '@salesforce/label/c.Softphone_Cancel_Consult';
import cancelNewContact from '@salesforce/label/c.Softphone_Cancel_New_Contact';
import cannotDial from '@salesforce/label/c.Softphone_Cannot_Dial';
import chooseDisposition from '@salesforce/label/c.Softphone_Choose_Disposition';
import chosenContact from '@salesforce/label/c.Softphone_Chosen_Contact';
import clearTimer from '@salesforce/label/c.Softphone_Clear_Timer';
import completeTransfer from '@salesforce/label/c.Softphone_Complete_Transfer';
import conference from '@salesforce/label/c.Softphone_Conference';
import conferenceHeading from '@salesforce/label/c.Softphone_Conference_Heading';
import conferenceTitle from '@salesforce/label/c.Softphone_Conference_Title';
import contactMatches from '@salesforce/label/c.Softphone_Contact_Matches';
import creatingContact from '@salesforce/label/c.Softphone_Creating_Contact';
import deviceAnswered from '@salesforce/label/c.Softphone_Device_Answered';
import deviceAwaitingKey from '@salesforce/label/c.Softphone_Device_Awaiting_Key';
import deviceCalling from '@salesforce/label/c.Softphone_Device_Calling';
import deviceCallingCustomer from '@salesforce/label/c.Softphone_Device_Calling_Customer';
import deviceControls from '@salesforce/label/c.Softphone_Device_Controls';
import deviceNumber from '@salesforce/label/c.Softphone_Device_Number';
import deviceNumberHelp from '@salesforce/label/c.Softphone_Device_Number_Help';
import deviceNumberMissing from '@salesforce/label/c.Softphone_Device_Number_Missing';
import deviceNumberPlaceholder from '@salesforce/label/c.Softphone_Device_Number_Placeholder';
import deviceNumberSaveFailed from '@salesforce/label/c.Softphone_Device_Number_Save_Failed';
import deviceCustomerRinging from '@salesforce/label/c.Softphone_Device_Customer_Ringing';
import dialed from '@salesforce/label/c.Softphone_Dialed';
import dialpad from '@salesforce/label/c.Softphone_Dialpad';
import dismiss from '@salesforce/label/c.Softphone_Dismiss';
import disposition from '@salesforce/label/c.Softphone_Disposition';
import dispositionCallBack from '@salesforce/label/c.Softphone_Disposition_Call_Back';
import dispositionOther from '@salesforce/label/c.Softphone_Disposition_Other';
import dispositionRequired from '@salesforce/label/c.Softphone_Disposition_Required';
import dispositionResolved from '@salesforce/label/c.Softphone_Disposition_Resolved';
import dispositionVoicemail from '@salesforce/label/c.Softphone_Disposition_Voicemail';
import dispositionWrongNumber from '@salesforce/label/c.Softphone_Disposition_Wrong_Number';
import dtmfSent from '@salesforce/label/c.Softphone_Dtmf_Sent';
import endConference from '@salesforce/label/c.Softphone_End_Conference';
import errorAudioDevice from '@salesforce/label/c.Softphone_Error_Audio_Device';
import errorCoreLoad from '@salesforce/label/c.Softphone_Error_Core_Load';
import errorNumberingPlans from '@salesforce/label/c.Softphone_Error_Numbering_Plans';
import errorDeskphone from '@salesforce/label/c.Softphone_Error_Deskphone';
import popoutRefused from '@salesforce/label/c.Softphone_Popout_Refused';
import errorCredentials from '@salesforce/label/c.Softphone_Error_Credentials';
import errorIceServers from '@salesforce/label/c.Softphone_Error_Ice_Servers';
import errorMissedCall from '@salesforce/label/c.Softphone_Error_Missed_Call';
import errorSaveLog from '@salesforce/label/c.Softphone_Error_Save_Log';
import errorScreenPop from '@salesforce/label/c.Softphone_Error_Screen_Pop';
import errorSearch from '@salesforce/label/c.Softphone_Error_Search';
import errorSession from '@salesforce/label/c.Softphone_Error_Session';
import errorSettings from '@salesforce/label/c.Softphone_Error_Settings';
import errorStart from '@salesforce/label/c.Softphone_Error_Start';
import errorUnknown from '@salesforce/label/c.Softphone_Error_Unknown';
import favorites from '@salesforce/label/c.Softphone_Favorites';
import hangup from '@salesforce/label/c.Softphone_Hangup';
import heldPartyGone from '@salesforce/label/c.Softphone_Held_Party_Gone';
import hold from '@salesforce/label/c.Softphone_Hold';
import holdRecall from '@salesforce/label/c.Softphone_Hold_Recall';
import inWrapUp from '@salesforce/label/c.Softphone_In_Wrap_Up';
import incomingCall from '@salesforce/label/c.Softphone_Incoming_Call';
import keypad from '@salesforce/label/c.Softphone_Keypad';
import loading from '@salesforce/label/c.Softphone_Loading';
import lookingUp from '@salesforce/label/c.Softphone_Looking_Up';
import lookupFailed from '@salesforce/label/c.Softphone_Lookup_Failed';
import merge from '@salesforce/label/c.Softphone_Merge';
import missed from '@salesforce/label/c.Softphone_Missed';
import modeDeskphone from '@salesforce/label/c.Softphone_Mode_Deskphone';
import modeSoftphone from '@salesforce/label/c.Softphone_Mode_Softphone';
import moveFavoriteDown from '@salesforce/label/c.Softphone_Move_Favorite_Down';
import moveFavoriteUp from '@salesforce/label/c.Softphone_Move_Favorite_Up';
import mute from '@salesforce/label/c.Softphone_Mute';
import newContact from '@salesforce/label/c.Softphone_New_Contact';
import noFavorites from '@salesforce/label/c.Softphone_No_Favorites';
import noMatch from '@salesforce/label/c.Softphone_No_Match';
import noRecents from '@salesforce/label/c.Softphone_No_Recents';
import noResults from '@salesforce/label/c.Softphone_No_Results';
import notes from '@salesforce/label/c.Softphone_Notes';
import objectAccount from '@salesforce/label/c.Softphone_Object_Account';
import objectContact from '@salesforce/label/c.Softphone_Object_Contact';
import objectLead from '@salesforce/label/c.Softphone_Object_Lead';
import objectUser from '@salesforce/label/c.Softphone_Object_User';
import onCall from '@salesforce/label/c.Softphone_On_Call';
import participants from '@salesforce/label/c.Softphone_Participants';
import pickContact from '@salesforce/label/c.Softphone_Pick_Contact';
import pickContactFor from '@salesforce/label/c.Softphone_Pick_Contact_For';
import puttingOnHold from '@salesforce/label/c.Softphone_Putting_On_Hold';
import quickReplies from '@salesforce/label/c.Softphone_Quick_Replies';
import received from '@salesforce/label/c.Softphone_Received';
import recents from '@salesforce/label/c.Softphone_Recents';
import redirect from '@salesforce/label/c.Softphone_Redirect';
import redirectTo from '@salesforce/label/c.Softphone_Redirect_To';
import register from '@salesforce/label/c.Softphone_Register';
import registrationFailed from '@salesforce/label/c.Softphone_Registration_Failed';
import registrationLost from '@salesforce/label/c.Softphone_Registration_Lost';
import registrationReconnecting from '@salesforce/label/c.Softphone_Registration_Reconnecting';
import registrationRegistered from '@salesforce/label/c.Softphone_Registration_Registered';
import registrationRegistering from '@salesforce/label/c.Softphone_Registration_Registering';
import registrationUnregistered from '@salesforce/label/c.Softphone_Registration_Unregistered';
import registrationUnregistering from '@salesforce/label/c.Softphone_Registration_Unregistering';
import reject from '@salesforce/label/c.Softphone_Reject';
import removeFavorite from '@salesforce/label/c.Softphone_Remove_Favorite';
import removeParticipant from '@salesforce/label/c.Softphone_Remove_Participant';
import replyMessage from '@salesforce/label/c.Softphone_Reply_Message';
import replyWithText from '@salesforce/label/c.Softphone_Reply_With_Text';
import resume from '@salesforce/label/c.Softphone_Resume';
import retry from '@salesforce/label/c.Softphone_Retry';
import retrySave from '@salesforce/label/c.Softphone_Retry_Save';
import save from '@salesforce/label/c.Softphone_Save';
import saveError from '@salesforce/label/c.Softphone_Save_Error';
import saveNotes from '@salesforce/label/c.Softphone_Save_Notes';
import saving from '@salesforce/label/c.Softphone_Saving';
import searchLabel from '@salesforce/label/c.Softphone_Search_Label';
import searchPlaceholder from '@salesforce/label/c.Softphone_Search_Placeholder';
import searchResults from '@salesforce/label/c.Softphone_Search_Results';
import searching from '@salesforce/label/c.Softphone_Searching';
import send from '@salesforce/label/c.Softphone_Send';
import sessionCallsLost from '@salesforce/label/c.Softphone_Session_Calls_Lost';
import sessionFollower from '@salesforce/label/c.Softphone_Session_Follower';
import sessionLeader from '@salesforce/label/c.Softphone_Session_Leader';
import severalMatches from '@salesforce/label/c.Softphone_Several_Matches';
import starting from '@salesforce/label/c.Softphone_Starting';
import statusConference from '@salesforce/label/c.Softphone_Status_Conference';
import statusConnecting from '@salesforce/label/c.Softphone_Status_Connecting';
import statusDialing from '@salesforce/label/c.Softphone_Status_Dialing';
import statusEnding from '@salesforce/label/c.Softphone_Status_Ending';
import statusHeld from '@salesforce/label/c.Softphone_Status_Held';
import statusHolding from '@salesforce/label/c.Softphone_Status_Holding';
import statusLive from '@salesforce/label/c.Softphone_Status_Live';
import statusMonitored from '@salesforce/label/c.Softphone_Status_Monitored';
import statusRecalling from '@salesforce/label/c.Softphone_Status_Recalling';
import statusTransferring from '@salesforce/label/c.Softphone_Status_Transferring';
import supervised from '@salesforce/label/c.Softphone_Supervised';
import talkTime from '@salesforce/label/c.Softphone_Talk_Time';
import title from '@salesforce/label/c.Softphone_Title';
import transfer from '@salesforce/label/c.Softphone_Transfer';
import transferTitle from '@salesforce/label/c.Softphone_Transfer_Title';
import transferTo from '@salesforce/label/c.Softphone_Transfer_To';
import transferType from '@salesforce/label/c.Softphone_Transfer_Type';
import unmute from '@salesforce/label/c.Softphone_Unmute';
import unsupervised from '@salesforce/label/c.Softphone_Unsupervised';
import utilityDialing from '@salesforce/label/c.Softphone_Utility_Dialing';
import utilityOffline from '@salesforce/label/c.Softphone_Utility_Offline';
import utilityOnCall from '@salesforce/label/c.Softphone_Utility_On_Call';
import utilityOnHold from '@salesforce/label/c.Softphone_Utility_On_Hold';
import utilityRinging from '@salesforce/label/c.Softphone_Utility_Ringing';
import utilityWrapUp from '@salesforce/label/c.Softphone_Utility_Wrap_Up';
import workTimer from '@salesforce/label/c.Softphone_Work_Timer';
import wrapUpTitle from '@salesforce/label/c.Softphone_Wrap_Up_Title';
import errorStorage from '@salesforce/label/c.Softphone_Error_Storage';
import logRefused from '@salesforce/label/c.Softphone_Log_Refused';
import logRefusedRecord from '@salesforce/label/c.Softphone_Log_Refused_Record';
import logRefusedCopy from '@salesforce/label/c.Softphone_Log_Refused_Copy';
import saveWithoutRecord from '@salesforce/label/c.Softphone_Save_Without_Record';
import copyAndClose from '@salesforce/label/c.Softphone_Copy_And_Close';
import closeWithoutLog from '@salesforce/label/c.Softphone_Close_Without_Log';
import copyFailed from '@salesforce/label/c.Softphone_Copy_Failed';
import conferenceNotes from '@salesforce/label/c.Softphone_Conference_Notes';

export const LABELS = {
  addFavorite,
  addParticipant,
  addToConference,
  announceConference,
  announceConnected,
  announceDialing,
  announceEnded,
  announceHeld,
  announceIncoming,
  announceRecalling,
  announceResumed,
  answer,
  answerOnDevice,
  audioLoading,
  audioMicrophone,
  audioRinger,
  audioSettings,
  audioSpeaker,
  audioSystemDefault,
  available,
  away,
  call,
  callActions,
  callDuration,
  callQuality,
  callQualityFair,
  callQualityGood,
  callQualityPoor,
  callEntry,
  clickToDialEmergency,
  clickToDialFrom,
  clickToDialNote,
  clickToDialQuestion,
  callNotConnected,
  callNumber,
  callEnded,
  callWaiting,
  cancel,
  cancelConsult,
  cancelNewContact,
  cannotDial,
  chooseDisposition,
  chosenContact,
  clearTimer,
  completeTransfer,
  conference,
  conferenceHeading,
  conferenceTitle,
  contactMatches,
  creatingContact,
  deviceAnswered,
  deviceAwaitingKey,
  deviceCalling,
  deviceCallingCustomer,
  deviceControls,
  deviceNumber,
  deviceNumberHelp,
  deviceNumberMissing,
  deviceNumberPlaceholder,
  deviceNumberSaveFailed,
  deviceCustomerRinging,
  dialed,
  dialpad,
  dismiss,
  disposition,
  dispositionCallBack,
  dispositionOther,
  dispositionRequired,
  dispositionResolved,
  dispositionVoicemail,
  dispositionWrongNumber,
  dtmfSent,
  endConference,
  errorAudioDevice,
  errorCoreLoad,
  errorNumberingPlans,
  errorDeskphone,
  popoutRefused,
  errorCredentials,
  errorIceServers,
  errorMissedCall,
  errorSaveLog,
  errorScreenPop,
  errorSearch,
  errorSession,
  errorSettings,
  errorStart,
  errorUnknown,
  favorites,
  hangup,
  heldPartyGone,
  hold,
  holdRecall,
  inWrapUp,
  incomingCall,
  keypad,
  loading,
  lookingUp,
  lookupFailed,
  merge,
  missed,
  modeDeskphone,
  modeSoftphone,
  moveFavoriteDown,
  moveFavoriteUp,
  mute,
  newContact,
  noFavorites,
  noMatch,
  noRecents,
  noResults,
  notes,
  objectAccount,
  objectContact,
  objectLead,
  objectUser,
  onCall,
  participants,
  pickContact,
  pickContactFor,
  puttingOnHold,
  quickReplies,
  received,
  recents,
  redirect,
  redirectTo,
  register,
  registrationFailed,
  registrationLost,
  registrationReconnecting,
  registrationRegistered,
  registrationRegistering,
  registrationUnregistered,
  registrationUnregistering,
  reject,
  removeFavorite,
  removeParticipant,
  replyMessage,
  replyWithText,
  resume,
  retry,
  retrySave,
  save,
  saveError,
  saveNotes,
  saving,
  searchLabel,
  searchPlaceholder,
  searchResults,
  searching,
  send,
  sessionCallsLost,
  sessionFollower,
  sessionLeader,
  severalMatches,
  starting,
  statusConference,
  statusConnecting,
  statusDialing,
  statusEnding,
  statusHeld,
  statusHolding,
  statusLive,
  statusMonitored,
  statusRecalling,
  statusTransferring,
  supervised,
  talkTime,
  title,
  transfer,
  transferTitle,
  transferTo,
  transferType,
  unmute,
  unsupervised,
  utilityDialing,
  utilityOffline,
  utilityOnCall,
  utilityOnHold,
  utilityRinging,
  utilityWrapUp,
  workTimer,
  wrapUpTitle,
  errorStorage,
  logRefused,
  logRefusedRecord,
  logRefusedCopy,
  saveWithoutRecord,
  copyAndClose,
  closeWithoutLog,
  copyFailed,
  conferenceNotes,
};

/** Replaces {0}, {1}... in a label with the arguments, as the platform's label format does. */
export function format(template, ...args) {
  return template.replace(/\{(\d+)\}/g, (placeholder, index) => {
    return index < args.length ? String(args[index] ?? '') : placeholder;
  });
}
