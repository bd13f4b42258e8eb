// Settings that shape the phone and every call: they come from the call center / custom setting.

/** softphone: audio in the browser. deskphone: the agent's own device carries audio (softphone disabled). */
export type PhoneMode = 'softphone' | 'deskphone';

/** What happens to an incoming call the agent is not free to take. */
export type IncomingCallPolicy = 'decline' | 'ring';

export interface ReconnectPolicy {
  /** Delay before the first reconnection attempt. */
  initialDelayMs: number;
  /** Ceiling of the exponential backoff. */
  maxDelayMs: number;
  /** Share of each delay that is randomised (0..1) so that many agents do not reconnect in step. */
  jitterRatio: number;
  /** Attempts before registration fails as server-unreachable; 0 retries forever. */
  maxAttempts: number;
}

export interface CallSettings {
  /** Work timer of wrap-up, in seconds; 0 means no timer (wrap-up lasts until the agent closes it). */
  wrapUpSeconds: number;
  /** Maximum hold time in seconds before the call rings back to the agent; 0 means no limit. */
  maxHoldSeconds: number;
  /** Deskphone mode: how long the agent's device waits for a key press before giving up. */
  deskphoneKeyTimeoutSeconds: number;
  /**
   * Deskphone mode: how long the agent's device may take to reach the customer after the key, their
   * ringing included: an INVITE's Timer C (RFC 3261 §16.6), not the 30 s an agent's unsupervised transfer
   * waits, since a customer may answer after 40 s and the panel must still follow the call then.
   */
  deskphoneCustomerAnswerSeconds: number;
  /** Open the new-contact form at once when nobody matches the caller's number. */
  popNewContactForUnknown: boolean;
  /** Delay before a failed call-log save is retried; doubled after each further failure (max 60 s). */
  saveRetryDelayMs: number;
  /** Wrap-up seconds after calls of a direction, over wrapUpSeconds (the rule: work-timer.ts). */
  wrapUpByDirection: WrapUpByDirection;
  /** Wrap-up seconds after calls with a matched record type, over the direction's (work-timer.ts). */
  wrapUpByRecord: WrapUpByRecord;
  /** The agent writes call notes and the call log carries them (the admin's "Call Notes" option). */
  callNotes: boolean;
  /** Notes also on calls that come with another agent's customer (transfers, conferences): call-notes.ts. */
  callNotesOnTransfers: boolean;
}

/** Which record a call matched, as the work timer tells them apart; `unknown`: nobody (or a user). */
export type WrapUpRecordType = 'contact' | 'lead' | 'account' | 'unknown';

export type WrapUpByDirection = Partial<Record<'incoming' | 'outgoing', number>>;
export type WrapUpByRecord = Partial<Record<WrapUpRecordType, number>>;

export interface PhoneSettings {
  mode: PhoneMode;
  /** Concurrent calls the agent can have; incoming calls beyond it are declined busy. */
  maxLines: number;
  whenAway: IncomingCallPolicy;
  whenInWrapUp: IncomingCallPolicy;
  reconnect: ReconnectPolicy;
  /** How long the phone waits for a call to reach hold before it gives up switching lines. */
  switchTimeoutMs: number;
  call: CallSettings;
  /**
   * Clicks on phone numbers in Salesforce dial (the admin's click-to-dial switch). The org's setting is off
   * until an admin turns it on; a host that passes no settings keeps the phone's historical behaviour.
   */
  clickToDial: boolean;
}

export const defaultCallSettings: CallSettings = {
  wrapUpSeconds: 60,
  maxHoldSeconds: 300,
  deskphoneKeyTimeoutSeconds: 20,
  deskphoneCustomerAnswerSeconds: 180,
  popNewContactForUnknown: false,
  saveRetryDelayMs: 5_000,
  wrapUpByDirection: {},
  wrapUpByRecord: {},
  callNotes: true,
  callNotesOnTransfers: true,
};

export const defaultPhoneSettings: PhoneSettings = {
  mode: 'softphone',
  maxLines: 2,
  whenAway: 'decline',
  whenInWrapUp: 'ring',
  reconnect: { initialDelayMs: 1_000, maxDelayMs: 60_000, jitterRatio: 0.3, maxAttempts: 0 },
  switchTimeoutMs: 10_000,
  call: defaultCallSettings,
  clickToDial: true,
};

/** A conference holds at most this many parties, the agent included (OfficeConnect document). */
export const MAX_CONFERENCE_PARTIES = 5;
