// Call quality from getStats for as long as each call is connected: the monitor follows the calls, the
// host says when one connects and when it ends (the root feeds it SIP's events).
import type { CallQualityRating } from './call-quality-rating';
import { CallQualityMonitor } from './call-quality-monitor';

export interface CallQualityWatchInput {
  /** How often each connected call's getStats is read; 0 or less: never (no rating at all). */
  intervalMs: number;
  peerConnection: (callId: string) => RTCPeerConnection | undefined;
  /** A call's rating changed (or it got its first one). */
  onChange: () => void;
  /** Calls back when a call connects and when it ends; returns the unsubscribe. */
  follow(calls: { connected(callId: string): void; ended(callId: string): void }): () => void;
}

export interface CallQualityWatch {
  rating(callId: string): CallQualityRating | undefined;
  /** Stops measuring every call (the phone stopped or the page left). */
  stop(): void;
}

export function watchCallQuality({
  intervalMs,
  peerConnection,
  onChange,
  follow,
}: CallQualityWatchInput): CallQualityWatch {
  if (intervalMs <= 0) return { rating: () => undefined, stop: () => undefined };
  const monitor = new CallQualityMonitor({ intervalMs, peerConnection, onChange });
  const stopFollowing = follow({
    connected: (callId) => monitor.track(callId),
    ended: (callId) => monitor.untrack(callId),
  });
  return {
    rating: (callId) => monitor.quality(callId)?.rating,
    stop() {
      stopFollowing();
      monitor.stop();
    },
  };
}
