/** Network figures of one call, as read from WebRTC getStats (RTCP round-trip time, jitter, loss). */
export interface CallQualitySample {
  /** Round-trip time, milliseconds (`remote-inbound-rtp.roundTripTime` × 1000). */
  rttMs: number;
  /** Interarrival jitter, milliseconds (`inbound-rtp.jitter` × 1000). */
  jitterMs: number;
  /** Packets lost over packets expected, 0–100 %. */
  lossPercent: number;
}
