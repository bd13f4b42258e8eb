/** What the media layer may touch of a call: its RTCPeerConnection in a browser, nothing in Node tests. */
export interface CallMedia {
  readonly callId: string;
  readonly peerConnection: RTCPeerConnection | undefined;
  /** What the far end sends (play it, mix it into a conference); absent without a WebRTC handler. */
  readonly remoteStream?: MediaStream;
}
