import type { CallMedia } from './call-media';

/** Applies mute to a call's outgoing audio; the media layer provides it (mute never touches SIP). */
export type MuteHook = (media: CallMedia, muted: boolean) => void | Promise<void>;
