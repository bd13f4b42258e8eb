import { answeredElsewhere } from '../answered-elsewhere';
import { dtmfTones } from '../leg/dtmf';
import { offersHold } from '../offers-hold';
import { retryAfterSeconds } from '../leg/reinvite';
import { sipfragStatus } from '../sipfrag-status';

const sdp = (...lines: string[]) =>
  ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', ...lines, ''].join('\r\n');

describe('SIP message readers', () => {
  test('a sipfrag body gives its status code', () => {
    expect(sipfragStatus('SIP/2.0 200 OK')).toBe(200);
    expect(sipfragStatus('SIP/2.0 100 Trying\r\nContent-Length: 0')).toBe(100);
    expect(sipfragStatus('SIP/2.0 486 Busy Here')).toBe(486);
    expect(sipfragStatus('INVITE sip:x SIP/2.0')).toBeUndefined();
    expect(sipfragStatus(undefined)).toBeUndefined();
  });

  test('Retry-After gives its delta-seconds', () => {
    expect(retryAfterSeconds('5')).toBe(5);
    expect(retryAfterSeconds('7;duration=60')).toBe(7);
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(retryAfterSeconds(undefined)).toBeUndefined();
  });

  test('a CANCEL with Reason cause=200 means the call was answered elsewhere', () => {
    expect(answeredElsewhere(['SIP;cause=200;text="Call completed elsewhere"'])).toBe(true);
    expect(answeredElsewhere(['Q.850;cause=16, SIP;cause=200;text="OK"'])).toBe(true);
    expect(answeredElsewhere(['SIP;cause=487;text="Request Terminated"'])).toBe(false);
    expect(answeredElsewhere(['SIP;cause=2000'])).toBe(false);
    expect(answeredElsewhere([])).toBe(false);
  });

  test('an offer puts us on hold when its audio is sendonly, inactive or at 0.0.0.0', () => {
    expect(offersHold(sdp('m=audio 9 RTP/AVP 0', 'a=sendonly'))).toBe(true);
    expect(offersHold(sdp('a=inactive', 'm=audio 9 RTP/AVP 0'))).toBe(true);
    expect(offersHold(sdp('m=audio 9 RTP/AVP 0', 'a=sendrecv'))).toBe(false);
    expect(offersHold(sdp('m=audio 9 RTP/AVP 0'))).toBe(false);
    expect(offersHold(sdp('m=audio 9 RTP/AVP 0', 'a=recvonly'))).toBe(false);
    expect(offersHold(sdp('m=audio 9 RTP/AVP 0').replace('c=IN IP4 127.0.0.1', 'c=IN IP4 0.0.0.0'))).toBe(
      true,
    );
    expect(offersHold(undefined)).toBe(false);
  });

  test('DTMF accepts keypad characters and pauses, upper-cased, and nothing else', () => {
    expect(dtmfTones('123*#abcd,9')).toBe('123*#ABCD,9');
    expect(() => dtmfTones('')).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(() => dtmfTones('12\r\nX')).toThrow(/DTMF/);
    expect(() => dtmfTones('1'.repeat(65))).toThrow(/DTMF/);
  });
});
