// The tab session: one phone per browser however many tabs (leader election, view mirror, command proxy).
export { createTabSoftphone } from './tab-softphone';
export type { TabSoftphone, TabSessionOptions } from './tab-softphone';
export type { SoftphonePort, DialOptions, DialSource } from './softphone-port';
export type { SessionView, SessionState } from './session-view';
export type { TabRole } from './tab-role';
export type { TabLeadership } from './tab-leadership';
export { LockLeadership } from './lock-leadership';
export { ChannelLeadership, defaultChannelLeadershipTimings } from './channel-leadership';
export type { ChannelLeadershipTimings } from './channel-leadership';
export type { ChannelPort, OpenChannel } from './channel-port';
export type { LockManagerLike, HeldLock } from './lock-manager';
export { MIRROR_VERSION } from './mirror-message';
export type { AudioDevices, MirrorMessage, MirrorCommand, ForwardedEvent } from './mirror-message';
export { validateMirrorMessage } from './validate-mirror-message';
export type { MirrorValidation } from './validate-mirror-message';
export { SessionError, sessionErrorMessages } from './session-error';
export type { SessionErrorCode } from './session-error';
