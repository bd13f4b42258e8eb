// Transfers of a connected call: REFER (blind, or attended with Replaces) followed through the NOTIFYs'
// sipfrag; and the far end's REFER, which is declined. The final NOTIFY decides: 2xx → the transfer is
// done and we hang up; ≥300, a refused REFER, no final NOTIFY in time (when timed) or the dialog's end
// → failure, the call stays with us.
import { SessionState, type Notification, type Referral, type Session, type URI } from 'sip.js';
import type { CallContext } from '../call-context';
import { CONTEXT_HEADER, formatContextHeader } from '../context-header';
import {
  NetworkError,
  TransferFailedError,
  TransferTimeoutError,
  errorForStatus,
  refusesCredentials,
  type SipError,
} from '../errors';
import { ReferToTarget } from '../refer-to-target';
import { sipfragStatus } from '../sipfrag-status';
import { printable } from './shared';
import type { CallLeg } from './call-leg';

/** Unsupervised transfer: REFER to `target`. */
export async function transfer(
  leg: CallLeg,
  target: URI,
  context?: CallContext,
  timeoutMs?: number | false,
): Promise<void> {
  const session = leg.established();
  const header = context ? formatContextHeader(context) : undefined;
  const referTo = header ? ReferToTarget.withHeader(target, CONTEXT_HEADER, header) : target;
  return refer(leg, session, referTo, header ? [`${CONTEXT_HEADER}: ${header}`] : [], timeoutMs);
}

/** Supervised transfer: REFER with Replaces of the connected consult call `consult`. */
export async function attendedTransfer(leg: CallLeg, consult: CallLeg, context?: CallContext): Promise<void> {
  const session = leg.established();
  const other = consult.established();
  const headers = context ? [`${CONTEXT_HEADER}: ${formatContextHeader(context)}`] : [];
  return refer(leg, session, other, headers);
}

/** The far end may not move our call elsewhere: the REFER is declined and reported, never followed. */
export function declineReferral(leg: CallLeg, referral: Referral): void {
  let target = '';
  try {
    target = printable(referral.referTo.uri.toString(), 256);
  } catch {
    target = '';
  }
  void referral.reject({ statusCode: 603, reasonPhrase: 'Decline' });
  leg.report({ type: 'sip.refer.received', callId: leg.callId, target });
}

function refer(
  leg: CallLeg,
  session: Session,
  referTo: URI | Session,
  extraHeaders: string[],
  timeoutMs: number | false = leg.settings.transferTimeoutMs,
): Promise<void> {
  return new Promise((resolve, reject) => {
    new PendingRefer(leg, session, referTo, extraHeaders, { resolve, reject }).start(timeoutMs);
  });
}

/**
 * One REFER of ours followed to its outcome: the first final word (a final NOTIFY, a refusal, the timer,
 * the dialog's end) settles it and is reported; whatever comes after is ignored.
 */
class PendingRefer {
  private done = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly leg: CallLeg,
    private readonly session: Session,
    private readonly referTo: URI | Session,
    private readonly extraHeaders: string[],
    private readonly outcome: { resolve: () => void; reject: (error: SipError) => void },
  ) {}

  start(timeoutMs: number | false): void {
    // Without a timer the wait ends with the dialog (onEnd): the caller's hang-up closes the subscription.
    if (timeoutMs !== false) this.timer = setTimeout(() => this.fail(new TransferTimeoutError()), timeoutMs);
    this.session.stateChange.addListener(this.onEnd);
    this.send(false);
  }

  private readonly onEnd = (state: SessionState): void => {
    if (state === SessionState.Terminated) {
      this.fail(
        new TransferFailedError(
          'The call ended before the transfer was confirmed; the caller may or may not have been transferred.',
        ),
      );
    }
  };

  private send(renewed: boolean): void {
    const { leg } = this;
    this.session
      .refer(this.referTo, {
        requestOptions: { extraHeaders: this.extraHeaders },
        requestDelegate: {
          onAccept: () => {
            if (!this.done) leg.report({ type: 'sip.transfer.accepted', callId: leg.callId });
          },
          onReject: (response) => this.refused(response.message.statusCode ?? 500, renewed),
        },
        // SIP.js hands every later NOTIFY of this dialog here too: only the first final status counts.
        onNotify: (notification) => this.notified(notification),
      })
      .catch(() => this.fail(new NetworkError()));
  }

  private refused(status: number, renewed: boolean): void {
    const refused = () =>
      this.fail(
        new TransferFailedError(
          `The other side refused the transfer (SIP ${status}). The caller is still on the line with you.`,
          status,
        ),
      );
    if (renewed || !refusesCredentials(status)) return refused();
    // Refused for our credentials: once more with renewed ones (the call is untouched).
    void this.leg.renewCredentials().then((fresh) => {
      if (this.done) return;
      if (fresh) this.send(true);
      else refused();
    });
  }

  private notified(notification: Notification): void {
    void notification.accept();
    const status = sipfragStatus(notification.request.body);
    if (this.done || status === undefined) return;
    if (status < 200) {
      this.leg.report({ type: 'sip.transfer.progress', callId: this.leg.callId, statusCode: status });
    } else if (status < 300) this.succeed();
    else {
      this.fail(
        new TransferFailedError(
          `The transfer did not go through: ${errorForStatus(status).message} The caller is still on the line with you.`,
          status,
        ),
      );
    }
  }

  private finish(): void {
    this.done = true;
    clearTimeout(this.timer);
    this.session.stateChange.removeListener(this.onEnd);
  }

  private fail(error: SipError): void {
    if (this.done) return;
    this.finish();
    this.leg.report({ type: 'sip.transfer.failed', callId: this.leg.callId, error });
    this.outcome.reject(error);
  }

  private succeed(): void {
    if (this.done) return;
    this.finish();
    const { leg, session } = this;
    leg.report({ type: 'sip.transfer.succeeded', callId: leg.callId });
    if (session.state !== SessionState.Established) return this.outcome.resolve();
    leg.endAs({ type: 'sip.call.ended', callId: leg.callId, by: 'local', reason: 'transferred' });
    void leg.byeAfterAck(session).then(this.outcome.resolve);
  }
}
