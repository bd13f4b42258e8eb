// SIP.js's WebRTC session description handler, made to survive a re-INVITE that fails. SIP.js asks the
// handler to roll back an offer after a non-2xx answer to a re-INVITE (491 glare, 480, 488, ...), but its
// Web handler has no rollbackDescription(): the RTCPeerConnection stays in `have-local-offer` and every
// later offer fails locally ("Invalid signaling state have-local-offer"), so hold, resume and refresh
// never reach the wire again. Measured in Chromium after a SIP server restart, where both ends send an
// ICE-restart re-INVITE at once.
import type { SessionDescriptionHandlerFactory, SessionDescriptionHandlerModifier } from 'sip.js';
// The classes' own modules, not the `Web` namespace (which would bundle SimpleUser and SessionManager).
import { defaultMediaStreamFactory } from 'sip.js/lib/platform/web/session-description-handler/media-stream-factory-default.js';
import type { MediaStreamFactory } from 'sip.js/lib/platform/web/session-description-handler/media-stream-factory.js';
import { defaultPeerConnectionConfiguration } from 'sip.js/lib/platform/web/session-description-handler/peer-connection-configuration-default.js';
import { SessionDescriptionHandler as WebSessionDescriptionHandler } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler.js';
import type { SessionDescriptionHandlerFactoryOptions } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler-factory-options.js';
import type { SessionDescriptionHandlerOptions } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler-options.js';
import { InvalidStateError } from './errors/invalid-state-error';

/** SIP.js's default when the UA's factory options give no ICE gathering timeout. */
const DEFAULT_ICE_GATHERING_TIMEOUT_MS = 5000;

export class RollbackSessionDescriptionHandler extends WebSessionDescriptionHandler {
  /** Our offer is being made (set as local description, candidates gathering) and not sent yet. */
  private offering = false;
  /** A remote offer was refused while ours was being made: SIP.js's rollback after it is not ours to do. */
  private refusedOffer = false;

  override getDescription(
    options?: SessionDescriptionHandlerOptions,
    modifiers?: Array<SessionDescriptionHandlerModifier>,
  ): Promise<{ body: string; contentType: string }> {
    if (this.peerConnection?.signalingState !== 'stable') return super.getDescription(options, modifiers);
    this.offering = true;
    this.refusedOffer = false;
    return super.getDescription(options, modifiers).finally(() => {
      this.offering = false;
    });
  }

  /**
   * While our own offer is being made, SIP.js has sent no re-INVITE yet, so it cannot answer the far end's
   * crossing re-INVITE with 491 itself and hands its offer here; the Web handler would apply it as the
   * answer to ours (the peer connection is in `have-local-offer`) and fail. It is refused untouched instead
   * (SIP.js answers 488) and our offer goes out as made.
   */
  override setDescription(
    sdp: string,
    options?: SessionDescriptionHandlerOptions,
    modifiers?: Array<SessionDescriptionHandlerModifier>,
  ): Promise<void> {
    if (this.offering) {
      this.refusedOffer = true;
      // Only SIP.js sees this (it logs it and answers 488).
      return Promise.reject(
        new InvalidStateError("The other side's re-INVITE crossed ours; ours goes first."),
      );
    }
    return super.setDescription(sdp, options, modifiers);
  }

  /** Back to the last agreed session: drops our unanswered offer or the far end's unanswered one. */
  async rollbackDescription(): Promise<void> {
    if (this.offering || this.refusedOffer) {
      this.refusedOffer = false;
      return;
    }
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
