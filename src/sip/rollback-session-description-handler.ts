// SIP.js's WebRTC session description handler, made to survive a re-INVITE that fails. SIP.js asks the
// handler to roll back an offer after a non-2xx answer to a re-INVITE (491 glare, 480, 488, ...), but its
// Web handler has no rollbackDescription(): the RTCPeerConnection stays in `have-local-offer` and every
// later offer fails locally ("Invalid signaling state have-local-offer"), so hold, resume and refresh
// never reach the wire again. Measured in Chromium after a SIP server restart, where both ends send an
// ICE-restart re-INVITE at once.
import type { SessionDescriptionHandlerFactory } from 'sip.js';
// The classes' own modules, not the `Web` namespace (which would bundle SimpleUser and SessionManager).
import { defaultMediaStreamFactory } from 'sip.js/lib/platform/web/session-description-handler/media-stream-factory-default.js';
import type { MediaStreamFactory } from 'sip.js/lib/platform/web/session-description-handler/media-stream-factory.js';
import { defaultPeerConnectionConfiguration } from 'sip.js/lib/platform/web/session-description-handler/peer-connection-configuration-default.js';
import { SessionDescriptionHandler as WebSessionDescriptionHandler } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler.js';
import type { SessionDescriptionHandlerFactoryOptions } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler-factory-options.js';

/** SIP.js's default when the UA's factory options give no ICE gathering timeout. */
const DEFAULT_ICE_GATHERING_TIMEOUT_MS = 5000;

export class RollbackSessionDescriptionHandler extends WebSessionDescriptionHandler {
  /**
   * Back to the last agreed session: drops our unanswered offer or the far end's unanswered one. (A far
   * end's offer never crosses ours here: the call refuses it with 491 while ours is under way.)
   */
  async rollbackDescription(): Promise<void> {
    const pc = this.peerConnection;
    if (pc?.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
    else if (pc?.signalingState === 'have-remote-offer') await pc.setRemoteDescription({ type: 'rollback' });
  }
}

/** SIP.js's default factory, building the handler above; `mediaStreamFactory` opens the microphone. */
export function rollbackSessionDescriptionHandlerFactory(
  mediaStreamFactory?: MediaStreamFactory,
): SessionDescriptionHandlerFactory {
  return (session, options?: SessionDescriptionHandlerFactoryOptions) =>
    new RollbackSessionDescriptionHandler(
      session.userAgent.getLogger('sip.SessionDescriptionHandler'),
      mediaStreamFactory ?? defaultMediaStreamFactory(),
      {
        iceGatheringTimeout: options?.iceGatheringTimeout ?? DEFAULT_ICE_GATHERING_TIMEOUT_MS,
        peerConnectionConfiguration: {
          ...defaultPeerConnectionConfiguration(),
          ...options?.peerConnectionConfiguration,
        },
      },
    );
}
