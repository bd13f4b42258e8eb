// The first-run page's strings, from custom labels (translatable by admins); the form's own labels are shared
// with the rest of Softphone Setup.
import modeLabel from '@salesforce/label/c.Softphone_Setup_Mode_Label';
import modeEnabled from '@salesforce/label/c.Softphone_Setup_Mode_Enabled';
import modeDisabled from '@salesforce/label/c.Softphone_Setup_Mode_Disabled';
import webSocketUrl from '@salesforce/label/c.Softphone_Setup_WebSocket_Url';
import webSocketUrlHelp from '@salesforce/label/c.Softphone_Setup_WebSocket_Url_Help';
import sipDomain from '@salesforce/label/c.Softphone_Setup_Sip_Domain';
import secretLabel from '@salesforce/label/c.Softphone_Setup_Secret_Label';
import firstRunTitle from '@salesforce/label/c.Softphone_Setup_First_Run_Title';
import firstRunIntro from '@salesforce/label/c.Softphone_Setup_First_Run_Intro';
import firstRunSave from '@salesforce/label/c.Softphone_Setup_First_Run_Save';
import firstRunSaved from '@salesforce/label/c.Softphone_Setup_First_Run_Saved';
import probeTest from '@salesforce/label/c.Softphone_Setup_Probe_Test';
import probeTesting from '@salesforce/label/c.Softphone_Setup_Probe_Testing';
import probeResults from '@salesforce/label/c.Softphone_Setup_Probe_Results';
import probeTestError from '@salesforce/label/c.Softphone_Setup_Probe_Test_Error';
import probeNeedUrl from '@salesforce/label/c.Softphone_Setup_Probe_Need_Url';
import probeStepWebsocket from '@salesforce/label/c.Softphone_Setup_Probe_Step_Websocket';
import probeStepTls from '@salesforce/label/c.Softphone_Setup_Probe_Step_Tls';
import probeStepCredentials from '@salesforce/label/c.Softphone_Setup_Probe_Step_Credentials';
import probeStepRegistration from '@salesforce/label/c.Softphone_Setup_Probe_Step_Registration';
import probeOutcomeOk from '@salesforce/label/c.Softphone_Setup_Probe_Outcome_Ok';
import probeOutcomeWarning from '@salesforce/label/c.Softphone_Setup_Probe_Outcome_Warning';
import probeOutcomeFailed from '@salesforce/label/c.Softphone_Setup_Probe_Outcome_Failed';
import probeOutcomeSkipped from '@salesforce/label/c.Softphone_Setup_Probe_Outcome_Skipped';
import probeNotTried from '@salesforce/label/c.Softphone_Setup_Probe_Not_Tried';
import probeWebsocketReachable from '@salesforce/label/c.Softphone_Setup_Probe_Websocket_Reachable';
import probeWebsocketUnreachable from '@salesforce/label/c.Softphone_Setup_Probe_Websocket_Unreachable';
import probeWebsocketInvalidUrl from '@salesforce/label/c.Softphone_Setup_Probe_Websocket_Invalid_Url';
import probeWebsocketBlocked from '@salesforce/label/c.Softphone_Setup_Probe_Websocket_Blocked';
import probeTlsEncrypted from '@salesforce/label/c.Softphone_Setup_Probe_Tls_Encrypted';
import probeTlsUnencrypted from '@salesforce/label/c.Softphone_Setup_Probe_Tls_Unencrypted';
import probeTlsNotEncrypted from '@salesforce/label/c.Softphone_Setup_Probe_Tls_Not_Encrypted';
import probeTlsUnknown from '@salesforce/label/c.Softphone_Setup_Probe_Tls_Unknown';
import probeCredentialsAccepted from '@salesforce/label/c.Softphone_Setup_Probe_Credentials_Accepted';
import probeCredentialsRefused from '@salesforce/label/c.Softphone_Setup_Probe_Credentials_Refused';
import probeCredentialsNotAsked from '@salesforce/label/c.Softphone_Setup_Probe_Credentials_Not_Asked';
import probeRegistrationRegistered from '@salesforce/label/c.Softphone_Setup_Probe_Registration_Registered';
import probeRegistrationRefused from '@salesforce/label/c.Softphone_Setup_Probe_Registration_Refused';
import probeRegistrationNoAnswer from '@salesforce/label/c.Softphone_Setup_Probe_Registration_No_Answer';

export const FIRST_RUN_LABELS = {
  modeLabel,
  modeEnabled,
  modeDisabled,
  webSocketUrl,
  webSocketUrlHelp,
  sipDomain,
  secretLabel,
  firstRunTitle,
  firstRunIntro,
  firstRunSave,
  firstRunSaved,
  probeTest,
  probeTesting,
  probeResults,
  probeTestError,
  probeNeedUrl,
  probeStepWebsocket,
  probeStepTls,
  probeStepCredentials,
  probeStepRegistration,
  probeOutcomeOk,
  probeOutcomeWarning,
  probeOutcomeFailed,
  probeOutcomeSkipped,
  probeNotTried,
  probeWebsocketReachable,
  probeWebsocketUnreachable,
  probeWebsocketInvalidUrl,
  probeWebsocketBlocked,
  probeTlsEncrypted,
  probeTlsUnencrypted,
  probeTlsNotEncrypted,
  probeTlsUnknown,
  probeCredentialsAccepted,
  probeCredentialsRefused,
  probeCredentialsNotAsked,
  probeRegistrationRegistered,
  probeRegistrationRefused,
  probeRegistrationNoAnswer,
};

/** Replaces {0} in a label with the argument, as the platform's label format does. */
export function format(template, ...args) {
  return template.replace(/\{(\d+)\}/g, (placeholder, index) => {
    return index < args.length ? String(args[index]) : placeholder;
  });
}
