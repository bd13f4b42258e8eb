// Hold, resume and the refresh after a reconnect: re-INVITEs (reinvite.ts gets them through) whose success
// also silences or restores the agent's microphone and is reported.
import type { ReinviteOperation } from './reinvite';
import type { CallLeg } from './call-leg';

const REPORTED = {
  hold: 'sip.call.held',
  resume: 'sip.call.resumed',
  refresh: 'sip.call.refreshed',
} as const;

function reinvite(leg: CallLeg, operation: ReinviteOperation): Promise<void> {
  return leg.reinvites.run(operation, async () => {
    // The SIP outcome stands whatever the media hook does.
    if (operation !== 'refresh') await leg.silence('held', operation === 'hold').catch(() => undefined);
    leg.report({ type: REPORTED[operation], callId: leg.callId });
  });
}

/** Puts the call on hold (re-INVITE sendonly), serialised and retried on glare. */
export function hold(leg: CallLeg): Promise<void> {
  return reinvite(leg, 'hold');
}

/** Takes the call off hold (re-INVITE sendrecv), serialised and retried on glare. */
export function resume(leg: CallLeg): Promise<void> {
  return reinvite(leg, 'resume');
}

/** After a reconnect: a re-INVITE with an ICE restart, so the far end learns our new route. */
export function refresh(leg: CallLeg): Promise<void> {
  return reinvite(leg, 'refresh');
}
