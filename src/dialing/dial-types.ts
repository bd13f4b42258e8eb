// The contract between the dialing rules and their callers (the call statechart, the SIP adapter, the UI).

/** Admin-configured dialing rules (call center `reqDialingOptions` section / custom setting). */
export interface DialingSettings {
  /** ISO 3166 country of the agent's site, used to read national numbers (e.g. "US", "GB"). */
  defaultCountry: string;
  /** Prefix to reach an outside line (e.g. "9"); empty for none. */
  outsidePrefix: string;
  /** Prefix before national long-distance numbers (e.g. "1" in NANP); empty for none. */
  longDistancePrefix: string;
  /** Prefix before international numbers (e.g. "011"); empty means dial E.164 with "+". */
  internationalPrefix: string;
  /** Internal extensions: digit counts dialled as-is, without any prefix (e.g. [3, 4]). */
  extensionLengths: number[];
  /** Dial plan enforced for every dial source; prefixes are matched against the E.164 number. */
  dialPlan: { allow: string[]; deny: string[] };
}

export type DialTargetKind = 'pstn' | 'extension' | 'sip';

/** A number that passed every rule and is ready to be put on the wire. */
export interface DialTarget {
  kind: DialTargetKind;
  /** What the agent typed or clicked, trimmed. */
  input: string;
  /** E.164 form for PSTN numbers (used for contact search and logging). */
  e164?: string;
  /** The user part to dial, prefixes applied: only [0-9*#+] for pstn/extension. */
  dialString: string;
  /** For kind 'sip': the validated SIP URI. */
  sipUri?: string;
  /** How the number is shown to the agent (national or international format). */
  display: string;
  /**
   * Digits to send as DTMF once the call connects, from `;ext=` or an "ext 123" / "x123" suffix.
   * Never part of `dialString` or `sipUri`.
   */
  postDial?: string;
  /** True for an emergency number (911, 112, 999...): dialled as-is, never refused by the dial plan. */
  emergency?: boolean;
}

export type DialErrorCode =
  | 'empty'
  | 'too-long'
  | 'invalid-characters'
  | 'invalid-number'
  | 'invalid-sip-uri'
  | 'denied-by-dial-plan'
  /** The admin's DialingSettings are malformed (bad prefix, unknown country, bad dial-plan entry). */
  | 'invalid-settings'
  /** The numbering plans (their own static resource) have not arrived yet: a moment after start. */
  | 'numbering-plans-loading'
  /** Deskphone mode's code (its own static resource, src/deskphone.ts) has not arrived yet. */
  | 'deskphone-loading';

export type DialResult =
  { ok: true; target: DialTarget } | { ok: false; code: DialErrorCode; message: string };

/** The refusing half of DialResult: `message` is written for the agent. */
export type DialRefusal = Extract<DialResult, { ok: false }>;
