// Transfers of a connected call: REFER (blind, or attended with Replaces) followed through the NOTIFYs'
// sipfrag; and the far end's REFER, which is declined. The final NOTIFY decides: 2xx → the transfer is
// done and we hang up; ≥300, a refused REFER, no final NOTIFY in time (when timed) or the dialog's end
// → failure, the call stays with us.
import { SessionState, type Referral, type Session, type URI } from 'sip.js';
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
  const { callId } = leg;
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
      leg.report({ type: 'sip.transfer.failed', callId, error });
      reject(error);
    };
    const succeed = () => {
      if (done) return;
      finish();
      leg.report({ type: 'sip.transfer.succeeded', callId });
      if (session.state !== SessionState.Established) return resolve();
      leg.endAs({ type: 'sip.call.ended', callId, by: 'local', reason: 'transferred' });
      void leg.byeAfterAck(session).then(resolve);
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
    // Without a timer the wait ends with the dialog (onEnd): the caller's hang-up closes the subscription.
    const timer =
      timeoutMs === false ? undefined : setTimeout(() => fail(new TransferTimeoutError()), timeoutMs);
    session.stateChange.addListener(onEnd);
    const send = (renewed: boolean): Promise<unknown> =>
      session.refer(referTo, {
        requestOptions: { extraHeaders },
        requestDelegate: {
          onAccept: () => {
            if (!done) leg.report({ type: 'sip.transfer.accepted', callId });
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
            void leg.renewCredentials().then((fresh) => {
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
          if (status < 200) leg.report({ type: 'sip.transfer.progress', callId, statusCode: status });
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
