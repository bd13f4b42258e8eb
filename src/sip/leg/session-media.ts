// A call's media as SIP.js's WebRTC handler holds it, and the change of microphone on a connected call.
import type { Session } from 'sip.js';
// The class's own module, not the `Web` namespace (which would bundle SimpleUser and SessionManager).
import { SessionDescriptionHandler as WebSessionDescriptionHandler } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler.js';
import type { CallMedia } from '../call-media';

/** None before an offer/answer, none in Node. */
export function sessionMedia(callId: string, session: Session): CallMedia {
  const handler = session.sessionDescriptionHandler as
    { peerConnection?: RTCPeerConnection; remoteMediaStream?: MediaStream } | undefined;
  const remoteStream = handler?.remoteMediaStream;
  return {
    callId,
    peerConnection: handler?.peerConnection,
    ...(remoteStream ? { remoteStream } : {}),
  };
}

/**
 * Puts `stream`'s audio track on the call with RTCRtpSender.replaceTrack (no renegotiation), and into the
 * handler's local stream in place of the old one, so hanging up releases the new microphone. False, with
 * `stream` released, when the call has no WebRTC handler or audio sender, or `stream` no audio track.
 */
export async function replaceAudioTrack(
  session: Session,
  media: CallMedia,
  stream: MediaStream,
): Promise<boolean> {
  const handler = session.sessionDescriptionHandler;
  const [track] = stream.getAudioTracks();
  const sender = media.peerConnection?.getSenders().find((candidate) => candidate.track?.kind === 'audio');
  if (!(handler instanceof WebSessionDescriptionHandler) || !track || !sender) {
    for (const unused of stream.getTracks()) unused.stop();
    return false;
  }
  await sender.replaceTrack(track);
  const local = handler.localMediaStream;
  for (const old of local.getAudioTracks()) {
    old.stop();
    local.removeTrack(old);
  }
  local.addTrack(track);
  return true;
}
