/** The Open CTI methods the bridge calls. */
export type OpenCtiMethod =
  | 'enableClickToDial'
  | 'disableClickToDial'
  | 'screenPop'
  | 'searchAndScreenPop'
  | 'saveLog'
  | 'getCallCenterSettings'
  | 'setSoftphonePanelVisibility'
  | 'notifyInitializationComplete'
  | 'subscribe'
  | 'publish';
