// Every string of the setup tab, from custom labels (translatable by admins).
import credentialTtl from '@salesforce/label/c.Softphone_Setup_Credential_Ttl';
import defaultCountry from '@salesforce/label/c.Softphone_Setup_Default_Country';
import dialAllow from '@salesforce/label/c.Softphone_Setup_Dial_Allow';
import dialDeny from '@salesforce/label/c.Softphone_Setup_Dial_Deny';
import dialPlanHelp from '@salesforce/label/c.Softphone_Setup_Dial_Plan_Help';
import errorCountry from '@salesforce/label/c.Softphone_Setup_Error_Country';
import errorDomain from '@salesforce/label/c.Softphone_Setup_Error_Domain';
import errorExtensionLengths from '@salesforce/label/c.Softphone_Setup_Error_Extension_Lengths';
import errorIceJson from '@salesforce/label/c.Softphone_Setup_Error_Ice_Json';
import errorIceLength from '@salesforce/label/c.Softphone_Setup_Error_Ice_Length';
import errorIceSecret from '@salesforce/label/c.Softphone_Setup_Error_Ice_Secret';
import errorIceUrl from '@salesforce/label/c.Softphone_Setup_Error_Ice_Url';
import errorPlan from '@salesforce/label/c.Softphone_Setup_Error_Plan';
import errorPrefix from '@salesforce/label/c.Softphone_Setup_Error_Prefix';
import errorRange from '@salesforce/label/c.Softphone_Setup_Error_Range';
import errorSecret from '@salesforce/label/c.Softphone_Setup_Error_Secret';
import errorTextReplies from '@salesforce/label/c.Softphone_Setup_Error_Text_Replies';
import errorUrl from '@salesforce/label/c.Softphone_Setup_Error_Url';
import extensionLengths from '@salesforce/label/c.Softphone_Setup_Extension_Lengths';
import fixErrors from '@salesforce/label/c.Softphone_Setup_Fix_Errors';
import iceServers from '@salesforce/label/c.Softphone_Setup_Ice_Servers';
import iceServersHelp from '@salesforce/label/c.Softphone_Setup_Ice_Servers_Help';
import internationalPrefix from '@salesforce/label/c.Softphone_Setup_International_Prefix';
import loadError from '@salesforce/label/c.Softphone_Setup_Load_Error';
import loading from '@salesforce/label/c.Softphone_Setup_Loading';
import longDistancePrefix from '@salesforce/label/c.Softphone_Setup_Long_Distance_Prefix';
import maxHold from '@salesforce/label/c.Softphone_Setup_Max_Hold';
import maxLines from '@salesforce/label/c.Softphone_Setup_Max_Lines';
import modeDisabled from '@salesforce/label/c.Softphone_Setup_Mode_Disabled';
import modeEnabled from '@salesforce/label/c.Softphone_Setup_Mode_Enabled';
import modeLabel from '@salesforce/label/c.Softphone_Setup_Mode_Label';
import outsidePrefix from '@salesforce/label/c.Softphone_Setup_Outside_Prefix';
import policyDecline from '@salesforce/label/c.Softphone_Setup_Policy_Decline';
import policyRing from '@salesforce/label/c.Softphone_Setup_Policy_Ring';
import readOnly from '@salesforce/label/c.Softphone_Setup_Read_Only';
import save from '@salesforce/label/c.Softphone_Setup_Save';
import saveError from '@salesforce/label/c.Softphone_Setup_Save_Error';
import saved from '@salesforce/label/c.Softphone_Setup_Saved';
import screenPop from '@salesforce/label/c.Softphone_Setup_Screen_Pop';
import screenPopNewRecord from '@salesforce/label/c.Softphone_Setup_Screen_Pop_New_Record';
import screenPopNone from '@salesforce/label/c.Softphone_Setup_Screen_Pop_None';
import screenPopRecord from '@salesforce/label/c.Softphone_Setup_Screen_Pop_Record';
import screenPopSearch from '@salesforce/label/c.Softphone_Setup_Screen_Pop_Search';
import searchUsers from '@salesforce/label/c.Softphone_Setup_Search_Users';
import secretLabel from '@salesforce/label/c.Softphone_Setup_Secret_Label';
import secretNotSet from '@salesforce/label/c.Softphone_Setup_Secret_Not_Set';
import secretSave from '@salesforce/label/c.Softphone_Setup_Secret_Save';
import secretSaved from '@salesforce/label/c.Softphone_Setup_Secret_Saved';
import secretSet from '@salesforce/label/c.Softphone_Setup_Secret_Set';
import sectionCalls from '@salesforce/label/c.Softphone_Setup_Section_Calls';
import sectionDialing from '@salesforce/label/c.Softphone_Setup_Section_Dialing';
import sectionMode from '@salesforce/label/c.Softphone_Setup_Section_Mode';
import sectionSecret from '@salesforce/label/c.Softphone_Setup_Section_Secret';
import sectionSip from '@salesforce/label/c.Softphone_Setup_Section_Sip';
import sipDomain from '@salesforce/label/c.Softphone_Setup_Sip_Domain';
import summaryDeskphone from '@salesforce/label/c.Softphone_Setup_Summary_Deskphone';
import summaryDevice from '@salesforce/label/c.Softphone_Setup_Summary_Device';
import summaryLines from '@salesforce/label/c.Softphone_Setup_Summary_Lines';
import summaryNoWorkTimer from '@salesforce/label/c.Softphone_Setup_Summary_No_Work_Timer';
import summaryNotConnected from '@salesforce/label/c.Softphone_Setup_Summary_Not_Connected';
import summarySoftphone from '@salesforce/label/c.Softphone_Setup_Summary_Softphone';
import summaryWorkTimer from '@salesforce/label/c.Softphone_Setup_Summary_Work_Timer';
import summaryWrapUpRequired from '@salesforce/label/c.Softphone_Setup_Summary_Wrap_Up_Required';
import textReplies from '@salesforce/label/c.Softphone_Setup_Text_Replies';
import title from '@salesforce/label/c.Softphone_Setup_Title';
import webSocketUrl from '@salesforce/label/c.Softphone_Setup_WebSocket_Url';
import webSocketUrlHelp from '@salesforce/label/c.Softphone_Setup_WebSocket_Url_Help';
import whenAway from '@salesforce/label/c.Softphone_Setup_When_Away';
import whenInWrapUp from '@salesforce/label/c.Softphone_Setup_When_In_Wrap_Up';
import workTimer from '@salesforce/label/c.Softphone_Setup_Work_Timer';
import wrapUpRequired from '@salesforce/label/c.Softphone_Setup_Wrap_Up_Required';
import holdMusic from '@salesforce/label/c.Softphone_Setup_Hold_Music';
import holdMusicResource from '@salesforce/label/c.Softphone_Setup_Hold_Music_Resource';
import holdMusicResourceHelp from '@salesforce/label/c.Softphone_Setup_Hold_Music_Resource_Help';
import firstRunSaved from '@salesforce/label/c.Softphone_Setup_First_Run_Saved';

export const LABELS = {
  credentialTtl,
  defaultCountry,
  dialAllow,
  dialDeny,
  dialPlanHelp,
  errorCountry,
  errorDomain,
  errorExtensionLengths,
  errorIceJson,
  errorIceLength,
  errorIceSecret,
  errorIceUrl,
  errorPlan,
  errorPrefix,
  errorRange,
  errorSecret,
  errorTextReplies,
  errorUrl,
  extensionLengths,
  fixErrors,
  iceServers,
  iceServersHelp,
  internationalPrefix,
  loadError,
  loading,
  longDistancePrefix,
  maxHold,
  maxLines,
  modeDisabled,
  modeEnabled,
  modeLabel,
  outsidePrefix,
  policyDecline,
  policyRing,
  readOnly,
  save,
  saveError,
  saved,
  screenPop,
  screenPopNewRecord,
  screenPopNone,
  screenPopRecord,
  screenPopSearch,
  searchUsers,
  secretLabel,
  secretNotSet,
  secretSave,
  secretSaved,
  secretSet,
  sectionCalls,
  sectionDialing,
  sectionMode,
  sectionSecret,
  sectionSip,
  sipDomain,
  summaryDeskphone,
  summaryDevice,
  summaryLines,
  summaryNoWorkTimer,
  summaryNotConnected,
  summarySoftphone,
  summaryWorkTimer,
  summaryWrapUpRequired,
  textReplies,
  title,
  webSocketUrl,
  webSocketUrlHelp,
  whenAway,
  whenInWrapUp,
  workTimer,
  wrapUpRequired,
  holdMusic,
  holdMusicResource,
  holdMusicResourceHelp,
  firstRunSaved,
};

/** Replaces {0}, {1}... in a label with the arguments, as the platform's label format does. */
export function format(template, ...args) {
  return template.replace(/\{(\d+)\}/g, (placeholder, index) => {
    return index < args.length ? String(args[index]) : placeholder;
  });
}
