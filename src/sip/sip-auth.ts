/**
 * Time-limited credentials as Apex SoftphoneCredentials mints them. `ttlSeconds` (the admin's credential
 * lifetime) and `expiresAt` (Unix seconds) tell the phone when to renew them; without either, the expiry in
 * the user name is used.
 */
export interface EphemeralCredentials {
  username: string;
  password: string;
  ttlSeconds?: number;
  expiresAt?: number;
}

/** The agent's SIP credentials. */
export type SipAuth =
  /** Digest authentication; `username` defaults to the AOR's user. */
  | { kind: 'digest'; username?: string; password: string }
  /**
   * Time-limited HMAC credentials (`<expiry>:<user>` and its signature, as Kamailio's auth_ephemeral and
   * TURN REST expect). `refresh` is asked for new ones at about 80 % of their lifetime (see
   * credential-renewal.ts), before a re-registration after a lost connection or registration, and once
   * after the server refuses a request with 401/403/407 (the request is then sent once more).
   */
  | ({
      kind: 'ephemeral';
      refresh?: () => Promise<EphemeralCredentials>;
    } & EphemeralCredentials);
