// Fresh ids for requests, events and deferred screen pops: random, so another tab's or a replayed id never collides.

export function createRequestId(): string {
  const crypto = (globalThis as { crypto?: Partial<Crypto> }).crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  if (typeof crypto?.getRandomValues === 'function') {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  // Last resort (no Web Crypto): unique enough to correlate replies, never used as a secret.
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
