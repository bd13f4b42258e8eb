// A call's re-INVITEs: one offer/answer at a time, never overtaking an ACK, and glare (RFC 3261 §14.1:
// 491, or 500 with Retry-After) retried here and nowhere else. What a re-INVITE is for (hold, resume, an
// ICE restart) is the caller's business (hold.ts); this module only gets it through.
import { SessionState, type Core, type Session } from 'sip.js';
import {
  InvalidStateError,
  NetworkError,
  ReinviteFailedError,
  responseError,
  type SipError,
} from '../errors';
import type { SipPhoneSettings } from '../sip-phone-settings';
import { mediaError, sleep } from './shared';
import type { LegEvent } from './call-leg';

export type ReinviteOperation = 'hold' | 'resume' | 'refresh';

/** The SDH options of a re-INVITE (SIP.js's Web handler reads `hold` and `offerOptions`). */
export interface ReinviteMediaOptions {
  constraints?: object;
  hold?: boolean;
  offerOptions?: { iceRestart?: boolean };
  [option: string]: unknown;
}

/** Why a re-INVITE is retried: 491 Request Pending (glare) or 500 with Retry-After. */
export interface ReinviteRetryCause {
  statusCode: 491 | 500;
  /** True when this phone generated the dialog's Call-ID (it placed the call). */
  isCallIdOwner: boolean;
  /** The Retry-After of a 500, in seconds. */
  retryAfterSec?: number;
  /** 1 for the first retry. */
  retry: number;
}

type ReinviteOutcome =
  { ok: true } | { ok: false; error: SipError; statusCode?: number; retryAfterSec?: number; local?: boolean };

/** How long our re-INVITE trails an ACK we sent; how long we wait for an ACK due to us (Timer H). */
const ACK_HEAD_START_MS = 100;
const ACK_WAIT_MS = 32_000;
/** Answers to a refresh that mean "not back yet" rather than "no". */
const UNREACHABLE = [404, 408, 480, 500, 503];
/** A refresh the far end could not take yet: tried again after 0.5 s, doubling, at most 30 s, ±30 %. */
const UNREACHABLE_RETRY = { firstMs: 500, maxMs: 30_000, jitter: 0.3 };

/**
 * The delay before the `retry`th (1-based) try of a refresh the far end could not take yet (it is
 * registering again too). The jitter spreads the retries of many calls, down to 70 % at the cap.
 */
export function unreachableRetryDelay(retry: number, random: () => number): number {
  const { firstMs, maxMs, jitter } = UNREACHABLE_RETRY;
  const base = Math.min(maxMs, firstMs * 2 ** Math.max(0, retry - 1));
  const jittered = base * (1 + jitter * (2 * random() - 1));
  return Math.round(Math.max(0, Math.min(maxMs, jittered)));
}

/**
 * RFC 3261 §14.1: after a 491 the Call-ID owner waits 2.1–4 s, the other side 0–2 s, so the two retries
 * do not collide again; a 500 is retried after its Retry-After (at most 10 s).
 */
export function reinviteRetryDelay(cause: ReinviteRetryCause, random: () => number = Math.random): number {
  if (cause.statusCode === 500) return Math.min(cause.retryAfterSec ?? 0, 10) * 1000;
  return cause.isCallIdOwner ? 2100 + random() * 1900 : random() * 2000;
}

/** The delta-seconds of a Retry-After header value (`5`, `5;duration=10`, `5 (comment)`), if any. */
export function retryAfterSeconds(value: string | undefined): number | undefined {
  const match = /^\s*(\d{1,6})/.exec(value ?? '');
  return match?.[1] ? Number(match[1]) : undefined;
}

/** What the re-INVITEs need from their call. */
export interface ReinviteHost {
  readonly callId: string;
  /** Outgoing calls generated the Call-ID: they are its owner in glare resolution (RFC 3261 §14.1). */
  readonly direction: 'outgoing' | 'incoming';
  readonly settings: SipPhoneSettings;
  /** The connected session; throws InvalidStateError otherwise. */
  established(): Session;
  report(event: LegEvent): void;
}

export class Reinvites {
  /** Tail of this call's re-INVITEs: each waits for the previous one (one offer/answer at a time). */
  private tail: Promise<unknown> = Promise.resolve();
  /** Settles once the ACK for our last 2xx to an INVITE arrived (or the call ended). */
  private ackDue: Promise<void> = Promise.resolve();
  /** Settles ackDue; replaced by expectAck. */
  private settleAck: () => void = () => undefined;
  /** A re-INVITE of ours is under way, from the making of its offer until its outcome is applied. */
  private reinviting = false;

  constructor(private readonly host: ReinviteHost) {}

  /** Settles once no ACK is due to us any more (BYE and re-INVITEs wait for it, RFC 3261 §15). */
  ackSettled(): Promise<void> {
    return this.ackDue;
  }

  /** The ACK for our last 2xx arrived. */
  ackArrived(): void {
    this.settleAck();
  }

  /** We sent the ACK of our INVITE's 2xx: the next re-INVITE gives it a head start. */
  ackSent(): void {
    this.tail = this.tail.then(() => sleep(ACK_HEAD_START_MS));
  }

  /**
   * RFC 5407 §3.1.4–5: a re-INVITE of ours must not overtake an ACK. After we answered an INVITE (the first
   * one or a re-INVITE) we wait for its ACK: SIP.js would otherwise meet the ACK with our offer pending and
   * hang up with 488. The ACKs we send get a short head start instead (see run).
   */
  expectAck(session: Session): void {
    // SIP.js refuses a new INVITE (500) until the last ACK came: a new one means the old wait is over.
    this.settleAck();
    this.ackDue = new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        session.stateChange.removeListener(onEnd);
        this.settleAck = () => undefined;
        resolve();
      };
      const onEnd = (state: SessionState) => state === SessionState.Terminated && done();
      const timer = setTimeout(done, ACK_WAIT_MS);
      session.stateChange.addListener(onEnd);
      this.settleAck = done;
    });
  }

  /**
   * RFC 3261 §14.2: an INVITE that arrives while ours is under way is answered 491, and each side tries
   * again after its own delay (run). SIP.js does so only while our INVITE transaction is open. Before it
   * (our offer is being made: ICE gathering) and after it (our offer is being rolled back), SIP.js hands
   * the far end's offer to the peer connection, which is not stable: it answers 488 and rolls back again.
   * Measured in Chromium after a SIP server restart, where both ends refresh at once: both refreshes
   * failed with 488 and one end's media stopped.
   */
  refuseCrossingInvites(session: Session): void {
    // A protected method of SIP.js's Session, called by its dialog for each in-dialog INVITE.
    const target = session as unknown as { onInviteRequest(request: Core.IncomingInviteRequest): void };
    const receive = target.onInviteRequest.bind(session);
    target.onInviteRequest = (request) => {
      if (this.reinviting) request.reject({ statusCode: 491 });
      else receive(request);
    };
  }

  /**
   * Queues one re-INVITE and retries it on glare; `accepted` runs inside the queue once the far end took
   * it (before the next re-INVITE starts). A final failure is reported as `sip.reinvite.failed` and thrown.
   */
  run(operation: ReinviteOperation, accepted: () => Promise<void>): Promise<void> {
    const attempt = () => this.withRetry(operation, accepted);
    const result = this.tail.then(attempt, attempt);
    // The next one trails our ACK: a proxy may reorder the two, and the far end would answer 500.
    const headStart = () => sleep(ACK_HEAD_START_MS);
    this.tail = result.then(headStart, headStart);
    return result;
  }

  private async withRetry(operation: ReinviteOperation, accepted: () => Promise<void>): Promise<void> {
    const { settings, callId, direction } = this.host;
    for (let attempt = 1; ; attempt++) {
      await this.ackDue;
      const session = this.host.established();
      const outcome = await this.reinvite(session, operation);
      if (outcome.ok) return accepted();
      const glare =
        outcome.statusCode === 491 || (outcome.statusCode === 500 && outcome.retryAfterSec !== undefined);
      // Right after a reconnect the far end may not be registered again yet: a refresh tries again.
      const unreachable = operation === 'refresh' && !glare && UNREACHABLE.includes(outcome.statusCode ?? 0);
      if (
        (!glare && !unreachable) ||
        attempt >= settings.reinviteMaxAttempts ||
        session.state !== SessionState.Established
      ) {
        const error =
          outcome.error instanceof NetworkError || outcome.error instanceof InvalidStateError
            ? outcome.error
            : new ReinviteFailedError(undefined, outcome.local ? undefined : outcome.statusCode);
        this.host.report({ type: 'sip.reinvite.failed', callId, operation, error });
        throw error;
      }
      if (unreachable) {
        await sleep(unreachableRetryDelay(attempt, settings.random));
        continue;
      }
      await sleep(
        settings.reinviteRetryDelay({
          statusCode: outcome.statusCode === 491 ? 491 : 500,
          isCallIdOwner: direction === 'outgoing',
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
}
