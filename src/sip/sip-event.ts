// Everything the SIP port reports, as statechart events: `sip.<subject>.<what happened>`. Every call event
// carries the SIP Call-ID as `callId` (stable across 3xx redirects, which reuse it). Outcomes of commands
// are reported here too, so the event stream alone tells the whole story.
import type { CallContext } from './call-context';
import type { CallerIdentity } from './caller-identity';
import type { SipError } from './errors';

export type SipEvent =
  // Connection and registration
  | { type: 'sip.transport.connected' }
  | { type: 'sip.transport.disconnected'; error: SipError }
  | { type: 'sip.registration.registered'; aor: string; expiresSec: number }
  | { type: 'sip.registration.unregistered'; aor: string }
  | { type: 'sip.registration.failed'; error: SipError }
  // Incoming calls, before an answer
  | {
      type: 'sip.invite.received';
      callId: string;
      caller: CallerIdentity;
      /** The validated X-Softphone-Context of the INVITE, if it had a valid one. */
      context?: CallContext;
      /** Set when this INVITE replaces one of our calls (attended transfer, RFC 3891). */
      replacesCallId?: string;
    }
  | { type: 'sip.invite.cancelled'; callId: string }
  | { type: 'sip.invite.answeredElsewhere'; callId: string }
  /** The server's dialog event package reports this dialog of the agent's AOR over (on any device). */
  | { type: 'sip.dialog.terminated'; callId: string }
  | { type: 'sip.invite.timedOut'; callId: string }
  | { type: 'sip.invite.rejected'; callId: string; statusCode: number }
  | { type: 'sip.answer.failed'; callId: string; error: SipError }
  // Outgoing calls, before an answer
  | { type: 'sip.call.dialing'; callId: string; target: string }
  | {
      type: 'sip.call.progress';
      callId: string;
      statusCode: number;
      reasonPhrase: string;
      earlyMedia: boolean;
    }
  | { type: 'sip.call.redirected'; callId: string; target: string; hop: number }
  // Any call
  | { type: 'sip.call.answered'; callId: string }
  | { type: 'sip.call.failed'; callId: string; error: SipError }
  | {
      type: 'sip.call.ended';
      callId: string;
      by: 'local' | 'remote';
      reason: 'hangup' | 'transferred' | 'replaced';
    }
  | { type: 'sip.call.held'; callId: string }
  | { type: 'sip.call.resumed'; callId: string }
  | { type: 'sip.call.refreshed'; callId: string }
  | { type: 'sip.reinvite.failed'; callId: string; operation: 'hold' | 'resume' | 'refresh'; error: SipError }
  | { type: 'sip.reinvite.received'; callId: string; remoteHold: boolean }
  | { type: 'sip.dtmf.received'; callId: string; tone: string }
  /** The far end asked us to call someone else (REFER); it was declined with 603, never followed. */
  | { type: 'sip.refer.received'; callId: string; target: string }
  | { type: 'sip.transfer.accepted'; callId: string }
  | { type: 'sip.transfer.progress'; callId: string; statusCode: number }
  | { type: 'sip.transfer.succeeded'; callId: string }
  | { type: 'sip.transfer.failed'; callId: string; error: SipError }
  | { type: 'sip.message.received'; from: CallerIdentity; body: string; callId?: string };
