// An SDP offer the agent could answer at all. SIP.js only finds out when the agent answers (the media
// handler then fails and SIP.js refuses 480, as if the agent were away); an offer that is not even a
// session description is refused at once with 488 instead, and never rings.

const SDP_LINE = /^[a-z]=[^\r\n]*$/;
const MEDIA_LINE = /^m=[a-z]+ \d{1,5}(?:\/\d+)? [A-Za-z0-9/]+(?: [A-Za-z0-9-]+)+$/;
const REQUIRED = ['v=0', 'o=', 's=', 't='];

/** False for an `application/sdp` body that is not a session description (RFC 4566 line grammar). */
export function isReadableOffer(contentType: string | undefined, body: string | undefined): boolean {
  // No body: a late offer, answered in the 200 OK. Other bodies are SIP.js's to refuse (415).
  if (!body || !/^application\/sdp\b/i.test(contentType ?? '')) return true;
  const lines = body.split(/\r?\n/).filter((line) => line !== '');
  if (!lines.every((line) => SDP_LINE.test(line))) return false;
  if (!REQUIRED.every((prefix) => lines.some((line) => line.startsWith(prefix)))) return false;
  const media = lines.filter((line) => line.startsWith('m='));
  return media.length > 0 && media.every((line) => MEDIA_LINE.test(line));
}
