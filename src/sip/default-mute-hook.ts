import type { MuteHook } from './mute-hook';

/** Disables (or re-enables) every outgoing track of the call's peer connection; nothing without one. */
export const defaultMuteHook: MuteHook = (media, muted) => {
  for (const sender of media.peerConnection?.getSenders() ?? []) {
    if (sender.track) sender.track.enabled = !muted;
  }
};
