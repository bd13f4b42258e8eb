// Call center items the bridge reads (getCallCenterSettings keys are "/<section>/<item>").
// reqGeneralInfo and reqDialingOptions are Salesforce's documented sections; softphoneSettings is ours.

export const CALL_CENTER_KEYS = Object.freeze({
  internalName: '/reqGeneralInfo/reqInternalName',
  /** "softphone" (audio in the browser) or "deskphone" (the agent's own device). */
  mode: '/softphoneSettings/mode',
  /** wss:// URL of the SIP server. */
  sipWebSocketUrl: '/softphoneSettings/sipWebSocketUrl',
  /** SIP domain of the agents' addresses. */
  sipDomain: '/softphoneSettings/sipDomain',
  outsidePrefix: '/reqDialingOptions/reqOutsidePrefix',
  longDistancePrefix: '/reqDialingOptions/reqLongDistPrefix',
  internationalPrefix: '/reqDialingOptions/reqInternationalPrefix',
});
