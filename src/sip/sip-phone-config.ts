import type { SessionDescriptionHandlerFactory } from 'sip.js';
import type { ReinviteRetryCause } from './leg/reinvite';
import type { MuteHook } from './mute-hook';
import type { HoldHook } from './hold-hook';
import type { SipAuth } from './sip-auth';
import type { SipLogger } from './sip-logger';

/** Everything a SipPhone needs; only `server`, `aor` and `auth` are required. */
export interface SipPhoneConfig {
  /** The SIP server's WebSocket URL: `wss://…` (plain `ws://` only on loopback). */
  server: string;
  /**
   * Other nodes of the same SIP service (sharing registrations), tried in order when a connection
   * attempt fails: start() and each reconnect() try every server once. When to reconnect is the
   * caller's decision (the phone machine's backoff); SipPhone never reconnects by itself.
   */
  fallbackServers?: string[];
  /** The agent's address of record, e.g. `sip:alice@pbx.example.com`. */
  aor: string;
  /** Shown to the people the agent calls (quotes, backslashes and control characters are removed). */
  displayName?: string;
  auth: SipAuth;
  /** STUN/TURN servers; default none (SIP.js would use Google's STUN server). */
  iceServers?: RTCIceServer[];
  /** Cap on ICE candidate gathering per offer/answer, 0–5000 ms; default 500. */
  iceGatheringTimeoutMs?: number;
  /**
   * Builds each call's media handler. Default: SIP.js's WebRTC handler (browser). Node tests inject a
   * media-less one.
   */
  sessionDescriptionHandlerFactory?: SessionDescriptionHandlerFactory;
  /** `rfc4733` (default): RTP telephone-events, SIP INFO when the media handler cannot; `info`: always INFO. */
  dtmf?: 'rfc4733' | 'info';
  /**
   * Opens the agent's microphone for each call (the chosen input device). Default: SIP.js's getUserMedia
   * with `{audio: true}`. The default microphone check opens and releases it too.
   */
  openMicrophone?: () => Promise<MediaStream>;
  /** Opens and releases the microphone before an answer; rejects when it cannot. Default: getUserMedia. */
  microphoneCheck?: () => Promise<void>;
  /** Applies mute to the media. Default: disables the peer connection's outgoing tracks. */
  muteHook?: MuteHook;
  /** Puts hold music on a held call and the microphone back on resume. Default: none (the held party hears silence). */
  holdHook?: HoldHook;
  logger?: SipLogger;
  /** Receives every SIP message sent or received on the WebSocket (diagnostics and tests). */
  wireTap?: (direction: 'sent' | 'received', message: string) => void;
  /** REGISTER expiry asked for, seconds (default 600). */
  registerExpiresSec?: number;
  /** WebSocket connection timeout (default 5000 ms). */
  connectionTimeoutMs?: number;
  /** An OPTIONS ping to the registrar; no answer within `timeoutMs` counts as a lost connection. */
  keepAlive?: { intervalMs: number; timeoutMs: number } | false;
  /** Attempts per hold/resume/refresh, the first one included (default 4). */
  reinviteMaxAttempts?: number;
  /**
   * After a reconnect, how long the end that answered a call waits for the other end's refresh before
   * sending its own (default 1500 ms): both refreshing at once is a glare that silences the call.
   */
  refreshYieldMs?: number;
  /** Delay before retrying a re-INVITE after glare (default: RFC 3261 §14.1, see reinviteRetryDelay). */
  reinviteRetryDelay?: (cause: ReinviteRetryCause) => number;
  /** How long an unsupervised transfer may wait for the final NOTIFY (default 30 s). */
  transferTimeoutMs?: number;
  /** 3xx redirects followed per outgoing call (default 3). */
  maxRedirects?: number;
  /**
   * Asks the dialing rules whether a destination the network chose (a 3xx Contact, as sip:user@host)
   * may be called: null when it may, else the reason to show the agent (src/dialing's checkDestination).
   * Default: every destination may.
   */
  checkDestination?: (uri: string) => string | null;
  /** An unanswered incoming call is refused with 480 after this long (default 120 s). */
  noAnswerTimeoutSec?: number;
  /** Source of randomness in [0, 1) (jitter, glare delays); injectable for tests. */
  random?: () => number;
  userAgentString?: string;
  /**
   * This browser's `+sip.instance` (RFC 5626), a UUID. Keep it across page loads of the same browser
   * (the host stores it): a new registration then replaces the old page's contact at the registrar
   * instead of adding one. Default: a new one per SipPhone.
   */
  instanceId?: string;
}
