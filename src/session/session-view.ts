// What a tab shows: the leader's view model plus this tab's part in the session.
import type { PhoneMode } from '../call';
import type { SoftphoneView } from '../view/softphone-view';
import type { TabRole } from './tab-role';

export interface SessionState {
  role: TabRole;
  /** How many other tabs this leader serves (0 in a follower). */
  followers: number;
  /**
   * Calls that were in progress when the tab holding the phone went away: their media lived there, so they
   * ended with it. 0 once a new call starts.
   */
  lostCalls: number;
}

export type SessionView = SoftphoneView & { session: SessionState };

/** Shown while no leader's view has arrived yet (a tab opening, a takeover under way). */
export function waitingView(mode: PhoneMode): SoftphoneView {
  return {
    mode,
    registration: 'registering',
    registrationMessage: null,
    availability: 'available',
    error: null,
    calls: [],
    consultation: null,
    canCompleteTransfer: false,
    canMergeConference: false,
    canCancelConsultation: false,
    canLeaveConference: false,
    canDial: false,
    recentsRevision: 0,
  };
}
