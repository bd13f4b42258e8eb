/** The host's conference mix, which the call actors join calls to and take them out of (media only). */
export interface ConferenceHook {
  join(callId: string): Promise<void>;
  leave(callId: string): Promise<void>;
}
