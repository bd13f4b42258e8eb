/** Who is calling, as far as SIP tells: read from P-Asserted-Identity when present, else From. */
export interface CallerIdentity {
  /** The caller's SIP URI (at most 256 characters), e.g. `sip:+14155550100@carrier.example`. */
  uri: string;
  /** The URI's user part, often the phone number (at most 64 characters; '' when there is none). */
  user: string;
  /** A display name safe to show as text ('' when there is none); see sanitiseDisplayName. */
  displayName: string;
  /** Which header the identity was read from. */
  source: 'p-asserted-identity' | 'from';
}
