// Hold, resume and the refresh after a reconnect: re-INVITEs (reinvite.ts gets them through) whose success
// also silences or restores the agent's microphone and is reported.
import { SessionState } from 'sip.js';
import type { ReinviteOperation } from './reinvite';
import type { CallLeg } from './call-leg';
import { sleep } from './shared';

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

/**
 * After a reconnect: a re-INVITE with an ICE restart, so the far end learns our new route. When the SIP
 * server restarts, both ends reconnect at once and would re-INVITE across each other; the glare rolls
 * both offers back, and Chromium drops the media transport of an end that rolls back an offer made after
 * answering the call (measured: no audio at all until the next offer/answer, up to the 2 s glare retry).
 * So the end that placed the call refreshes at once; the end that answered it waits `refreshYieldMs` and
 * refreshes only if no offer of the far end was accepted since `remoteOffersAtReconnect` (one ICE restart
 * renews both ends' candidates).
 */
export async function refresh(leg: CallLeg, remoteOffersAtReconnect: number): Promise<void> {
  if (leg.direction === 'incoming') {
    await sleep(leg.settings.refreshYieldMs);
    if (leg.remoteOffers > remoteOffersAtReconnect) {
      leg.report({ type: 'sip.call.refreshed', callId: leg.callId });
      return;
    }
    if (leg.sipSession.state !== SessionState.Established) return;
  }
  return reinvite(leg, 'refresh');
}
