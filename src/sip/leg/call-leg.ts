// One call of the phone, named by its SIP Call-ID: the SIP.js session behind it (a new Inviter after each
// 3xx hop of an outgoing call) and its delegate wiring, end and BYE, media and mute. What can be done with
// it lives next door (incoming-leg, outgoing-leg, hold, transfer, dtmf, session-media; reinvite.ts gets
// re-INVITEs through). It decides nothing about the call: it carries out commands and reports SIP outcomes
// to its delegate.
import {
  Invitation,
  SessionState,
  type Cancel,
  type Message,
  type Session,
  type URI,
  type UserAgent,
} from 'sip.js';
import { answeredElsewhere } from '../answered-elsewhere';
import type { CallContext } from '../call-context';
import type { CallMedia } from '../call-media';
import { replacesHeader, type DialogSnapshot } from '../dialog-snapshot';
import { InvalidStateError } from '../errors';
import { identifyCaller } from '../identify-caller';
import { offersHold } from '../offers-hold';
import type { SipEvent } from '../sip-event';
import type { SipPhoneSettings } from '../sip-phone-settings';
import { receivedTone, sendDtmf } from './dtmf';
import { hold, refresh, resume } from './hold';
import { MAX_MESSAGE, answer, redirect, refuse, reject, rejectWithMessage } from './incoming-leg';
import { replaceAudioTrack, sessionMedia } from './session-media';
import { cancel, createInviter, runDial } from './outgoing-leg';
import { Reinvites, type ReinviteMediaOptions } from './reinvite';
import { parseUri } from './shared';
import { attendedTransfer, declineReferral, transfer } from './transfer';

/** What a leg reports: the `sip.*` events of this one call. */
export type LegEvent =
  | Extract<SipEvent, { callId: string }>
  | (Extract<SipEvent, { type: 'sip.message.received' }> & { callId: string });

/** Who listens to a leg: the call's actor (one per leg, set once the leg is handed to it). */
export interface LegDelegate {
  onEvent(event: LegEvent): void;
}

/** What a call needs from its phone. */
export interface LegEnvironment {
  readonly ua: UserAgent;
  readonly settings: SipPhoneSettings;
  /** The phone's own stream of every event (its subscribers: tests, the host, the phone actor). */
  emit(event: SipEvent): void;
  /** False once the phone's calls were left for another page: nothing more is reported. */
  reporting(): boolean;
  /** The server refused our credentials: new ones now; false when none could be had. */
  renewCredentials(): Promise<boolean>;
  /** The call is over: the phone forgets it. */
  release(leg: CallLeg): void;
}

export class CallLeg {
  delegate: LegDelegate | undefined;
  /** This call's re-INVITEs and the ACKs they wait for: the one owner of glare. */
  readonly reinvites: Reinvites;
  /** Aborted when the dialling is given up (cancel, abandon). */
  readonly dialing = new AbortController();
  /** A take-back of a held call: established on hold, so later re-INVITEs (refresh, resume) start from it. */
  startsHeld = false;
  private session: Session;
  /** The event that describes how the call ends, when a command of ours ends it (default: remote ended). */
  private ending: LegEvent | undefined;
  /**
   * Why our microphone is off on this call, as last applied to the media: muted by the agent, or on
   * hold (SIP.js's handler keeps sending on a sendonly hold: the held party would go on hearing us).
   */
  private readonly silenced = { muted: false, held: false };
  private dialOutcome: Promise<void> | undefined;
  /** The far end's re-INVITEs we accepted, so a refresh after a reconnect can tell they refreshed first. */
  private acceptedRemoteOffers = 0;

  private constructor(
    readonly callId: string,
    /** Outgoing calls generated the Call-ID: they are its owner in glare resolution (RFC 3261 §14.1). */
    readonly direction: 'outgoing' | 'incoming',
    session: Session,
    private readonly env: LegEnvironment,
    /** Headers of our own on the INVITE (the call context), repeated on every redirect hop. */
    readonly extraHeaders: string[] = [],
  ) {
    this.session = session;
    this.reinvites = new Reinvites(this);
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
    const inviter = createInviter(env.ua, target, target, options.callId, options.extraHeaders);
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
    const inviter = createInviter(
      env.ua,
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

  get sipSession(): Session {
    return this.session;
  }

  get ua(): UserAgent {
    return this.env.ua;
  }

  get settings(): SipPhoneSettings {
    return this.env.settings;
  }

  /** To the call's delegate and the phone's stream, unless the phone left its calls to another page. */
  report(event: LegEvent): void {
    if (!this.env.reporting()) return;
    this.delegate?.onEvent(event);
    this.env.emit(event);
  }

  renewCredentials(): Promise<boolean> {
    return this.env.renewCredentials();
  }

  /** The call is over for the phone (a failed dial). */
  release(): void {
    this.env.release(this);
  }

  /** Sets how this call's end is reported (e.g. `replaced` before a Replaces INVITE is answered). */
  endAs(event: LegEvent): void {
    this.ending = event;
  }

  /** The dialling goes on with a new INVITE (a redirect hop, or renewed credentials). */
  follow(session: Session): void {
    this.session = session;
    this.attach(session);
  }

  // ---------------------------------------------------------------------------------------------------
  // Session wiring

  private attach(session: Session): void {
    session.delegate = {
      onAck: () => this.reinvites.ackArrived(),
      onCancel: (cancelRequest) => this.onCancel(cancelRequest),
      onInfo: (info) => {
        const tone = receivedTone(info);
        if (tone) this.report({ type: 'sip.dtmf.received', callId: this.callId, tone });
      },
      onInvite: (request, _response, statusCode) => {
        if (statusCode < 200 || statusCode >= 300) return;
        this.acceptedRemoteOffers += 1;
        this.reinvites.expectAck(this.session);
        this.report({
          type: 'sip.reinvite.received',
          callId: this.callId,
          remoteHold: offersHold(request.body),
        });
      },
      onMessage: (message) => this.onMessage(message),
      onRefer: (referral) => declineReferral(this, referral),
    };
    this.reinvites.refuseCrossingInvites(session);
    const onState = (state: SessionState) => {
      if (state === SessionState.Established) {
        session.stateChange.removeListener(onState);
        this.ending = undefined;
        if (this.startsHeld) {
          session.sessionDescriptionHandlerOptionsReInvite = { hold: true } as ReinviteMediaOptions;
          void this.silence('held', true).catch(() => undefined);
        }
        if (this.direction === 'incoming') this.reinvites.expectAck(session);
        else this.reinvites.ackSent();
        this.report({ type: 'sip.call.answered', callId: this.callId });
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

  private finish(fallback: LegEvent): void {
    // A call that ends on hold stops its music.
    if (this.silenced.held) {
      void Promise.resolve(this.env.settings.holdHook?.(this.media(), false)).catch(() => undefined);
    }
    this.report(this.ending ?? fallback);
    this.env.release(this);
  }

  private onCancel(cancelRequest: Cancel): void {
    this.ending = answeredElsewhere(cancelRequest.request.getHeaders('reason'))
      ? { type: 'sip.invite.answeredElsewhere', callId: this.callId }
      : { type: 'sip.invite.cancelled', callId: this.callId };
  }

  private onMessage(message: Message): void {
    void message.accept();
    this.report({
      type: 'sip.message.received',
      callId: this.callId,
      from: identifyCaller(undefined, message.request.from),
      body: (message.request.body ?? '').slice(0, MAX_MESSAGE),
    });
  }

  // ---------------------------------------------------------------------------------------------------
  // Commands

  /** Sends the INVITE and follows 3xx redirects; settles when the call is answered or has failed. */
  dial(): Promise<void> {
    this.dialOutcome ??= runDial(this);
    return this.dialOutcome;
  }

  cancel(): Promise<void> {
    return cancel(this);
  }

  answer(): Promise<void> {
    return answer(this);
  }

  reject(reason: 'busy' | 'decline'): Promise<void> {
    return reject(this, reason);
  }

  redirect(target: URI): Promise<void> {
    return redirect(this, target);
  }

  rejectWithMessage(text: string, reason: 'busy' | 'decline'): Promise<{ delivered: boolean }> {
    return rejectWithMessage(this, text, reason);
  }

  hold(): Promise<void> {
    return hold(this);
  }

  resume(): Promise<void> {
    return resume(this);
  }

  /** How many of the far end's offers were accepted so far: the mark `refresh` compares against. */
  get remoteOffers(): number {
    return this.acceptedRemoteOffers;
  }

  refresh(remoteOffersAtReconnect = this.acceptedRemoteOffers): Promise<void> {
    return refresh(this, remoteOffersAtReconnect);
  }

  sendDtmf(tones: string): Promise<void> {
    return sendDtmf(this, tones);
  }

  transfer(target: URI, context?: CallContext, timeoutMs?: number | false): Promise<void> {
    return transfer(this, target, context, timeoutMs);
  }

  attendedTransfer(consult: CallLeg, context?: CallContext): Promise<void> {
    return attendedTransfer(this, consult, context);
  }

  // ---------------------------------------------------------------------------------------------------
  // Connected

  /** The connected session; throws InvalidStateError otherwise. */
  established(): Session {
    if (this.session.state !== SessionState.Established) {
      throw new InvalidStateError('This needs a connected call.');
    }
    return this.session;
  }

  /** Ends the call whatever its state (the phone is stopping): hang up, cancel, or refuse with 480. */
  async end(): Promise<void> {
    if (this.session instanceof Invitation && this.session.state === SessionState.Initial) {
      return refuse(this, 480);
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
    await this.reinvites.ackSettled();
    const session = this.established();
    this.ending = { type: 'sip.call.ended', callId: this.callId, by: 'local', reason: 'hangup' };
    await this.bye(session);
  }

  /**
   * Sends BYE once any ACK due to us arrived: SIP.js keeps retransmitting a re-INVITE's 2xx forever when its
   * dialog ends before that ACK (a leaked timer), and RFC 3261 §15 asks the same.
   */
  async byeAfterAck(session: Session): Promise<void> {
    await this.reinvites.ackSettled();
    await this.bye(session);
  }

  private bye(session: Session): Promise<void> {
    return new Promise<void>((resolve) => {
      session
        .bye({ requestDelegate: { onAccept: () => resolve(), onReject: () => resolve() } })
        .catch(() => resolve());
    });
  }

  /** The call's media as SIP.js's WebRTC handler holds it (none before an offer/answer, none in Node). */
  media(): CallMedia {
    return sessionMedia(this.callId, this.session);
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
   * Sends `stream`'s audio instead of the current microphone (see replaceAudioTrack); mute still applies.
   * On hold the sender carries the hold music: the new microphone takes the old one's place behind it.
   */
  async replaceMicrophone(stream: MediaStream): Promise<void> {
    this.established();
    const music = this.silenced.held ? this.env.settings.holdHook : undefined;
    await music?.(this.media(), false);
    if (await replaceAudioTrack(this.session, this.media(), stream)) {
      await this.env.settings.muteHook(this.media(), this.silenced.muted || this.silenced.held);
    }
    await music?.(this.media(), true);
  }

  /**
   * The microphone stays off while the call is muted or held; unmuting a held call keeps it off. On hold the
   * held party hears the hold hook's music in its place (the microphone, muted, waits behind it); resuming
   * puts the microphone back first, then applies the agent's mute to it.
   */
  async silence(reason: 'muted' | 'held', on: boolean): Promise<void> {
    const wasHeld = this.silenced.held;
    this.silenced[reason] = on;
    const music = this.env.settings.holdHook;
    if (reason === 'held' && wasHeld && !on) await music?.(this.media(), false);
    // While the music plays, the sender carries it: the mute waits for the microphone to come back.
    if (!(music && wasHeld && this.silenced.held)) {
      await this.env.settings.muteHook(this.media(), this.silenced.muted || this.silenced.held);
    }
    if (reason === 'held' && !wasHeld && on) await music?.(this.media(), true);
  }
}
