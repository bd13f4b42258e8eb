// An outgoing call until it is answered: the INVITE (a new Inviter per 3xx hop, and once more with renewed
// credentials when they were refused), the redirects the dial plan allows, and CANCEL.
import { Inviter, SessionState, type URI, type UserAgent } from 'sip.js';
import {
  CallCancelledError,
  CallRejectedError,
  DeniedDestinationError,
  InvalidStateError,
  TooManyRedirectsError,
  refusesCredentials,
  responseError,
  type SipError,
} from '../errors';
import { destinationOf, redirectTargets } from '../redirect-targets';
import type { ReinviteMediaOptions } from './reinvite';
import { mediaError, printable } from './shared';
import type { CallLeg } from './call-leg';

type InviteOutcome =
  | { kind: 'answered' }
  | { kind: 'redirect'; targets: URI[]; statusCode: number }
  | { kind: 'failed'; error: SipError };

/** An INVITE not sent yet. */
export function createInviter(
  ua: UserAgent,
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
  return new Inviter(ua, target, {
    earlyMedia: true,
    extraHeaders,
    params,
    ...(sessionDescriptionHandlerOptions ? { sessionDescriptionHandlerOptions } : {}),
  });
}

/** Sends the INVITE and follows 3xx redirects; settles when the call is answered or has failed. */
export async function runDial(leg: CallLeg): Promise<void> {
  const first = leg.sipSession as Inviter;
  const to = first.remoteIdentity.uri;
  const visited = new Set([first.request.ruri.toString()]);
  let inviter = first;
  let renewed = false;
  for (let hop = 1; ; hop++) {
    const outcome = await invite(leg, inviter);
    if (outcome.kind === 'answered') return;
    let error = outcome.kind === 'failed' ? outcome.error : undefined;
    // Refused for our credentials (before anyone rang): once more, with renewed ones, to the same target.
    if (
      !renewed &&
      refusesCredentials(error?.statusCode) &&
      !leg.dialing.signal.aborted &&
      (await leg.renewCredentials())
    ) {
      renewed = true;
      inviter = createInviter(
        leg.ua,
        inviter.request.ruri,
        to,
        first.request.callId,
        leg.extraHeaders,
        leg.startsHeld ? { hold: true } : undefined,
      );
      leg.follow(inviter);
      continue;
    }
    if (outcome.kind === 'redirect') {
      // A Contact the dial plan denies is never called: the next one is tried, or the call stops with why.
      let denied: string | null = null;
      const next = outcome.targets.find((t) => {
        if (visited.has(t.toString())) return false;
        const refusal = leg.settings.checkDestination(destinationOf(t));
        denied ??= refusal;
        return refusal === null;
      });
      if (leg.dialing.signal.aborted) error = new CallCancelledError();
      else if (!next && denied !== null) {
        error = new DeniedDestinationError(denied, outcome.statusCode);
      } else if (!next && outcome.targets.length === 0) {
        error = new CallRejectedError(
          `The call was forwarded (SIP ${outcome.statusCode}) without a destination.`,
          outcome.statusCode,
        );
      } else if (!next || hop > leg.settings.maxRedirects) {
        error = new TooManyRedirectsError(undefined, outcome.statusCode);
      } else {
        visited.add(next.toString());
        leg.report({ type: 'sip.call.redirected', callId: leg.callId, target: next.toString(), hop });
        inviter = createInviter(leg.ua, next, to, first.request.callId, leg.extraHeaders);
        leg.follow(inviter);
        continue;
      }
    }
    const failure = error ?? new CallCancelledError();
    leg.report({ type: 'sip.call.failed', callId: leg.callId, error: failure });
    leg.release();
    throw failure;
  }
}

function invite(leg: CallLeg, inviter: Inviter): Promise<InviteOutcome> {
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
            if (leg.sipSession !== inviter || inviter.state !== SessionState.Establishing) return;
            const { statusCode = 180, reasonPhrase = '', body } = response.message;
            const sdp = /^application\/sdp/i.test(response.message.getHeader('content-type') ?? '');
            leg.report({
              type: 'sip.call.progress',
              callId: leg.callId,
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
export async function cancel(leg: CallLeg): Promise<void> {
  if (leg.direction !== 'outgoing' || leg.sipSession.state === SessionState.Established) {
    throw new InvalidStateError('Only an outgoing call that has not been answered can be cancelled.');
  }
  leg.dialing.abort();
  const session = leg.sipSession as Inviter;
  if (session.state === SessionState.Initial || session.state === SessionState.Establishing) {
    await session.cancel();
  }
  await leg.dial().catch(() => undefined);
}
