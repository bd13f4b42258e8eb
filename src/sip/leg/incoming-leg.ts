// What can be done with a call that rings here: answer it (after the microphone check), refuse it, send
// it elsewhere (302), or text the caller and refuse it.
import { Invitation, Messager, SessionState, type URI } from 'sip.js';
import {
  CallNotFoundError,
  IncompatibleMediaError,
  InvalidStateError,
  MicrophoneUnavailableError,
  SipError,
  refusesCredentials,
} from '../errors';
import type { CallLeg } from './call-leg';

const MESSAGE_TIMEOUT_MS = 5000;
export const MAX_MESSAGE = 1000;

function ringing(leg: CallLeg): Invitation {
  const session = leg.sipSession;
  if (!(session instanceof Invitation) || session.state !== SessionState.Initial) {
    throw new InvalidStateError('This call is not ringing.');
  }
  return session;
}

/** Checks the microphone, then answers; settles when the call is connected or could not be. */
export async function answer(leg: CallLeg): Promise<void> {
  const invitation = ringing(leg);
  try {
    await leg.settings.microphoneCheck();
  } catch (cause) {
    const error = cause instanceof SipError ? cause : new MicrophoneUnavailableError();
    leg.report({ type: 'sip.answer.failed', callId: leg.callId, error });
    throw error;
  }
  if (invitation.state !== SessionState.Initial) {
    throw new CallNotFoundError('The caller hung up before the call could be answered.');
  }
  const failure = new IncompatibleMediaError(
    'The call could not be connected: its audio could not be set up.',
  );
  leg.endAs({ type: 'sip.call.failed', callId: leg.callId, error: failure });
  try {
    await invitation.accept();
  } catch {
    throw failure;
  }
}

/** Refuses a ringing call with `statusCode` (486, 603, 480, or 302 with a Contact). */
export async function refuse(leg: CallLeg, statusCode: number, extraHeaders: string[] = []): Promise<void> {
  const invitation = ringing(leg);
  leg.endAs({ type: 'sip.invite.rejected', callId: leg.callId, statusCode });
  await invitation.reject({ statusCode, extraHeaders });
}

/** Refuses a ringing call: busy (486) or decline (603). */
export function reject(leg: CallLeg, reason: 'busy' | 'decline'): Promise<void> {
  return refuse(leg, reason === 'busy' ? 486 : 603);
}

/** Sends a ringing call elsewhere with a 302 whose Contact is `target`; the caller's phone re-dials. */
export function redirect(leg: CallLeg, target: URI): Promise<void> {
  return refuse(leg, 302, [`Contact: <${target.toString()}>`]);
}

/** Texts the caller (SIP MESSAGE to the From address), then refuses the call; says if the text arrived. */
export async function rejectWithMessage(
  leg: CallLeg,
  text: string,
  reason: 'busy' | 'decline',
): Promise<{ delivered: boolean }> {
  const invitation = ringing(leg);
  const body = text.replace(/[^\P{Cc}\n]/gu, '').slice(0, MAX_MESSAGE);
  const delivered = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), MESSAGE_TIMEOUT_MS);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok);
    };
    const send = (renewed: boolean) =>
      new Messager(leg.ua, invitation.remoteIdentity.uri, body, 'text/plain;charset=utf-8')
        .message({
          requestDelegate: {
            onAccept: () => done(true),
            onReject: (response) => {
              // Refused for our credentials: once more with renewed ones.
              if (renewed || !refusesCredentials(response.message.statusCode)) return done(false);
              void leg.renewCredentials().then((fresh) => (fresh ? send(true) : done(false)));
            },
          },
        })
        .catch(() => done(false));
    send(false);
  });
  if (invitation.state === SessionState.Initial) await reject(leg, reason);
  return { delivered };
}
