// SIP.js's WebRTC session description handler, made to survive a re-INVITE that fails. SIP.js asks the
// handler to roll back an offer after a non-2xx answer to a re-INVITE (491 glare, 480, 488, ...), but its
// Web handler has no rollbackDescription(): the RTCPeerConnection stays in `have-local-offer` and every
// later offer fails locally ("Invalid signaling state have-local-offer"), so hold, resume and refresh
// never reach the wire again. Measured in Chromium after a SIP server restart, where both ends send an
// ICE-restart re-INVITE at once. It also starts from a peer connection prepared ahead (ice-prefetch.ts).
import type { SessionDescriptionHandlerFactory } from 'sip.js';
import type { SessionDescriptionHandlerConfiguration } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler-configuration.js';
// The classes' own modules, not the `Web` namespace (which would bundle SimpleUser and SessionManager).
import { defaultMediaStreamFactory } from 'sip.js/lib/platform/web/session-description-handler/media-stream-factory-default.js';
import type { MediaStreamFactory } from 'sip.js/lib/platform/web/session-description-handler/media-stream-factory.js';
import { defaultPeerConnectionConfiguration } from 'sip.js/lib/platform/web/session-description-handler/peer-connection-configuration-default.js';
import { SessionDescriptionHandler as WebSessionDescriptionHandler } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler.js';
import type { SessionDescriptionHandlerFactoryOptions } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler-factory-options.js';

/** SIP.js's default when the UA's factory options give no ICE gathering timeout. */
const DEFAULT_ICE_GATHERING_TIMEOUT_MS = 5000;

/** Where a call's peer connection configuration and its prepared peer connection come from. */
export interface IceSource {
  /** The configuration now (the TURN credentials are the current ones). */
  configuration(): RTCConfiguration;
  /** A peer connection whose candidates are gathered or under way, when one was prepared. */
  take(): RTCPeerConnection | undefined;
}

export class RollbackSessionDescriptionHandler extends WebSessionDescriptionHandler {
  constructor(
    logger: ConstructorParameters<typeof WebSessionDescriptionHandler>[0],
    mediaStreamFactory: MediaStreamFactory,
    configuration: SessionDescriptionHandlerConfiguration,
    prepared?: RTCPeerConnection,
  ) {
    // SIP.js builds its own peer connection: with one prepared, that one is a stand-in (no servers, no
    // gathering) closed at once, and the prepared one takes its place before anything uses it.
    super(
      logger,
      mediaStreamFactory,
      prepared ? { ...configuration, peerConnectionConfiguration: { iceServers: [] } } : configuration,
    );
    if (!prepared) return;
    // Both members are private in SIP.js's typings; the constructor above is all that sets them.
    const self = this as unknown as {
      _peerConnection: RTCPeerConnection | undefined;
      initPeerConnectionEventHandlers(): void;
    };
    self._peerConnection?.close();
    self._peerConnection = prepared;
    self.initPeerConnectionEventHandlers();
  }

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

/**
 * SIP.js's default factory, building the handler above; `mediaStreamFactory` opens the microphone. `ice`:
 * the configuration read at each call and the prepared peer connections (default: the UA's options).
 */
export function rollbackSessionDescriptionHandlerFactory(
  mediaStreamFactory?: MediaStreamFactory,
  ice?: IceSource,
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
          ...ice?.configuration(),
        },
      },
      ice?.take(),
    );
}
