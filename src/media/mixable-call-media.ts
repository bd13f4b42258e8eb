/** What a call offers the mixer (structurally a src/sip CallMedia: media does not import sip). */
export interface MixableCallMedia {
  readonly peerConnection: RTCPeerConnection | undefined;
  readonly remoteStream?: MediaStream;
}
