// The telephony port: one SIP.js user agent (registration, reconnection, keep-alive) and its calls.
// Commands return promises that settle on the SIP outcome; everything that happens is also emitted as a
// `sip.*` event carrying the call's SIP Call-ID. It keeps no call state of its own beyond SIP.js's sessions:
// every decision (answer, retry, resume after a failed transfer…) belongs to the caller (the statechart).
import {
  Invitation,
  NameAddrHeader,
  RegistererState,
  RequestPendingError,
  SessionState,
  SIPExtension,
  UserAgent,
  UserAgentState,
  type LogLevel,
  type Message,
  type Session,
} from 'sip.js';
import type { DialTarget } from '../dialing';
import type { CallContext } from './call-context';
import type { CallMedia } from './call-media';
import { CallLeg, type LegEnvironment } from './leg/call-leg';
import { AGENT_HEADER, CONTEXT_HEADER, contextFromAgent, formatContextHeader } from './context-header';
import { CredentialRenewal } from './credential-renewal';
import {
  refusesCredentials,
  AuthenticationFailedError,
  CallNotFoundError,
  errorForStatus,
  ForbiddenError,
  InvalidArgumentError,
  NetworkError,
  NotStartedError,
  ServerError,
  type SipError,
  responseError,
} from './errors';
import { parseDialogSnapshot, snapshotDialog, type DialogSnapshot } from './dialog-snapshot';
import { DialogWatch } from './dialog-watch';
import { isReadableOffer } from './is-readable-offer';
import { EventHub } from './event-hub';
import { identifyCaller } from './identify-caller';
import { KeepAlive } from './keep-alive';
import { reconnectDelay } from './reconnect-delay';
import { RefreshingRegisterer } from './refreshing-registerer';
import { rollbackSessionDescriptionHandlerFactory } from './rollback-session-description-handler';
import type { SipEvent } from './sip-event';
import type { SipEventOf } from './sip-event-of';
import type { SipPhoneConfig } from './sip-phone-config';
import { resolveSettings, type SipPhoneSettings } from './sip-phone-settings';
import { ServerList } from './server-list';
import { parseSipUri, targetUri } from './target-uri';

const INSTANCE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CALL_ID = /^[A-Za-z0-9][A-Za-z0-9.!%*_+`'~-]{7,99}$/;
const MAX_MESSAGE = 1000;
/** A REGISTER transaction lasts at most 32 s (Timer F): wait that long for one in flight. */
const PENDING_RETRY_MS = 250;
const PENDING_RETRIES = 130;
/** How long stop() lets calls end and the registration go before it drops the connection. */
const STOP_GRACE_MS = 2000;

/** Options of an outgoing call. */
export interface DialOptions {
  /** Use this SIP Call-ID (8–100 token characters, unique); by default a random one is generated. */
  callId?: string;
  /** The customer this call is about (consult calls): sent as X-Softphone-Context. */
  context?: CallContext;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

function cleanDisplayName(name: string | undefined): string | undefined {
  const clean = name
    ?.replace(/[\p{Cc}\p{Cf}"\\]/gu, '')
    .trim()
    .slice(0, 64);
  return clean ? clean : undefined;
}

export class SipPhone {
  /** The agent's address of record. */
  readonly aor: string;
  private readonly settings: SipPhoneSettings;
  private readonly ua: UserAgent;
  private readonly registerer: RefreshingRegisterer;
  /** Ephemeral credentials and their renewal timer (none for digest credentials, which do not expire). */
  private readonly credentials: CredentialRenewal | undefined;
  /** REGISTERs of ours in flight: their outcome is reported by register(), not by the Registerer's state. */
  private registering = 0;
  private readonly hub: EventHub<SipEvent>;
  private readonly calls = new Map<string, CallLeg>();
  private readonly legEnvironment: LegEnvironment;
  private readonly keepAlive: KeepAlive | undefined;
  /** The server's dialog event package, where offered: ends calls answered on another device. */
  private readonly dialogWatch: DialogWatch;
  /** Aborted by stop(): ends the reconnect loop and silences transport callbacks. */
  private readonly lifecycle = new AbortController();
  /** Set by suspend(): the calls were left for another page, their legs report nothing more. */
  private suspended = false;
  /** The running reconnect loop, so a second loss while it runs does not start another. */
  private reconnecting: Promise<void> | undefined;
  private readonly servers: ServerList;

  constructor(private readonly config: SipPhoneConfig) {
    this.settings = resolveSettings(config);
    this.hub = new EventHub(this.settings.logger);
    const uri = parseSipUri(config.aor);
    if (!uri.user)
      throw new InvalidArgumentError('The SIP address of record needs a user, like sip:alice@example.com.');
    this.servers = new ServerList(config.server, config.fallbackServers);
    this.aor = uri.toString();
    if (config.instanceId !== undefined && !INSTANCE_ID.test(config.instanceId)) {
      throw new InvalidArgumentError('The SIP instance id must be a UUID.');
    }
    const { logger, iceGatheringTimeoutMs } = this.settings;
    const wireTap = config.wireTap;
    this.ua = new UserAgent({
      uri,
      displayName: cleanDisplayName(config.displayName),
      authorizationUsername:
        config.auth.kind === 'ephemeral' ? config.auth.username : (config.auth.username ?? uri.user),
      authorizationPassword: config.auth.password,
      transportOptions: {
        server: config.server,
        connectionTimeout: this.settings.connectionTimeoutMs / 1000,
        traceSip: wireTap !== undefined,
      },
      sessionDescriptionHandlerFactory:
        config.sessionDescriptionHandlerFactory ??
        rollbackSessionDescriptionHandlerFactory(config.openMicrophone && (() => this.openMicrophone())),
      sessionDescriptionHandlerFactoryOptions: {
        iceGatheringTimeout: iceGatheringTimeoutMs,
        peerConnectionConfiguration: { iceServers: config.iceServers ?? [] },
      },
      // Attended transfers arrive as INVITE with Replaces; GRUU keeps in-dialog requests routable across
      // reconnections (the registrar resolves it to the current connection).
      sipExtensionReplaces: SIPExtension.Supported,
      sipExtensionExtraSupported: ['gruu'],
      instanceIdAlwaysAdded: true,
      ...(config.instanceId ? { instanceId: config.instanceId.toLowerCase() } : {}),
      gracefulShutdown: false,
      noAnswerTimeout: this.settings.noAnswerTimeoutSec,
      userAgentString: config.userAgentString ?? 'open-softphone',
      logBuiltinEnabled: false,
      logLevel: wireTap ? 'log' : 'warn',
      logConnector: (level: LogLevel, category: string, _label: string | undefined, content: string) => {
        const wire = /^(Sending|Received) WebSocket (?:text |binary )?message:\n\n([\s\S]*)\n$/.exec(content);
        if (wire?.[2] !== undefined) return wireTap?.(wire[1] === 'Sending' ? 'sent' : 'received', wire[2]);
        const line = `${category}: ${content}`;
        if (level === 'error') logger.error(line);
        else if (level === 'warn') logger.warn(line);
        else logger.debug(line);
      },
      delegate: {
        onConnect: () => this.hub.emit({ type: 'sip.transport.connected' }),
        onDisconnect: (error) => this.onTransportLost(error),
        onInvite: (invitation) => this.onInvite(invitation),
        onMessage: (message) => this.onMessage(message),
      },
    });
    const { auth } = config;
    this.credentials =
      auth.kind === 'ephemeral'
        ? new CredentialRenewal({
            initial: auth,
            ...(auth.refresh ? { fetch: auth.refresh } : {}),
            apply: (fresh) => {
              this.ua.configuration.authorizationUsername = fresh.username;
              this.ua.configuration.authorizationPassword = fresh.password;
            },
            random: this.settings.random,
            logger,
          })
        : undefined;
    // SIP.js refreshes the registration on its own timer: the refresh takes the same path as register().
    this.registerer = new RefreshingRegisterer(this.ua, { expires: this.settings.registerExpiresSec }, () =>
      this.refreshRegistration(),
    );
    this.registerer.stateChange.addListener((state) => {
      // A REGISTER of ours reports its own outcome (after its one retry with fresh credentials); what is
      // left is the registration ending by itself (it expired unrefreshed) or on purpose (unregister).
      if (
        state === RegistererState.Unregistered &&
        this.registering === 0 &&
        !this.lifecycle.signal.aborted
      ) {
        this.hub.emit({ type: 'sip.registration.unregistered', aor: this.aor });
      }
    });
    this.legEnvironment = {
      ua: this.ua,
      settings: this.settings,
      emit: (event) => this.hub.emit(event),
      // A suspended phone's calls belong to the page that takes them back: nothing more is reported.
      reporting: () => !this.suspended,
      renewCredentials: () => this.refreshCredentials(),
      release: (leg) => {
        if (this.calls.get(leg.callId) === leg) this.calls.delete(leg.callId);
      },
    };
    this.dialogWatch = new DialogWatch(this.ua, uri, (event) => this.hub.emit(event), logger);
    const { keepAlive } = this.settings;
    if (keepAlive) {
      const registrar = parseSipUri(`sip:${uri.host}`);
      this.keepAlive = new KeepAlive(this.ua, registrar, keepAlive.intervalMs, keepAlive.timeoutMs, () => {
        this.settings.logger.warn('keep-alive: no answer from the SIP server, reconnecting');
        void this.ua.transport.disconnect().catch(() => undefined);
      });
    }
  }

  // -----------------------------------------------------------------------------------------------------
  // Events

  /** Every event, in order; returns the unsubscribe function (an XState `fromCallback` cleanup). */
  subscribe(listener: (event: SipEvent) => void): () => void {
    return this.hub.subscribe(listener);
  }

  /** Events of one type. */
  on<T extends SipEvent['type']>(type: T, listener: (event: SipEventOf<T>) => void): () => void {
    return this.hub.subscribe((event) => {
      if (event.type === type) listener(event as SipEventOf<T>);
    });
  }

  /**
   * A call's media: its RTCPeerConnection (getStats, senders for a conference mix) and the far end's
   * stream (play it). Undefined for an unknown call; no peer connection until its offer/answer began.
   */
  media(callId: string): CallMedia | undefined {
    return this.calls.get(callId)?.media();
  }

  /**
   * Sends the audio of `stream` on a connected call instead of its current microphone, without
   * renegotiating (the agent chose another input); mute and hold still apply. The old input is released.
   */
  async replaceMicrophone(callId: string, stream: MediaStream): Promise<void> {
    await this.leg(callId).replaceMicrophone(stream);
  }

  private openMicrophone(): Promise<MediaStream> {
    return this.config.openMicrophone?.() ?? Promise.reject(new Error('No microphone source.'));
  }

  /** The Call-IDs of the calls in progress (ringing, dialling or connected). */
  callIds(): string[] {
    return [...this.calls.keys()];
  }

  // -----------------------------------------------------------------------------------------------------
  // Connection and registration

  /** Connects and registers; settles when registered, rejects with the reason otherwise. */
  async start(): Promise<void> {
    if (this.lifecycle.signal.aborted) throw new NotStartedError('This phone was stopped; create a new one.');
    // Each server once, in order.
    for (let tried = 1; !this.ua.isConnected(); tried++) {
      try {
        // A failed start() leaves SIP.js "Started" without a connection: connect again with reconnect().
        await (this.ua.state === UserAgentState.Started ? this.ua.reconnect() : this.ua.start());
      } catch {
        if (tried < this.servers.size) {
          this.servers.advance(this.ua.transport);
          continue;
        }
        const error = new NetworkError(
          'The phone system cannot be reached. Check your network and the SIP server address in the settings.',
        );
        this.hub.emit({ type: 'sip.registration.failed', error });
        throw error;
      }
    }
    this.keepAlive?.start();
    this.credentials?.start();
    await this.register();
  }

  /** Unregisters, ends every call and disconnects. The phone cannot be started again. */
  async stop(): Promise<void> {
    if (this.lifecycle.signal.aborted) return;
    this.lifecycle.abort();
    this.keepAlive?.stop();
    this.credentials?.stop();
    // Politely (each step bounded: a far end or registrar that no longer answers must not hold us up for
    // SIP's 32 s timers), then SIP.js's non-graceful stop, which drops every transaction and timer.
    const grace = (work: Promise<unknown>) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, STOP_GRACE_MS);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        work.then(done, done);
      });
    await grace(Promise.all([...this.calls.values()].map((leg) => leg.end())));
    await grace(this.dialogWatch.stop());
    if (this.ua.isConnected() && this.registerer.state === RegistererState.Registered) {
      await grace(this.unregister());
    }
    // Clears SIP.js's re-REGISTER timer, which its non-graceful stop would leave running.
    await grace(this.registerer.dispose());
    await this.ua.stop().catch(() => undefined);
  }

  /**
   * The page is going away (pagehide) and its calls were saved for another page of the agent to take back
   * (recover()): the registration is removed and the connection dropped, but no call is hung up — a BYE
   * would end the very call the next page is about to take back with Replaces. Their media stops here.
   * Synchronous, because a page being hidden runs no more promise continuations: the un-REGISTER is
   * written to the WebSocket before it closes. The phone cannot be started again.
   */
  suspend(): void {
    if (this.lifecycle.signal.aborted) return;
    this.suspended = true;
    this.lifecycle.abort();
    this.keepAlive?.stop();
    this.credentials?.stop();
    // The next page subscribes again; this one's subscription ends with its connection.
    this.dialogWatch.reset();
    for (const leg of this.calls.values()) leg.abandon();
    this.calls.clear();
    // SIP.js's dispose un-REGISTERs (written to the socket at once) when registered. It clears the
    // registration's expiry timer only once the un-REGISTER is answered, which this connection will not
    // live to hear: left running, the timer would keep a Node process alive for the registration's life.
    void this.registerer.dispose().catch(() => undefined);
    (this.registerer as unknown as { clearTimers(): void }).clearTimers();
    // gracefulShutdown is off: SIP.js drops its transport and dialogs without a BYE.
    void this.ua.stop().catch(() => undefined);
  }

  /** This user agent's `+sip.instance` (see SipPhoneConfig.instanceId). */
  get instanceId(): string {
    return this.ua.instanceId;
  }

  /**
   * Sends a REGISTER; settles on the registrar's answer (`sip.registration.registered` / `.failed`). A refusal
   * of the credentials (401/403/407) renews them and sends once more before giving up. `renewCredentials`:
   * renew them first (registering again after the registration was lost, when they may be the cause).
   */
  async register(options: { renewCredentials?: boolean } = {}): Promise<void> {
    if (!this.ua.isConnected()) {
      const error = new NotStartedError();
      this.hub.emit({ type: 'sip.registration.failed', error });
      throw error;
    }
    this.registering += 1;
    try {
      if (options.renewCredentials) await this.refreshCredentials();
      const outcome = await this.sendRegister();
      if (!outcome) return;
      if (refusesCredentials(outcome.statusCode) && (await this.refreshCredentials())) {
        const retry = await this.sendRegister();
        if (!retry) return;
        return this.registrationFailed(retry);
      }
      return this.registrationFailed(outcome);
    } finally {
      this.registering -= 1;
    }
  }

  /** SIP.js's refresh is due: the outcome reaches the statechart as events, a failure as a lost registration. */
  private refreshRegistration(): void {
    if (this.lifecycle.signal.aborted) return;
    this.register().catch(() => undefined);
  }

  private registrationFailed(error: SipError): never {
    this.hub.emit({ type: 'sip.registration.failed', error });
    throw error;
  }

  /**
   * One REGISTER transaction: undefined when registered, else the error. A REGISTER already in flight
   * (SIP.js's own refresh) must finish first: SIP.js refuses a second one with RequestPendingError.
   */
  private sendRegister(): Promise<SipError | undefined> {
    return new Promise((resolve) => {
      let settled = false;
      let sent = false;
      const settle = (outcome: SipError | undefined) => {
        if (settled) return;
        settled = true;
        stopWatching();
        resolve(outcome);
      };
      // SIP.js drops some answers without telling the request's delegate (a 200 that no longer lists this
      // phone's contact): the registration is then gone, and that must not go unnoticed.
      const stopWatching = this.registerer.onRequestDone(() => {
        if (sent)
          settle(
            new ServerError(
              'The phone server no longer lists this phone as registered, so calls would not reach it.',
            ),
          );
      });
      const send = (attempt: number) =>
        this.registerer
          .register({
            requestDelegate: {
              onAccept: (response) => {
                this.hub.emit({
                  type: 'sip.registration.registered',
                  aor: this.aor,
                  expiresSec: this.grantedExpiry(response.message),
                });
                this.dialogWatch.ensure();
                settle(undefined);
              },
              onReject: (response) => settle(this.registrationError(response.message)),
              onRedirect: (response) => settle(errorForStatus(response.message.statusCode ?? 302)),
            },
          })
          .then(() => {
            sent = true;
          })
          .catch((error: unknown) => {
            if (error instanceof RequestPendingError && attempt < PENDING_RETRIES) {
              setTimeout(() => send(attempt + 1), PENDING_RETRY_MS);
            } else settle(new NetworkError());
          });
      send(1);
    });
  }

  private registrationError(message: Parameters<typeof responseError>[0]): SipError {
    const status = message.statusCode;
    if (status === 401 || status === 407) return new AuthenticationFailedError(undefined, status);
    if (status === 403) {
      return new ForbiddenError(
        'The phone system does not let this user sign in. Check the SIP credentials or ask your administrator.',
        status,
      );
    }
    return responseError(message);
  }

  private grantedExpiry(message: Parameters<typeof responseError>[0]): number {
    const count = message.getHeaders('contact').length;
    for (let i = 0; i < count; i++) {
      const contact: unknown = message.parseHeader('contact', i);
      if (contact instanceof NameAddrHeader && contact.uri.user === this.ua.contact.uri.user) {
        const expires = Number(contact.getParam('expires'));
        if (Number.isFinite(expires)) return expires;
      }
    }
    return Number(message.getHeader('expires') ?? this.settings.registerExpiresSec);
  }

  /** New ephemeral credentials now (shared with a renewal already running); false when none could be had. */
  private refreshCredentials(): Promise<boolean> {
    return this.credentials?.renew() ?? Promise.resolve(false);
  }

  /** Removes the registration; settles on the registrar's answer. */
  async unregister(): Promise<void> {
    if (!this.ua.isConnected()) throw new NotStartedError();
    await new Promise<void>((resolve, reject) => {
      const send = (attempt: number) =>
        this.registerer
          .unregister({
            all: false,
            requestDelegate: {
              onAccept: () => resolve(),
              onReject: (response) => reject(responseError(response.message)),
            },
          })
          .catch((error: unknown) => {
            if (error instanceof RequestPendingError && attempt < PENDING_RETRIES) {
              setTimeout(() => send(attempt + 1), PENDING_RETRY_MS);
            } else reject(new NetworkError());
          });
      send(1);
    });
  }

  private onTransportLost(cause?: Error): void {
    if (this.lifecycle.signal.aborted || this.reconnecting) return;
    this.keepAlive?.stop();
    this.settings.logger.warn(`transport lost${cause ? `: ${cause.message}` : ''}`);
    this.hub.emit({ type: 'sip.transport.disconnected', error: new NetworkError() });
    this.dialogWatch.reset();
    // A call still ringing here cannot be answered once its WebSocket is gone (the INVITE's responses
    // travel over that connection): refuse it now rather than ring on for nothing.
    for (const leg of this.calls.values()) {
      if (leg.sipSession instanceof Invitation && leg.sipSession.state === SessionState.Initial) {
        void leg.end().catch(() => undefined);
      }
    }
    this.reconnecting = this.reconnect().finally(() => {
      this.reconnecting = undefined;
    });
  }

  /** Backoff with jitter until connected, then re-register and refresh every connected call. */
  private async reconnect(): Promise<void> {
    const { reconnect: policy, random } = this.settings;
    const signal = this.lifecycle.signal;
    for (let attempt = 1; !signal.aborted; attempt++) {
      if (attempt > policy.maxAttempts) {
        this.hub.emit({
          type: 'sip.transport.failed',
          error: new NetworkError(
            'The phone system stayed unreachable. Check your network, then sign in again.',
          ),
        });
        return;
      }
      const delayMs = reconnectDelay(attempt, policy, random);
      this.hub.emit({ type: 'sip.transport.reconnecting', attempt, delayMs });
      await sleep(delayMs, signal);
      if (signal.aborted) return;
      try {
        await this.ua.reconnect();
      } catch {
        this.servers.advance(this.ua.transport);
        continue;
      }
      break;
    }
    if (signal.aborted) return;
    this.keepAlive?.start();
    // A new connection is a new route: re-register, then tell every far end (in parallel, after this loop
    // has ended so that a loss during them starts a new one).
    queueMicrotask(() => void this.afterReconnect());
  }

  private async afterReconnect(): Promise<void> {
    if (this.config.auth.kind === 'ephemeral') await this.refreshCredentials();
    try {
      await this.register();
    } catch {
      return; // reported as sip.registration.failed
    }
    await Promise.all(
      [...this.calls.values()].map((leg) =>
        leg.sipSession.state === SessionState.Established ? leg.refresh() : undefined,
      ),
    ).catch(() => undefined);
  }

  // -----------------------------------------------------------------------------------------------------
  // Calls

  /** Not connected: never started (sign in first) or reconnecting (a network problem). */
  private requireConnection(): void {
    if (this.ua.isConnected()) return;
    throw this.ua.state === UserAgentState.Started && !this.lifecycle.signal.aborted
      ? new NetworkError(
          'The connection to the phone system is down; the softphone is reconnecting. Try again in a moment.',
        )
      : new NotStartedError();
  }

  private leg(callId: string): CallLeg {
    const leg = this.calls.get(callId);
    if (!leg) throw new CallNotFoundError();
    return leg;
  }

  private domain(): string {
    return this.ua.configuration.uri.host;
  }

  /**
   * Calls `target` (a SIP URI, or a DialTarget from src/dialing). Emits `sip.call.dialing` with the Call-ID
   * at once, then progress/redirect events; settles when answered (with the Call-ID) or rejects with the
   * typed reason (busy, no answer, not found, declined, cancelled, network…).
   */
  async dial(target: string | DialTarget, options: DialOptions = {}): Promise<{ callId: string }> {
    this.requireConnection();
    const uri = targetUri(target, this.domain());
    if (options.callId !== undefined && (!CALL_ID.test(options.callId) || this.calls.has(options.callId))) {
      throw new InvalidArgumentError(
        "A Call-ID must be 8 to 100 letters, digits or .!%*_+`'~- and not in use.",
      );
    }
    const extraHeaders = options.context
      ? [`${CONTEXT_HEADER}: ${formatContextHeader(options.context)}`]
      : [];
    const leg = CallLeg.outgoing(uri, { callId: options.callId, extraHeaders }, this.legEnvironment);
    this.calls.set(leg.callId, leg);
    this.hub.emit({ type: 'sip.call.dialing', callId: leg.callId, target: uri.toString() });
    await leg.dial();
    return { callId: leg.callId };
  }

  /**
   * The dialog of a connected call, for another page of the agent to take the call back after a reload
   * (see recover()). Undefined for an unknown call or one not connected.
   */
  dialogSnapshot(callId: string): DialogSnapshot | undefined {
    const leg = this.calls.get(callId);
    return leg && leg.sipSession.state === SessionState.Established
      ? snapshotDialog(callId, leg.sipSession)
      : undefined;
  }

  /**
   * Takes back a call this agent had on a page that is gone (a reload): an INVITE with Replaces for the old
   * dialog, to the far end's Contact; `held`: offering hold (sendonly), the call comes back on hold. The call keeps `snapshot.callId`; events and the promise behave as
   * for dial(): `sip.call.answered` once the far end swapped legs, else `sip.call.failed` with its answer
   * (481: it has no such call any more; 420/603: it cannot or will not; no answer: network).
   */
  async recover(snapshot: DialogSnapshot, options: { held?: boolean } = {}): Promise<{ callId: string }> {
    this.requireConnection();
    const checked = parseDialogSnapshot(snapshot);
    if (this.calls.has(checked.callId)) {
      throw new InvalidArgumentError('This call is already on this phone.');
    }
    const leg = CallLeg.recovering(checked, this.legEnvironment, options.held === true);
    this.calls.set(leg.callId, leg);
    this.hub.emit({ type: 'sip.call.dialing', callId: leg.callId, target: checked.remoteUri });
    await leg.dial();
    return { callId: leg.callId };
  }

  /** Cancels an unanswered outgoing call; settles once the INVITE is over. */
  async cancel(callId: string): Promise<void> {
    return this.leg(callId).cancel();
  }

  /** Answers a ringing call after checking the microphone (a refusal rejects, the call keeps ringing). */
  async answer(callId: string): Promise<void> {
    const leg = this.leg(callId);
    const replacee = leg.sipSession instanceof Invitation ? leg.sipSession.replacee : undefined;
    const replaced = replacee ? this.legOf(replacee) : undefined;
    replaced?.endAs({ type: 'sip.call.ended', callId: replaced.callId, by: 'local', reason: 'replaced' });
    return leg.answer();
  }

  /** Refuses a ringing call with 486 Busy Here or 603 Decline. */
  async reject(callId: string, reason: 'busy' | 'decline' = 'busy'): Promise<void> {
    return this.leg(callId).reject(reason);
  }

  /** Sends a ringing call to `target` with a 302 (the caller's phone re-dials it). */
  async redirect(callId: string, target: string | DialTarget): Promise<void> {
    const leg = this.leg(callId);
    return leg.redirect(targetUri(target, this.domain()));
  }

  /** Texts the caller (SIP MESSAGE), then refuses the call; resolves with whether the text was delivered. */
  async rejectWithMessage(
    callId: string,
    text: string,
    reason: 'busy' | 'decline' = 'busy',
  ): Promise<{ delivered: boolean }> {
    if (text.trim() === '') throw new InvalidArgumentError('The text reply is empty.');
    return this.leg(callId).rejectWithMessage(text, reason);
  }

  /** Ends a call: BYE when connected, CANCEL when still dialling. */
  async hangUp(callId: string): Promise<void> {
    return this.leg(callId).hangUp();
  }

  /** Puts a connected call on hold (re-INVITE sendonly), serialised and retried on glare. */
  async hold(callId: string): Promise<void> {
    return this.leg(callId).hold();
  }

  /** Takes a call off hold (re-INVITE sendrecv), serialised and retried on glare. */
  async resume(callId: string): Promise<void> {
    return this.leg(callId).resume();
  }

  /** Mutes or unmutes the agent's microphone on a call (media only, nothing on the wire). */
  async mute(callId: string, muted: boolean): Promise<void> {
    return this.leg(callId).mute(muted);
  }

  /** Sends DTMF tones (0-9 * # A-D, "," = 2 s pause). */
  async sendDtmf(callId: string, tones: string): Promise<void> {
    return this.leg(callId).sendDtmf(tones);
  }

  /**
   * Unsupervised transfer of a connected call to `target`. Resolves when the far end reports success
   * (the call is then hung up); rejects when it fails or stays unconfirmed: the call is still there.
   * `timeoutMs`: how long to wait for the outcome (default: the phone's transferTimeoutMs).
   */
  async transfer(
    callId: string,
    target: string | DialTarget,
    options: { context?: CallContext; timeoutMs?: number } = {},
  ): Promise<void> {
    const leg = this.leg(callId);
    return leg.transfer(targetUri(target, this.domain()), options.context, options.timeoutMs);
  }

  /** Supervised transfer: connects the caller of `callId` with the far end of the connected `consultCallId`. */
  async attendedTransfer(
    callId: string,
    consultCallId: string,
    options: { context?: CallContext } = {},
  ): Promise<void> {
    const leg = this.leg(callId);
    return leg.attendedTransfer(this.leg(consultCallId), options.context);
  }

  private legOf(session: Session): CallLeg | undefined {
    return [...this.calls.values()].find((leg) => leg.sipSession === session);
  }

  private onInvite(invitation: Invitation): void {
    const { request } = invitation;
    if (!isReadableOffer(request.getHeader('Content-Type'), request.body)) {
      void invitation.reject({ statusCode: 488, reasonPhrase: 'Not Acceptable Here' });
      return;
    }
    const leg = CallLeg.incoming(invitation, this.legEnvironment);
    if (this.calls.has(leg.callId)) {
      void invitation.reject({ statusCode: 482, reasonPhrase: 'Loop Detected' });
      return;
    }
    this.calls.set(leg.callId, leg);
    const context = contextFromAgent(request.getHeader(CONTEXT_HEADER), request.getHeader(AGENT_HEADER));
    const replaced = invitation.replacee ? this.legOf(invitation.replacee) : undefined;
    this.hub.emit({
      type: 'sip.invite.received',
      callId: leg.callId,
      caller: identifyCaller(invitation.assertedIdentity, invitation.remoteIdentity),
      ...(context ? { context } : {}),
      ...(replaced ? { replacesCallId: replaced.callId } : {}),
    });
  }

  private onMessage(message: Message): void {
    void message.accept();
    this.hub.emit({
      type: 'sip.message.received',
      from: identifyCaller(undefined, message.request.from),
      body: (message.request.body ?? '').slice(0, MAX_MESSAGE),
    });
  }
}
