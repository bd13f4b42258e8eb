/** The agent's SIP credentials. */
export type SipAuth =
  /** Digest authentication; `username` defaults to the AOR's user. */
  | { kind: 'digest'; username?: string; password: string }
  /**
   * Time-limited HMAC credentials (`<expiry>:<user>` and its signature, as Kamailio's auth_ephemeral and
   * TURN REST expect). `refresh` is asked for new ones before every re-registration after a reconnect and
   * once after the server refuses them.
   */
  | {
      kind: 'ephemeral';
      username: string;
      password: string;
      refresh?: () => Promise<{ username: string; password: string }>;
    };
