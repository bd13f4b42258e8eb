// Every message type on the Softphone__c channel, grouped by who sends it.

/** Sent by the Open CTI bridge on its own initiative (never a reply). */
export const EVENT_TYPES = ['clickToDial', 'bridgeStatus', 'recordShown'] as const;

/** Sent by the utility; the bridge answers each with one `response` carrying the same requestId. */
export const REQUEST_TYPES = [
  'screenPop',
  'screenPopDeferred',
  'searchAndScreenPop',
  'saveLog',
  'setPanelVisibility',
  'getCallCenterSettings',
  'getBridgeStatus',
] as const;

export const MESSAGE_TYPES = [...EVENT_TYPES, ...REQUEST_TYPES, 'response'] as const;

export type MessageType = (typeof MESSAGE_TYPES)[number];
