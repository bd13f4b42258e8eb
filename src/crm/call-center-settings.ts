// The phone settings an admin keeps on the call center definition, as the bridge read them.

export interface CallCenterSettings {
  /** reqInternalName of the agent's call center. */
  callCenterName?: string;
  /** softphone: audio in the browser; deskphone: the agent's own device carries the audio. */
  mode: 'softphone' | 'deskphone';
  sip: {
    /** wss:// URL of the SIP server. */
    webSocketUrl?: string;
    /** SIP domain of the agents' addresses. */
    domain?: string;
  };
  /** Prefixes as digits, * and # only ("" for none). */
  dialing: {
    outsidePrefix: string;
    longDistancePrefix: string;
    internationalPrefix: string;
  };
}
