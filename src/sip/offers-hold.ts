/**
 * True when an SDP offer puts us on hold: every audio stream (or the session) is sendonly or inactive,
 * or the old-style connection address 0.0.0.0 (RFC 3264 §8.4, RFC 2543).
 */
export function offersHold(sdp: string | undefined): boolean {
  if (!sdp) return false;
  const [session = '', ...media] = sdp.split(/\r?\n(?=m=)/);
  const direction = (block: string) => /^a=(sendonly|inactive|recvonly|sendrecv)\s*$/m.exec(block)?.[1];
  const sessionDirection = direction(session) ?? 'sendrecv';
  const audio = media.filter((m) => m.startsWith('m=audio') && !/^m=audio 0 /.test(m));
  if (/^c=IN IP4 0\.0\.0\.0\s*$/m.test(session) && audio.length > 0) return true;
  if (audio.length === 0) return sessionDirection === 'sendonly' || sessionDirection === 'inactive';
  return audio.every((m) => {
    const d = direction(m) ?? sessionDirection;
    return d === 'sendonly' || d === 'inactive' || /^c=IN IP4 0\.0\.0\.0\s*$/m.test(m);
  });
}
