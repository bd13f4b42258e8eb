// ICE candidates gathered before a call needs them. With STUN/TURN servers configured, a peer connection
// gathers its candidates only once the call's offer or answer is made, and a TURN allocation takes two round
// trips to the server: every call would wait for them (bench B9). The phone keeps one spare peer connection,
// with no track (the microphone stays closed between calls), whose candidate pool the browser gathers while
// the phone is idle (RTCConfiguration.iceCandidatePoolSize). The next call's media handler takes it, and a
// new spare starts gathering for the call after.

/** How many candidate sets the spare gathers ahead: one per call, whose audio and RTCP share one transport. */
const POOL_SIZE = 1;

export class IcePrefetch {
  private spare: RTCPeerConnection | undefined;
  private closed = false;

  /**
   * `configuration`: the calls' peer connection configuration now (credentials are read at each use).
   * `onError`: a configuration the browser refuses (the call that needs it then fails with the reason).
   */
  constructor(
    private readonly configuration: () => RTCConfiguration,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Starts gathering for the next call, unless a spare is already gathering or gathered. */
  prepare(): void {
    if (this.closed || this.spare) return;
    try {
      this.spare = new RTCPeerConnection({ ...this.configuration(), iceCandidatePoolSize: POOL_SIZE });
    } catch (error) {
      this.onError(error);
    }
  }

  /** The spare, its candidates gathered or under way (undefined when there is none); the next one starts. */
  take(): RTCPeerConnection | undefined {
    const taken = this.spare;
    this.spare = undefined;
    this.prepare();
    return taken;
  }

  /**
   * Gathers again: the credentials were renewed (the spare's TURN allocation is refreshed with the ones it
   * was made with) or the network changed (its candidates may be gone).
   */
  renew(): void {
    if (this.closed) return;
    this.spare?.close();
    this.spare = undefined;
    this.prepare();
  }

  close(): void {
    this.closed = true;
    this.spare?.close();
    this.spare = undefined;
  }
}

/** The URLs of an ICE server entry, one or many. */
function urlsOf(server: RTCIceServer): string[] {
  return typeof server.urls === 'string' ? [server.urls] : [...server.urls];
}

/**
 * The ICE servers with the agent's credentials on the TURN servers that give none: the admin's setting holds
 * no TURN password (it is readable by every user), and a TURN server sharing the SIP server's secret (TURN
 * REST API, as Apex's time-limited credentials are minted) takes the agent's current SIP credentials.
 * `credentials`: the current time-limited ones, undefined for digest credentials (a lasting password is
 * never handed to another server).
 */
export function withTurnCredentials(
  servers: readonly RTCIceServer[],
  credentials: { username: string; password: string } | undefined,
): RTCIceServer[] {
  return servers.map((server) => {
    const isTurn = urlsOf(server).some((url) => /^turns?:/i.test(url));
    if (!isTurn || server.username !== undefined || !credentials) return { ...server };
    return { ...server, username: credentials.username, credential: credentials.password };
  });
}
