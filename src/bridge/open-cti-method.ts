/** The Open CTI methods the bridge calls. */
export type OpenCtiMethod =
  'enableClickToDial' | 'disableClickToDial' | 'getCallCenterSettings' | 'notifyInitializationComplete';
