// SipPhone's commands by SIP Call-ID, for tests and hosts that drive a phone without holding its legs (the
// statechart's call actors hold theirs): each finds the call's leg and hands the command to it.
import type { URI } from 'sip.js';
import type { DialTarget } from '../dialing';
import type { CallContext } from './call-context';
import type { DialogSnapshot } from './dialog-snapshot';
import { InvalidArgumentError } from './errors';
import type { CallLeg } from './leg/call-leg';

/** Options of an outgoing call. */
export interface DialOptions {
  /** Use this SIP Call-ID (8–100 token characters, unique); by default a random one is generated. */
  callId?: string;
  /** The customer this call is about (consult calls): sent as X-Softphone-Context. */
  context?: CallContext;
}

export abstract class CallIdCommands {
  abstract leg(callId: string): CallLeg;
  abstract outgoingLeg(target: string | DialTarget, options?: DialOptions): CallLeg;
  abstract recoveringLeg(snapshot: DialogSnapshot, options?: { held?: boolean }): CallLeg;
  abstract answerLeg(leg: CallLeg): Promise<void>;
  /** `target` as a SIP URI, a number in the phone's domain. */
  protected abstract uriOf(target: string | DialTarget): URI;

  /**
   * Calls `target`. Emits `sip.call.dialing` with the Call-ID at once, then progress/redirect events;
   * settles when answered (with the Call-ID) or rejects with the typed reason (busy, no answer, not found,
   * declined, cancelled, network…).
   */
  async dial(target: string | DialTarget, options: DialOptions = {}): Promise<{ callId: string }> {
    const leg = this.outgoingLeg(target, options);
    await leg.dial();
    return { callId: leg.callId };
  }

  /**
   * Takes back a call (see recoveringLeg). Events and the promise behave as for dial(): `sip.call.answered`
   * once the far end swapped legs, else `sip.call.failed` with its answer (481: it has no such call any
   * more; 420/603: it cannot or will not; no answer: network).
   */
  async recover(snapshot: DialogSnapshot, options: { held?: boolean } = {}): Promise<{ callId: string }> {
    const leg = this.recoveringLeg(snapshot, options);
    await leg.dial();
    return { callId: leg.callId };
  }

  /** Answers a ringing call after checking the microphone (a refusal rejects, the call keeps ringing). */
  async answer(callId: string): Promise<void> {
    return this.answerLeg(this.leg(callId));
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

  /** Sends a ringing call to `target` with a 302 (the caller's phone re-dials it). */
  async redirect(callId: string, target: string | DialTarget): Promise<void> {
    const leg = this.leg(callId);
    return leg.redirect(this.uriOf(target));
  }

  /**
   * Unsupervised transfer of a connected call to `target`. Resolves when the far end reports success
   * (the call is then hung up); rejects when it fails or stays unconfirmed: the call is still there.
   * `timeoutMs`: how long to wait for the outcome (default: the phone's transferTimeoutMs); `false` waits
   * until the caller hangs up, which ends the REFER's subscription with the dialog.
   */
  async transfer(
    callId: string,
    target: string | DialTarget,
    options: { context?: CallContext; timeoutMs?: number | false } = {},
  ): Promise<void> {
    const leg = this.leg(callId);
    return leg.transfer(this.uriOf(target), options.context, options.timeoutMs);
  }

  /** Supervised transfer: connects the caller of `callId` with the far end of the connected `consultCallId`. */
  async attendedTransfer(
    callId: string,
    consultCallId: string,
    options: { context?: CallContext } = {},
  ): Promise<void> {
    return this.leg(callId).attendedTransfer(this.leg(consultCallId), options.context);
  }

  /** Cancels an unanswered outgoing call; settles once the INVITE is over. */
  async cancel(callId: string): Promise<void> {
    return this.leg(callId).cancel();
  }

  /** Refuses a ringing call with 486 Busy Here or 603 Decline. */
  async reject(callId: string, reason: 'busy' | 'decline' = 'busy'): Promise<void> {
    return this.leg(callId).reject(reason);
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
   * Sends the audio of `stream` on a connected call instead of its current microphone, without
   * renegotiating (the agent chose another input); mute and hold still apply. The old input is released.
   */
  async replaceMicrophone(callId: string, stream: MediaStream): Promise<void> {
    await this.leg(callId).replaceMicrophone(stream);
  }
}
