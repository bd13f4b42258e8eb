import { isReadableOffer } from '../is-readable-offer';

const chromiumOffer = [
  'v=0',
  'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'a=extmap-allow-mixed',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126',
  'c=IN IP4 0.0.0.0',
  'a=rtpmap:111 opus/48000/2',
  'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
  '',
].join('\r\n');

describe('isReadableOffer', () => {
  it('reads WebRTC, plain RTP and late offers (no body) as answerable', () => {
    expect(isReadableOffer('application/sdp', chromiumOffer)).toBe(true);
    expect(
      isReadableOffer('application/sdp', 'v=0\no=- 1 1 IN IP4 1.2.3.4\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0\n'),
    ).toBe(true);
    expect(isReadableOffer(undefined, undefined)).toBe(true);
    expect(isReadableOffer('application/sdp', '')).toBe(true);
  });

  it('leaves bodies of other types to SIP.js (415)', () => {
    expect(isReadableOffer('text/plain', 'hello')).toBe(true);
  });

  it('refuses SDP that is not a session description: free text, no media, a broken media line', () => {
    expect(isReadableOffer('application/sdp', 'v=0\r\nthis is not a session description\r\n')).toBe(false);
    expect(isReadableOffer('application/sdp', 'v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n')).toBe(
      false,
    );
    expect(isReadableOffer('Application/SDP', chromiumOffer.replace('m=audio 9', 'm=audio nope'))).toBe(
      false,
    );
    expect(isReadableOffer('application/sdp', chromiumOffer.replace('s=-', ''))).toBe(false);
  });
});
