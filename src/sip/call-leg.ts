// One call of the phone, named by its SIP Call-ID: the SIP.js session behind it (a new Inviter after each
// 3xx hop of an outgoing call), its serialised re-INVITEs, transfers, DTMF and mute. It decides nothing
// about the call: it carries out commands and reports SIP outcomes as events.
import {
  Invitation,
  Inviter,
  Messager,
  SessionState,
  type Cancel,
  type Core,
  type Info,
  type Message,
  type Referral,
  type Session,
  type URI,
  UserAgent,
} from 'sip.js';
// The class's own module, not the `Web` namespace (which would bundle SimpleUser and SessionManager).
import { SessionDescriptionHandler as WebSessionDescriptionHandler } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler.js';
import type { CallContext } from './call-context';
import type { CallMedia } from './call-media';
import { CONTEXT_HEADER, formatContextHeader } from './context-header';
import { answeredElsewhere } from './answered-elsewhere';
import { replacesHeader, type DialogSnapshot } from './dialog-snapshot';
import { dtmfTones } from './dtmf-tones';
import {
  CallCancelledError,
  CallNotFoundError,
  CallRejectedError,
  DeniedDestinationError,
  errorForStatus,
  IncompatibleMediaError,
  InvalidStateError,
  MicrophoneUnavailableError,
  NetworkError,
  ReinviteFailedError,
  SipError,
  TooManyRedirectsError,
  TransferFailedError,
  TransferTimeoutError,
  refusesCredentials,
  responseError,
} from './errors';
import { identifyCaller } from './identify-caller';
import { offersHold } from './offers-hold';
import { reconnectDelay } from './reconnect-delay';
import { destinationOf, redirectTargets } from './redirect-targets';
import { ReferToTarget } from './refer-to-target';
import { retryAfterSeconds } from './retry-after-seconds';
import type { SipEvent } from './sip-event';
import type { SipPhoneSettings } from './sip-phone-settings';
import { sipfragStatus } from './sipfrag-status';

/** What a call needs from its phone. */
export interface LegEnvironment {
  readonly ua: UserAgent;
  readonly settings: SipPhoneSettings;
  emit(event: SipEvent): void;
  /** The server refused our credentials: new ones now; false when none could be had. */
  renewCredentials(): Promise<boolean>;
  /** The call is over: the phone forgets it. */
  release(leg: CallLeg): void;
}

type ReinviteOperation = 'hold' | 'resume' | 'refresh';
/** The SDH options of a re-INVITE (SIP.js's Web handler reads `hold` and `offerOptions`). */
interface ReinviteMediaOptions {
  constraints?: object;
  hold?: boolean;
  offerOptions?: { iceRestart?: boolean };
  [option: string]: unknown;
}
type InviteOutcome =
  | { kind: 'answered' }
  | { kind: 'redirect'; targets: URI[]; statusCode: number }
  | { kind: 'failed'; error: SipError };
type ReinviteOutcome =
  { ok: true } | { ok: false; error: SipError; statusCode?: number; retryAfterSec?: number; local?: boolean };

const DTMF_PAUSE_MS = 2000;
/**
 * How long each key sounds, and the silence between keys. Chromium's NetEq plays an RFC 4733 event out for
 * well under its length (measured: 30–45 ms of tone for a 100 ms event, 70–90 ms for 200 ms), and an
 * in-band listener needs 40 ms (ITU-T Q.24): at 160 ms, as a key held by a person, 32 keys of 32 were heard.
 */
const KEY_TONE_MS = 160;
const KEY_GAP_MS = 70;
/** How long our re-INVITE trails an ACK we sent; how long we wait for an ACK due to us (Timer H). */
const ACK_HEAD_START_MS = 100;
const ACK_WAIT_MS = 32_000;
/** Answers to a refresh that mean "not back yet" rather than "no". */
const UNREACHABLE = [404, 408, 480, 500, 503];
const MESSAGE_TIMEOUT_MS = 5000;
const MAX_MESSAGE = 1000;

function parseUri(value: string): URI {
  const uri = UserAgent.makeURI(value);
  if (!uri) throw new InvalidStateError(`"${printable(value, 80)}" is not a SIP address.`);
  return uri;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function printable(text: string, max: number): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, max);
}

function mediaError(cause: unknown): SipError {
  if (cause instanceof SipError) return cause;
  const name = cause instanceof Error ? cause.name : '';
  if (name === 'NotAllowedError' || name === 'NotFoundError' || name === 'NotReadableError') {
    return new MicrophoneUnavailableError();
  }
  return new IncompatibleMediaError(
    `The audio of the call could not be set up (${cause instanceof Error ? printable(cause.message, 80) : 'unknown error'}).`,
  );
}

export class CallLeg {
  private session: Session;
  /** Tail of this call's re-INVITEs: each waits for the previous one (one offer/answer at a time). */
  private reinvites: Promise<unknown> = Promise.resolve();
  /** The event that describes how the call ends, when a command of ours ends it (default: remote ended). */
  private ending: SipEvent | undefined;
  /** Settles once the ACK for our last 2xx to an INVITE arrived (or the call ended). */
  private ackDue: Promise<void> = Promise.resolve();
  /** Settles ackDue; replaced by expectAck. */
  private ackArrived: () => void = () => undefined;
  private readonly dialing = new AbortController();
  /**
   * Why our microphone is off on this call, as last applied to the media: muted by the agent, or on
   * hold (SIP.js's handler keeps sending on a sendonly hold: the held party would go on hearing us).
   */
  private readonly silenced = { muted: false, held: false };
  private dialOutcome: Promise<void> | undefined;
  /** A take-back of a held call: established on hold, so later re-INVITEs (refresh, resume) start from it. */
  private startsHeld = false;
  /** A re-INVITE of ours is under way, from the making of its offer until its outcome is applied. */
  private reinviting = false;

  private constructor(
    readonly callId: string,
    /** Outgoing calls generated the Call-ID: they are its owner in glare resolution (RFC 3261 §14.1). */
    readonly direction: 'outgoing' | 'incoming',
    session: Session,
    private readonly env: LegEnvironment,
    /** Headers of our own on the INVITE (the call context), repeated on every redirect hop. */
    private readonly extraHeaders: string[] = [],
  ) {
    this.session = session;
    this.attach(session);
  }

  static incoming(invitation: Invitation, env: LegEnvironment): CallLeg {
    return new CallLeg(invitation.request.callId, 'incoming', invitation, env);
  }

  /** Prepares an outgoing call (nothing is sent until dial()). `callId` defaults to a random one. */
  static outgoing(
    target: URI,
    options: { callId?: string; extraHeaders: string[] },
    env: LegEnvironment,
  ): CallLeg {
    const inviter = CallLeg.inviter(env, target, target, options.callId, options.extraHeaders);
    return new CallLeg(inviter.request.callId, 'outgoing', inviter, env, options.extraHeaders);
  }

  /**
   * Prepares the take-back of a call another page of ours had (nothing is sent until dial()): a new dialog
   * to the far end's Contact with Replaces for the old one, so the far end swaps legs without ringing. The
   * leg keeps the call's original id; its SIP Call-ID is new. `Require: replaces` makes a far end that
   * cannot do it refuse (420) instead of ringing as a new call.
   */
  static recovering(snapshot: DialogSnapshot, env: LegEnvironment, held = false): CallLeg {
    const extraHeaders = [replacesHeader(snapshot), 'Require: replaces'];
    const inviter = CallLeg.inviter(
      env,
      parseUri(snapshot.remoteTarget),
      parseUri(snapshot.remoteUri),
      undefined,
      extraHeaders,
      // A call that was on hold is taken back offering hold (sendonly): the far end never hears the agent.
      held ? { hold: true } : undefined,
    );
    const leg = new CallLeg(snapshot.callId, 'outgoing', inviter, env, extraHeaders);
    leg.startsHeld = held;
    return leg;
  }

  private static inviter(
    env: LegEnvironment,
    target: URI,
    to: URI,
    callId: string | undefined,
    extraHeaders: string[],
    sessionDescriptionHandlerOptions?: ReinviteMediaOptions,
  ): Inviter {
    // `callId` is not in InviterOptions' type, but SIP.js passes params through to the request: a
    // redirected INVITE reuses the Call-ID (RFC 3261 §8.1.3.4), so the call keeps one id.
    const params = { toUri: to, ...(callId ? { callId } : {}) } as NonNullable<
      ConstructorParameters<typeof Inviter>[2]
    >['params'];
    return new Inviter(env.ua, target, {
      earlyMedia: true,
      extraHeaders,
      params,
      ...(sessionDescriptionHandlerOptions ? { sessionDescriptionHandlerOptions } : {}),
    });
  }

  get sipSession(): Session {
    return this.session;
  }

  /** Sets how this call's end is reported (e.g. `replaced` before a Replaces INVITE is answered). */
  endAs(event: SipEvent): void {
    this.ending = event;
  }

  // ---------------------------------------------------------------------------------------------------
  // Session wiring

  private attach(session: Session): void {
    session.delegate = {
      onAck: () => this.ackArrived(),
      onCancel: (cancel) => this.onCancel(cancel),
      onInfo: (info) => this.onInfo(info),
      onInvite: (request, _response, statusCode) => this.onReinvite(request, statusCode),
      onMessage: (message) => this.onMessage(message),
      onRefer: (referral) => this.onRefer(referral),
    };
    this.refuseCrossingInvites(session);
    const onState = (state: SessionState) => {
      if (state === SessionState.Established) {
        session.stateChange.removeListener(onState);
        this.ending = undefined;
        if (this.startsHeld) {
          session.sessionDescriptionHandlerOptionsReInvite = { hold: true } as ReinviteMediaOptions;
          void this.silence('held', true).catch(() => undefined);
        }
        if (this.direction === 'incoming') this.expectAck(session);
        else this.reinvites = this.reinvites.then(() => sleep(ACK_HEAD_START_MS));
        this.env.emit({ type: 'sip.call.answered', callId: this.callId });
        session.stateChange.addListener((s) => {
          if (s === SessionState.Terminated) {
            this.finish({ type: 'sip.call.ended', callId: this.callId, by: 'remote', reason: 'hangup' });
          }
        });
      } else if (state === SessionState.Terminated && this.direction === 'incoming') {
        // An incoming call that ends before it is answered; outgoing ones are reported by dial().
        this.finish({ type: 'sip.invite.timedOut', callId: this.callId });
      }
    };
    session.stateChange.addListener(onState);
  }

  /**
   * RFC 5407 §3.1.4–5: a re-INVITE of ours must not overtake an ACK. After we answered an INVITE (the first
   * one or a re-INVITE) we wait for its ACK: SIP.js would otherwise meet the ACK with our offer pending and
   * hang up with 488. The ACKs we send get a short head start instead (see queueReinvite).
   */
  private expectAck(session: Session): void {
    // SIP.js refuses a new INVITE (500) until the last ACK came: a new one means the old wait is over.
    this.ackArrived();
    this.ackDue = new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        session.stateChange.removeListener(onEnd);
        this.ackArrived = () => undefined;
        resolve();
      };
      const onEnd = (state: SessionState) => state === SessionState.Terminated && done();
      const timer = setTimeout(done, ACK_WAIT_MS);
      session.stateChange.addListener(onEnd);
      this.ackArrived = done;
    });
  }

  private finish(fallback: SipEvent): void {
    this.env.emit(this.ending ?? fallback);
    this.env.release(this);
  }

  private onCancel(cancel: Cancel): void {
    this.ending = answeredElsewhere(cancel.request.getHeaders('reason'))
      ? { type: 'sip.invite.answeredElsewhere', callId: this.callId }
      : { type: 'sip.invite.cancelled', callId: this.callId };
  }

  private onInfo(info: Info): void {
    void info.accept();
    const type = info.request.getHeader('content-type') ?? '';
    const body = info.request.body ?? '';
    const tone = /^application\/dtmf-relay/i.test(type)
      ? /^\s*Signal\s*=\s*([0-9A-D*#])/im.exec(body)?.[1]
      : /^application\/dtmf\b/i.test(type)
        ? /^\s*([0-9A-D*#])\s*$/i.exec(body)?.[1]
        : undefined;
    if (tone) this.env.emit({ type: 'sip.dtmf.received', callId: this.callId, tone: tone.toUpperCase() });
  }

  /**
   * RFC 3261 §14.2: an INVITE that arrives while ours is under way is answered 491, and each side tries
   * again after its own delay (reinviteWithRetry). SIP.js does so only while our INVITE transaction is
   * open. Before it (our offer is being made: ICE gathering) and after it (our offer is being rolled
   * back), SIP.js hands the far end's offer to the peer connection, which is not stable: it answers 488
   * and rolls back again. Measured in Chromium after a SIP server restart, where both ends refresh at
   * once: both refreshes failed with 488 and one end's media stopped.
   */
  private refuseCrossingInvites(session: Session): void {
    // A protected method of SIP.js's Session, called by its dialog for each in-dialog INVITE.
    const target = session as unknown as { onInviteRequest(request: Core.IncomingInviteRequest): void };
    const receive = target.onInviteRequest.bind(session);
    target.onInviteRequest = (request) => {
      if (this.reinviting) request.reject({ statusCode: 491 });
      else receive(request);
    };
  }

  private onReinvite(request: Core.IncomingRequestMessage, statusCode: number): void {
    if (statusCode >= 200 && statusCode < 300) {
      this.expectAck(this.session);
      this.env.emit({
        type: 'sip.reinvite.received',
        callId: this.callId,
        remoteHold: offersHold(request.body),
      });
    }
  }

  private onMessage(message: Message): void {
    void message.accept();
    this.env.emit({
      type: 'sip.message.received',
      callId: this.callId,
      from: identifyCaller(undefined, message.request.from),
      body: (message.request.body ?? '').slice(0, MAX_MESSAGE),
    });
  }

  /** The far end may not move our call elsewhere: the REFER is declined and reported, never followed. */
  private onRefer(referral: Referral): void {
    let target = '';
    try {
      target = printable(referral.referTo.uri.toString(), 256);
    } catch {
      target = '';
    }
    void referral.reject({ statusCode: 603, reasonPhrase: 'Decline' });
    this.env.emit({ type: 'sip.refer.received', callId: this.callId, target });
  }

  // ---------------------------------------------------------------------------------------------------
  // Outgoing

  /** Sends the INVITE and follows 3xx redirects; settles when the call is answered or has failed. */
  dial(): Promise<void> {
    this.dialOutcome ??= this.runDial();
    return this.dialOutcome;
  }

  private async runDial(): Promise<void> {
    const first = this.session as Inviter;
    const to = first.remoteIdentity.uri;
    const visited = new Set([first.request.ruri.toString()]);
    let inviter = first;
    let renewed = false;
    for (let hop = 1; ; hop++) {
      const outcome = await this.invite(inviter);
      if (outcome.kind === 'answered') return;
      let error = outcome.kind === 'failed' ? outcome.error : undefined;
      // Refused for our credentials (before anyone rang): once more, with renewed ones, to the same target.
      if (
        !renewed &&
        refusesCredentials(error?.statusCode) &&
        !this.dialing.signal.aborted &&
        (await this.env.renewCredentials())
      ) {
        renewed = true;
        inviter = CallLeg.inviter(
          this.env,
          inviter.request.ruri,
          to,
          first.request.callId,
          this.extraHeaders,
          this.startsHeld ? { hold: true } : undefined,
        );
        this.session = inviter;
        this.attach(inviter);
        continue;
      }
      if (outcome.kind === 'redirect') {
        // A Contact the dial plan denies is never called: the next one is tried, or the call stops with why.
        let denied: string | null = null;
        const next = outcome.targets.find((t) => {
          if (visited.has(t.toString())) return false;
          const refusal = this.env.settings.checkDestination(destinationOf(t));
          denied ??= refusal;
          return refusal === null;
        });
        if (this.dialing.signal.aborted) error = new CallCancelledError();
        else if (!next && denied !== null) {
          error = new DeniedDestinationError(denied, outcome.statusCode);
        } else if (!next && outcome.targets.length === 0) {
          error = new CallRejectedError(
            `The call was forwarded (SIP ${outcome.statusCode}) without a destination.`,
            outcome.statusCode,
          );
        } else if (!next || hop > this.env.settings.maxRedirects) {
          error = new TooManyRedirectsError(undefined, outcome.statusCode);
        } else {
          visited.add(next.toString());
          this.env.emit({ type: 'sip.call.redirected', callId: this.callId, target: next.toString(), hop });
          inviter = CallLeg.inviter(this.env, next, to, first.request.callId, this.extraHeaders);
          this.session = inviter;
          this.attach(inviter);
          continue;
        }
      }
      const failure = error ?? new CallCancelledError();
      this.env.emit({ type: 'sip.call.failed', callId: this.callId, error: failure });
      this.env.release(this);
      throw failure;
    }
  }

  private invite(inviter: Inviter): Promise<InviteOutcome> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: InviteOutcome) => {
        if (settled) return;
        settled = true;
        resolve(outcome);
      };
      inviter.stateChange.addListener((state) => {
        if (state === SessionState.Established) settle({ kind: 'answered' });
        // SIP.js changes state before it hands the final response to our delegate: let the response
        // speak first; a termination without one is a CANCEL that crossed a 200 (SIP.js ACKs and BYEs).
        if (state === SessionState.Terminated) {
          queueMicrotask(() => settle({ kind: 'failed', error: new CallCancelledError() }));
        }
      });
      inviter
        .invite({
          requestDelegate: {
            onProgress: (response) => {
              // SIP.js reports progress a few promise hops late: a 1xx of a hop that a 3xx ended is stale.
              if (this.session !== inviter || inviter.state !== SessionState.Establishing) return;
              const { statusCode = 180, reasonPhrase = '', body } = response.message;
              const sdp = /^application\/sdp/i.test(response.message.getHeader('content-type') ?? '');
              this.env.emit({
                type: 'sip.call.progress',
                callId: this.callId,
                statusCode,
                reasonPhrase: printable(reasonPhrase, 60),
                earlyMedia: sdp && body.length > 0,
              });
            },
            onRedirect: (response) =>
              settle({
                kind: 'redirect',
                targets: redirectTargets(response.message),
                statusCode: response.message.statusCode ?? 302,
              }),
            onReject: (response) => settle({ kind: 'failed', error: responseError(response.message) }),
          },
        })
        .catch((cause: unknown) => settle({ kind: 'failed', error: mediaError(cause) }));
    });
  }

  /** Cancels an unanswered outgoing call; settles once the INVITE has its final answer. */
  async cancel(): Promise<void> {
    if (this.direction !== 'outgoing' || this.session.state === SessionState.Established) {
      throw new InvalidStateError('Only an outgoing call that has not been answered can be cancelled.');
    }
    this.dialing.abort();
    const session = this.session as Inviter;
    if (session.state === SessionState.Initial || session.state === SessionState.Establishing) {
      await session.cancel();
    }
    await this.dial().catch(() => undefined);
  }

  // ---------------------------------------------------------------------------------------------------
  // Incoming

  private ringing(): Invitation {
    if (!(this.session instanceof Invitation) || this.session.state !== SessionState.Initial) {
      throw new InvalidStateError('This call is not ringing.');
    }
    return this.session;
  }

  /** Checks the microphone, then answers; settles when the call is connected or could not be. */
  async answer(): Promise<void> {
    const invitation = this.ringing();
    try {
      await this.env.settings.microphoneCheck();
    } catch (cause) {
      const error = cause instanceof SipError ? cause : new MicrophoneUnavailableError();
      this.env.emit({ type: 'sip.answer.failed', callId: this.callId, error });
      throw error;
    }
    if (invitation.state !== SessionState.Initial) {
      throw new CallNotFoundError('The caller hung up before the call could be answered.');
    }
    const failure = new IncompatibleMediaError(
      'The call could not be connected: its audio could not be set up.',
    );
    this.ending = { type: 'sip.call.failed', callId: this.callId, error: failure };
    try {
      await invitation.accept();
    } catch {
      throw failure;
    }
  }

  /** Refuses a ringing call: busy (486) or decline (603). */
  async reject(reason: 'busy' | 'decline'): Promise<void> {
    await this.refuse(reason === 'busy' ? 486 : 603, []);
  }

  /** Sends a ringing call elsewhere with a 302 whose Contact is `target`; the caller's phone re-dials. */
  async redirect(target: URI): Promise<void> {
    await this.refuse(302, [`Contact: <${target.toString()}>`]);
  }

  private async refuse(statusCode: number, extraHeaders: string[]): Promise<void> {
    const invitation = this.ringing();
    this.ending = { type: 'sip.invite.rejected', callId: this.callId, statusCode };
    await invitation.reject({ statusCode, extraHeaders });
  }

  /** Texts the caller (SIP MESSAGE to the From address), then refuses the call; says if the text arrived. */
  async rejectWithMessage(text: string, reason: 'busy' | 'decline'): Promise<{ delivered: boolean }> {
    const invitation = this.ringing();
    const body = text.replace(/[^\P{Cc}\n]/gu, '').slice(0, MAX_MESSAGE);
    const delivered = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), MESSAGE_TIMEOUT_MS);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        resolve(ok);
      };
      const send = (renewed: boolean) =>
        new Messager(this.env.ua, invitation.remoteIdentity.uri, body, 'text/plain;charset=utf-8')
          .message({
            requestDelegate: {
              onAccept: () => done(true),
              onReject: (response) => {
                // Refused for our credentials: once more with renewed ones.
                if (renewed || !refusesCredentials(response.message.statusCode)) return done(false);
                void this.env.renewCredentials().then((fresh) => (fresh ? send(true) : done(false)));
              },
            },
          })
          .catch(() => done(false));
      send(false);
    });
    if (invitation.state === SessionState.Initial) await this.reject(reason);
    return { delivered };
  }

  // ---------------------------------------------------------------------------------------------------
  // Connected

  private established(): Session {
    if (this.session.state !== SessionState.Established) {
      throw new InvalidStateError('This needs a connected call.');
    }
    return this.session;
  }

  /** Ends the call whatever its state (the phone is stopping): hang up, cancel, or refuse with 480. */
  async end(): Promise<void> {
    if (this.session instanceof Invitation && this.session.state === SessionState.Initial) {
      return this.refuse(480, []);
    }
    if (this.session.state === SessionState.Terminated || this.session.state === SessionState.Terminating)
      return;
    return this.hangUp();
  }

  /** Ends the call: BYE when connected, CANCEL when still dialling; settles on the far end's answer. */
  async hangUp(): Promise<void> {
    if (this.direction === 'outgoing' && this.session.state !== SessionState.Established) {
      return this.cancel();
    }
    this.established();
    await this.ackDue;
    const session = this.established();
    this.ending = { type: 'sip.call.ended', callId: this.callId, by: 'local', reason: 'hangup' };
    await this.bye(session);
  }

  /**
   * Sends BYE. Callers first wait for any ACK due to us: SIP.js keeps retransmitting a re-INVITE's 2xx
   * forever when its dialog ends before that ACK (a leaked timer), and RFC 3261 §15 asks the same.
   */
  private bye(session: Session): Promise<void> {
    return new Promise<void>((resolve) => {
      session
        .bye({ requestDelegate: { onAccept: () => resolve(), onReject: () => resolve() } })
        .catch(() => resolve());
    });
  }

  hold(): Promise<void> {
    return this.queueReinvite('hold');
  }

  resume(): Promise<void> {
    return this.queueReinvite('resume');
  }

  /** After a reconnect: a re-INVITE with an ICE restart, so the far end learns our new route. */
  refresh(): Promise<void> {
    return this.queueReinvite('refresh');
  }

  private queueReinvite(operation: ReinviteOperation): Promise<void> {
    const run = () => this.reinviteWithRetry(operation);
    const result = this.reinvites.then(run, run);
    // The next one trails our ACK: a proxy may reorder the two, and the far end would answer 500.
    const headStart = () => sleep(ACK_HEAD_START_MS);
    this.reinvites = result.then(headStart, headStart);
    return result;
  }

  private async reinviteWithRetry(operation: ReinviteOperation): Promise<void> {
    const { reinviteMaxAttempts, reinviteRetryDelay } = this.env.settings;
    for (let attempt = 1; ; attempt++) {
      await this.ackDue;
      const session = this.established();
      const outcome = await this.reinvite(session, operation);
      if (outcome.ok) {
        const type = {
          hold: 'sip.call.held',
          resume: 'sip.call.resumed',
          refresh: 'sip.call.refreshed',
        } as const;
        // The SIP outcome stands whatever the media hook does.
        if (operation !== 'refresh') await this.silence('held', operation === 'hold').catch(() => undefined);
        this.env.emit({ type: type[operation], callId: this.callId });
        return;
      }
      const glare =
        outcome.statusCode === 491 || (outcome.statusCode === 500 && outcome.retryAfterSec !== undefined);
      // Right after a reconnect the far end may not be registered again yet: a refresh tries again.
      const unreachable = operation === 'refresh' && !glare && UNREACHABLE.includes(outcome.statusCode ?? 0);
      if (
        (!glare && !unreachable) ||
        attempt >= reinviteMaxAttempts ||
        session.state !== SessionState.Established
      ) {
        const error =
          outcome.error instanceof NetworkError || outcome.error instanceof InvalidStateError
            ? outcome.error
            : new ReinviteFailedError(undefined, outcome.local ? undefined : outcome.statusCode);
        this.env.emit({ type: 'sip.reinvite.failed', callId: this.callId, operation, error });
        throw error;
      }
      if (unreachable) {
        await sleep(reconnectDelay(attempt, this.env.settings.reconnect, this.env.settings.random));
        continue;
      }
      await sleep(
        reinviteRetryDelay({
          statusCode: outcome.statusCode === 491 ? 491 : 500,
          isCallIdOwner: this.direction === 'outgoing',
          retryAfterSec: outcome.retryAfterSec,
          retry: attempt,
        }),
      );
    }
  }

  /** One re-INVITE. The media options only stick once the far end accepted them. */
  private reinvite(session: Session, operation: ReinviteOperation): Promise<ReinviteOutcome> {
    const previous = { ...(session.sessionDescriptionHandlerOptionsReInvite as ReinviteMediaOptions) };
    delete previous.offerOptions;
    const hold = operation === 'hold' ? true : operation === 'resume' ? false : previous.hold === true;
    const options: ReinviteMediaOptions = {
      ...previous,
      hold,
      ...(operation === 'refresh' ? { offerOptions: { iceRestart: true } } : {}),
    };
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: ReinviteOutcome) => {
        if (settled) return;
        settled = true;
        this.reinviting = false;
        session.stateChange.removeListener(onEnd);
        session.sessionDescriptionHandlerOptionsReInvite = outcome.ok ? { ...previous, hold } : previous;
        resolve(outcome);
      };
      const onEnd = (state: SessionState) => {
        if (state === SessionState.Terminated) {
          settle({
            ok: false,
            error: new InvalidStateError('The call ended before it could be put on hold or resumed.'),
          });
        }
      };
      session.stateChange.addListener(onEnd);
      this.reinviting = true;
      session
        .invite({
          sessionDescriptionHandlerOptions: options,
          requestDelegate: {
            onAccept: () => settle({ ok: true }),
            onReject: (response) =>
              settle({
                ok: false,
                error: responseError(response.message),
                statusCode: response.message.statusCode,
                retryAfterSec: retryAfterSeconds(response.message.getHeader('retry-after')),
              }),
          },
        })
        // SIP.js refuses locally when the far end's offer slipped in while ours was being made (its
        // re-INVITE is answered, its ACK not in yet): the same collision as a 491, retried the same way.
        .catch((cause: unknown) =>
          settle(
            session.state === SessionState.Established
              ? { ok: false, error: mediaError(cause), statusCode: 491, local: true }
              : { ok: false, error: new NetworkError() },
          ),
        );
    });
  }

  /** The call's media as SIP.js's WebRTC handler holds it (none before an offer/answer, none in Node). */
  media(): CallMedia {
    const handler = this.session.sessionDescriptionHandler as
      { peerConnection?: RTCPeerConnection; remoteMediaStream?: MediaStream } | undefined;
    const remoteStream = handler?.remoteMediaStream;
    return {
      callId: this.callId,
      peerConnection: handler?.peerConnection,
      ...(remoteStream ? { remoteStream } : {}),
    };
  }

  /**
   * The page is going away and another page takes this call back (Replaces): its media stops here, and no
   * BYE is sent (SIP.js's dispose would send one).
   */
  abandon(): void {
    this.dialing.abort();
    this.session.sessionDescriptionHandler?.close();
  }

  /** Mutes or unmutes our outgoing audio through the media layer's hook (no SIP involved). */
  async mute(muted: boolean): Promise<void> {
    this.established();
    await this.silence('muted', muted);
  }

  /**
   * Puts `stream`'s audio track on the call with RTCRtpSender.replaceTrack (no renegotiation), and into
   * the handler's local stream in place of the old one, so hanging up releases the new microphone.
   */
  async replaceMicrophone(stream: MediaStream): Promise<void> {
    this.established();
    const handler = this.session.sessionDescriptionHandler;
    const [track] = stream.getAudioTracks();
    const sender = this.media()
      .peerConnection?.getSenders()
      .find((candidate) => candidate.track?.kind === 'audio');
    if (!(handler instanceof WebSessionDescriptionHandler) || !track || !sender) {
      for (const unused of stream.getTracks()) unused.stop();
      return;
    }
    await sender.replaceTrack(track);
    const local = handler.localMediaStream;
    for (const old of local.getAudioTracks()) {
      old.stop();
      local.removeTrack(old);
    }
    local.addTrack(track);
    await this.silence('muted', this.silenced.muted);
  }

  /** The microphone stays off while the call is muted or held; unmuting a held call keeps it off. */
  private async silence(reason: 'muted' | 'held', on: boolean): Promise<void> {
    this.silenced[reason] = on;
    await this.env.settings.muteHook(this.media(), this.silenced.muted || this.silenced.held);
  }

  /** Sends DTMF: RTP telephone-events (RFC 4733) when configured and possible, else one SIP INFO per tone. */
  async sendDtmf(tones: string): Promise<void> {
    const keys = dtmfTones(tones);
    const session = this.established();
    const events = { duration: KEY_TONE_MS, interToneGap: KEY_GAP_MS };
    if (this.env.settings.dtmf === 'rfc4733' && session.sessionDescriptionHandler?.sendDtmf(keys, events))
      return;
    for (const key of keys) {
      if (key === ',') await sleep(DTMF_PAUSE_MS);
      else await this.info(this.established(), key);
    }
  }

  private info(session: Session, tone: string): Promise<void> {
    return new Promise((resolve, reject) => {
      session
        .info({
          requestOptions: {
            body: {
              contentDisposition: 'render',
              contentType: 'application/dtmf-relay',
              content: `Signal=${tone}\r\nDuration=${KEY_TONE_MS}\r\n`,
            },
          },
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => reject(responseError(response.message)),
          },
        })
        .catch(() => reject(new NetworkError()));
    });
  }

  /**
   * Unsupervised transfer: REFER to `target`. The final NOTIFY decides: 2xx → the transfer is done and we
   * hang up; ≥300, a refused REFER or no final NOTIFY in time → failure, the call stays (on hold) with us.
   */
  transfer(target: URI, context?: CallContext, timeoutMs?: number): Promise<void> {
    const session = this.established();
    const header = context ? formatContextHeader(context) : undefined;
    const referTo = header ? ReferToTarget.withHeader(target, CONTEXT_HEADER, header) : target;
    return this.refer(session, referTo, header ? [`${CONTEXT_HEADER}: ${header}`] : [], timeoutMs);
  }

  /** Supervised transfer: REFER with Replaces of the connected consult call `consult`. */
  attendedTransfer(consult: CallLeg, context?: CallContext): Promise<void> {
    const session = this.established();
    const other = consult.established();
    const headers = context ? [`${CONTEXT_HEADER}: ${formatContextHeader(context)}`] : [];
    return this.refer(session, other, headers);
  }

  private refer(
    session: Session,
    referTo: URI | Session,
    extraHeaders: string[],
    timeoutMs = this.env.settings.transferTimeoutMs,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      let done = false;
      const finish = () => {
        done = true;
        clearTimeout(timer);
        session.stateChange.removeListener(onEnd);
      };
      const fail = (error: SipError) => {
        if (done) return;
        finish();
        this.env.emit({ type: 'sip.transfer.failed', callId: this.callId, error });
        reject(error);
      };
      const succeed = () => {
        if (done) return;
        finish();
        this.env.emit({ type: 'sip.transfer.succeeded', callId: this.callId });
        if (session.state !== SessionState.Established) return resolve();
        this.ending = { type: 'sip.call.ended', callId: this.callId, by: 'local', reason: 'transferred' };
        void this.ackDue.then(() => this.bye(session)).then(resolve);
      };
      const onEnd = (state: SessionState) => {
        if (state === SessionState.Terminated) {
          fail(
            new TransferFailedError(
              'The call ended before the transfer was confirmed; the caller may or may not have been transferred.',
            ),
          );
        }
      };
      const timer = setTimeout(() => fail(new TransferTimeoutError()), timeoutMs);
      session.stateChange.addListener(onEnd);
      const send = (renewed: boolean): Promise<unknown> =>
        session.refer(referTo, {
          requestOptions: { extraHeaders },
          requestDelegate: {
            onAccept: () => {
              if (!done) this.env.emit({ type: 'sip.transfer.accepted', callId: this.callId });
            },
            onReject: (response) => {
              const status = response.message.statusCode ?? 500;
              const refused = () =>
                fail(
                  new TransferFailedError(
                    `The other side refused the transfer (SIP ${status}). The caller is still on the line with you.`,
                    status,
                  ),
                );
              if (renewed || !refusesCredentials(status)) return refused();
              // Refused for our credentials: once more with renewed ones (the call is untouched).
              void this.env.renewCredentials().then((fresh) => {
                if (done) return;
                if (fresh) send(true).catch(() => fail(new NetworkError()));
                else refused();
              });
            },
          },
          // SIP.js hands every later NOTIFY of this dialog here too: only the first final status counts.
          onNotify: (notification) => {
            void notification.accept();
            const status = sipfragStatus(notification.request.body);
            if (done || status === undefined) return;
            if (status < 200)
              this.env.emit({ type: 'sip.transfer.progress', callId: this.callId, statusCode: status });
            else if (status < 300) succeed();
            else {
              fail(
                new TransferFailedError(
                  `The transfer did not go through: ${errorForStatus(status).message} The caller is still on the line with you.`,
                  status,
                ),
              );
            }
          },
        });
      send(false).catch(() => fail(new NetworkError()));
    });
  }
}
