// The status vocabulary the LWC lays calls out by, owned here so no component keeps a copy of it
// (the core exposes this module as `view`).
import { IN_PROGRESS_STATUSES } from '../call/line-status';
import type { LineStatus } from '../call/line-status';
import type { CallView, SoftphoneView } from './softphone-view';

export { IN_PROGRESS_STATUSES };

/** Over: the call shows its result or is in wrap-up. */
export const FINISHED_STATUSES: readonly LineStatus[] = ['ended', 'wrapUp'];

/** The far end has left the call or is leaving it: hanging up, over, or in wrap-up. */
export const GONE_STATUSES: readonly LineStatus[] = ['ending', ...FINISHED_STATUSES];

/** One card of the utility, chosen by its call's line status. */
export interface CallCard {
  callId: string;
  call: CallView;
  isIncoming: boolean;
  isWrapUp: boolean;
  isEnded: boolean;
  isActive: boolean;
  /** Ringing while another call is on the phone (call waiting). */
  waiting: boolean;
}

/** One card per call; conference members are listed by the conference panel, not as cards of their own. */
export function callCards(view: SoftphoneView): CallCard[] {
  const busy = (call: CallView): boolean => IN_PROGRESS_STATUSES.includes(call.status);
  return view.calls
    .filter((call) => !call.inConference)
    .map((call) => ({
      callId: call.callId,
      call,
      isIncoming: call.status === 'ringing',
      isWrapUp: call.status === 'wrapUp',
      isEnded: call.status === 'ended',
      isActive: !['ringing', 'wrapUp', 'ended'].includes(call.status),
      waiting: call.status === 'ringing' && view.calls.some((other) => other !== call && busy(other)),
    }));
}
