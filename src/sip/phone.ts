// The telephony port: one user agent (user-agent.ts), its registration (registration.ts) and its calls
// (leg/). Commands return promises that settle on the SIP outcome; everything that happens is also emitted as
// a `sip.*` event carrying the call's SIP Call-ID. It keeps no call state of its own beyond SIP.js's
// sessions: every decision (answer, retry, resume after a failed transfer…) belongs to the caller (the
// statechart). The statechart's call actors take their leg (outgoingLeg, recoveringLeg, leg) and listen to
// it; the commands by Call-ID it inherits (call-id-commands.ts) are for tests and hosts that drive a phone.
import { Invitation, SessionState, type Message, type Session, type URI } from 'sip.js';
import type { DialTarget } from '../dialing';
import { CallIdCommands, type DialOptions } from './call-id-commands';
import type { CallMedia } from './call-media';
import { AGENT_HEADER, CONTEXT_HEADER, contextFromAgent, formatContextHeader } from './context-header';
import { parseDialogSnapshot, snapshotDialog, type DialogSnapshot } from './dialog-snapshot';
import { DialogWatch, type DialogOwner } from './dialog-watch';
import { CallNotFoundError, InvalidArgumentError, type SipError } from './errors';
import { EventHub } from './event-hub';
import type { SipLogger } from './sip-logger';
import { identifyCaller } from './identify-caller';
import { isReadableOffer } from './is-readable-offer';
import { CallLeg, type LegEnvironment } from './leg/call-leg';
import { MAX_MESSAGE } from './leg/incoming-leg';
import { Registration } from './registration';
import type { SipEvent } from './sip-event';
import type { SipEventOf } from './sip-event-of';
import type { SipPhoneConfig } from './sip-phone-config';
import { resolveSettings } from './sip-phone-settings';
import { targetUri } from './target-uri';
import { SipUserAgent } from './user-agent';

export type { DialOptions } from './call-id-commands';

const CALL_ID = /^[A-Za-z0-9][A-Za-z0-9.!%*_+`'~-]{7,99}$/;
/** How long stop() lets calls end and the registration go before it drops the connection. */
const STOP_GRACE_MS = 2000;

/** Resolves after `work` or STOP_GRACE_MS, whichever comes first: a silent far end must not hold us up. */
function grace(work: Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, STOP_GRACE_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    work.then(done, done);
  });
}

export class SipPhone extends CallIdCommands {
  /** The agent's address of record. */
  readonly aor: string;
  private readonly agent: SipUserAgent;
  private readonly registration: Registration;
  private readonly hub: EventHub<SipEvent>;
  private readonly logger: SipLogger;
  /**
   * The owner of the phone's events, told first: the phone machine's actor, as SIP.js tells a UserAgent's
   * delegate. Everyone else observes through subscribe().
   */
  delegate: { onEvent(event: SipEvent): void } | undefined;
  private readonly calls = new Map<string, CallLeg>();
  private readonly legEnvironment: LegEnvironment;
  /** The server's dialog event package, where offered: ends calls answered on another device. */
  private readonly dialogWatch: DialogWatch;
  /** Set by suspend(): the calls were left for another page, their legs report nothing more. */
  private suspended = false;
  /** The last word on the registration was a success, and the connection has not dropped since. */
  private current = false;

  constructor(config: SipPhoneConfig) {
    super();
    const settings = resolveSettings(config);
    this.logger = settings.logger;
    this.hub = new EventHub<SipEvent>(settings.logger);
    const report = (event: SipEvent) => this.report(event);
    this.agent = new SipUserAgent(config, settings, {
      onConnect: () => report({ type: 'sip.transport.connected' }),
      onDisconnect: (error) => this.onTransportLost(error),
      onInvite: (invitation) => this.onInvite(invitation),
      onMessage: (message) => this.onMessage(message),
    });
    const { ua, uri } = this.agent;
    this.aor = uri.toString();
    this.dialogWatch = new DialogWatch(ua, uri, report, settings.logger);
    this.registration = new Registration({
      ua,
      aor: this.aor,
      auth: config.auth,
      settings,
      emit: report,
      closed: () => this.agent.closed,
      onRegistered: () => this.dialogWatch.ensure(),
      // The spare peer connection's TURN allocation lives on with the credentials it was made with.
      onRenewed: () => this.agent.icePrefetch?.renew(),
    });
    this.legEnvironment = {
      ua,
      settings,
      emit: report,
      // A suspended phone's calls belong to the page that takes them back: nothing more is reported.
      reporting: () => !this.suspended,
      renewCredentials: () => this.registration.renewCredentials(),
      release: (leg) => {
        if (this.calls.get(leg.callId) === leg) this.calls.delete(leg.callId);
      },
    };
  }

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
   * Tells `owner` (the call's actor), until the returned release, when the server's dialog package reports
   * the dialog of `callId` over: a call answered on another device of the agent has no leg here.
   */
  ownDialog(callId: string, owner: DialogOwner): () => void {
    return this.dialogWatch.own(callId, owner);
  }

  private report(event: SipEvent): void {
    if (event.type === 'sip.registration.registered') {
      this.current = true;
      // The phone can ring from now on: the first call's candidates are gathered meanwhile.
      this.agent.icePrefetch?.prepare();
    } else if (
      event.type === 'sip.registration.failed' ||
      event.type === 'sip.registration.unregistered' ||
      event.type === 'sip.transport.disconnected'
    )
      this.current = false;
    try {
      this.delegate?.onEvent(event);
    } catch (error) {
      this.logger.error(`the phone's delegate threw on ${event.type}: ${String(error)}`);
    }
    this.hub.emit(event);
  }

  /** This user agent's `+sip.instance` (see SipPhoneConfig.instanceId). */
  get instanceId(): string {
    return this.agent.ua.instanceId;
  }

  /** The Call-IDs of the calls in progress (ringing, dialling or connected). */
  callIds(): string[] {
    return [...this.calls.keys()];
  }

  /** The leg of a call in progress; throws CallNotFoundError for an unknown one. */
  leg(callId: string): CallLeg {
    const leg = this.calls.get(callId);
    if (!leg) throw new CallNotFoundError();
    return leg;
  }

  /**
   * A call's media: its RTCPeerConnection (getStats, senders for a conference mix) and the far end's
   * stream (play it). Undefined for an unknown call; no peer connection until its offer/answer began.
   */
  media(callId: string): CallMedia | undefined {
    return this.calls.get(callId)?.media();
  }

  // -----------------------------------------------------------------------------------------------------
  // Connection and registration

  /** Connects and registers; settles when registered, rejects with the reason otherwise. */
  async start(): Promise<void> {
    await this.connect();
    this.registration.start();
    await this.registration.register();
  }

  /**
   * One attempt to get a lost connection back; when and how often is its caller's decision (the phone
   * machine's backoff). Connects over the server list, registers again, then tells the far end of every
   * established call the new route (in the background). Settles when registered, rejects with the reason
   * otherwise (reported as `sip.registration.failed` too). With the connection up, it registers as start().
   */
  async reconnect(): Promise<void> {
    if (this.agent.isConnected()) return this.start();
    await this.connect();
    this.registration.start();
    // Marked before registering: the far end's refresh may follow our REGISTER's 200 on the same connection.
    const legs = [...this.calls.values()].map((leg) => ({ leg, remoteOffers: leg.remoteOffers }));
    await this.registration.afterReconnect();
    await this.registration.register();
    // A lost connection may be a changed network: the spare's candidates may be gone with it.
    this.agent.icePrefetch?.renew();
    void this.refreshCalls(legs);
  }

  /** Unregisters, ends every call and disconnects. The phone cannot be started again. */
  async stop(): Promise<void> {
    if (this.agent.closed) return;
    this.agent.close();
    this.registration.stopRenewal();
    // Politely (each step bounded), then SIP.js's non-graceful stop, which drops every transaction and timer.
    await grace(Promise.all([...this.calls.values()].map((leg) => leg.end())));
    await grace(this.dialogWatch.stop());
    if (this.agent.isConnected() && this.registration.registered) await grace(this.unregister());
    await grace(this.registration.dispose());
    this.registration.clearTimers();
    await this.agent.stop();
  }

  /**
   * The page is going away (pagehide) and its calls were saved for another page of the agent to take back
   * (recover()): the registration is removed and the connection dropped, but no call is hung up — a BYE
   * would end the very call the next page is about to take back with Replaces. Their media stops here.
   * Synchronous, because a page being hidden runs no more promise continuations: the un-REGISTER is
   * written to the WebSocket before it closes. The phone cannot be started again.
   */
  suspend(): void {
    if (this.agent.closed) return;
    this.suspended = true;
    this.agent.close();
    this.registration.stopRenewal();
    // The next page subscribes again; this one's subscription ends with its connection.
    this.dialogWatch.reset();
    for (const leg of this.calls.values()) leg.abandon();
    this.calls.clear();
    this.registration.abandon();
    // gracefulShutdown is off: SIP.js drops its transport and dialogs without a BYE.
    void this.agent.stop();
  }

  /** Registered on the current connection: no failure, end or loss reported since the last success. */
  get registered(): boolean {
    return this.current;
  }

  /** See Registration.register. */
  register(options: { renewCredentials?: boolean } = {}): Promise<void> {
    return this.registration.register(options);
  }

  /** Removes the registration; settles on the registrar's answer. */
  unregister(): Promise<void> {
    this.current = false;
    return this.registration.unregister();
  }

  private onTransportLost(error: SipError): void {
    this.report({ type: 'sip.transport.disconnected', error });
    this.dialogWatch.reset();
    // A call still ringing here cannot be answered once its WebSocket is gone (the INVITE's responses
    // travel over that connection): refuse it now rather than ring on for nothing.
    for (const leg of this.calls.values()) {
      if (leg.sipSession instanceof Invitation && leg.sipSession.state === SessionState.Initial) {
        void leg.end().catch(() => undefined);
      }
    }
  }

  /** Connects over the server list; a server that cannot be reached is reported as a failed registration. */
  private async connect(): Promise<void> {
    try {
      await this.agent.connect();
    } catch (error) {
      if ((error as SipError).code === 'network') this.registration.failed(error as SipError);
      throw error;
    }
  }

  /** A new connection is a new route: tell every far end (in parallel). */
  private async refreshCalls(legs: { leg: CallLeg; remoteOffers: number }[]): Promise<void> {
    await Promise.all(
      legs.map(({ leg, remoteOffers }) =>
        leg.sipSession.state === SessionState.Established ? leg.refresh(remoteOffers) : undefined,
      ),
    ).catch(() => undefined);
  }

  // -----------------------------------------------------------------------------------------------------
  // Calls

  /**
   * The leg of a new outgoing call to `target` (a SIP URI, or a DialTarget from src/dialing), nothing sent
   * yet: its owner sets its delegate, then `leg.dial()`. Emits `sip.call.dialing` with the Call-ID.
   */
  outgoingLeg(target: string | DialTarget, options: DialOptions = {}): CallLeg {
    this.agent.requireConnection();
    const uri = this.uriOf(target);
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
    this.report({ type: 'sip.call.dialing', callId: leg.callId, target: uri.toString() });
    return leg;
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
   * The leg that takes back a call this agent had on a page that is gone (a reload), nothing sent yet: an
   * INVITE with Replaces for the old dialog, to the far end's Contact; `held`: offering hold (sendonly), the
   * call comes back on hold. The call keeps `snapshot.callId`.
   */
  recoveringLeg(snapshot: DialogSnapshot, options: { held?: boolean } = {}): CallLeg {
    this.agent.requireConnection();
    const checked = parseDialogSnapshot(snapshot);
    if (this.calls.has(checked.callId)) throw new InvalidArgumentError('This call is already on this phone.');
    const leg = CallLeg.recovering(checked, this.legEnvironment, options.held === true);
    this.calls.set(leg.callId, leg);
    this.report({ type: 'sip.call.dialing', callId: leg.callId, target: checked.remoteUri });
    return leg;
  }

  /** Answers `leg`; a call it replaces (attended transfer to us) is reported as replaced when it ends. */
  answerLeg(leg: CallLeg): Promise<void> {
    const replacee = leg.sipSession instanceof Invitation ? leg.sipSession.replacee : undefined;
    const replaced = replacee ? this.legOf(replacee) : undefined;
    replaced?.endAs({ type: 'sip.call.ended', callId: replaced.callId, by: 'local', reason: 'replaced' });
    return leg.answer();
  }

  protected uriOf(target: string | DialTarget): URI {
    return targetUri(target, this.agent.domain());
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
    this.report({
      type: 'sip.invite.received',
      callId: leg.callId,
      caller: identifyCaller(invitation.assertedIdentity, invitation.remoteIdentity),
      ...(context ? { context } : {}),
      ...(replaced ? { replacesCallId: replaced.callId } : {}),
    });
  }

  private onMessage(message: Message): void {
    void message.accept();
    this.report({
      type: 'sip.message.received',
      from: identifyCaller(undefined, message.request.from),
      body: (message.request.body ?? '').slice(0, MAX_MESSAGE),
    });
  }
}
