// DTMF on a call: keys we send (RFC 4733 telephone-events, or SIP INFO) and keys the far end sends by INFO.
// Keypad input: 0-9, *, #, A-D, and "," for a 2 s pause.
import type { Info, Session } from 'sip.js';
import { InvalidArgumentError, NetworkError, responseError } from '../errors';
import { sleep } from './shared';
import type { CallLeg } from './call-leg';

const TONES = /^[0-9A-D*#,]{1,64}$/;
const DTMF_PAUSE_MS = 2000;
/**
 * How long each key sounds, and the silence between keys. Chromium's NetEq plays an RFC 4733 event out for
 * well under its length (measured: 30–45 ms of tone for a 100 ms event, 70–90 ms for 200 ms), and an
 * in-band listener needs 40 ms (ITU-T Q.24): at 160 ms, as a key held by a person, 32 keys of 32 were heard.
 */
const KEY_TONE_MS = 160;
const KEY_GAP_MS = 70;

/** The tones upper-cased; throws InvalidArgumentError unless they are 1 to 64 keypad characters. */
export function dtmfTones(tones: string): string {
  const upper = tones.toUpperCase();
  if (!TONES.test(upper)) {
    throw new InvalidArgumentError('DTMF tones are 1 to 64 of 0-9, *, #, A-D and "," (pause).');
  }
  return upper;
}

/** Accepts the far end's INFO; the key it carries (dtmf-relay or dtmf body), if any. */
export function receivedTone(info: Info): string | undefined {
  void info.accept();
  const type = info.request.getHeader('content-type') ?? '';
  const body = info.request.body ?? '';
  const tone = /^application\/dtmf-relay/i.test(type)
    ? /^\s*Signal\s*=\s*([0-9A-D*#])/im.exec(body)?.[1]
    : /^application\/dtmf\b/i.test(type)
      ? /^\s*([0-9A-D*#])\s*$/i.exec(body)?.[1]
      : undefined;
  return tone?.toUpperCase();
}

/** Sends DTMF: RTP telephone-events (RFC 4733) when configured and possible, else one SIP INFO per tone. */
export async function sendDtmf(leg: CallLeg, tones: string): Promise<void> {
  const keys = dtmfTones(tones);
  const session = leg.established();
  const events = { duration: KEY_TONE_MS, interToneGap: KEY_GAP_MS };
  if (leg.settings.dtmf === 'rfc4733' && session.sessionDescriptionHandler?.sendDtmf(keys, events)) return;
  for (const key of keys) {
    if (key === ',') await sleep(DTMF_PAUSE_MS);
    else await info(leg.established(), key);
  }
}

function info(session: Session, tone: string): Promise<void> {
  return new Promise((resolve, reject) => {
    session
      .info({
        requestOptions: {
          body: {
            contentDisposition: 'render',
            contentType: 'application/dtmf-relay',
            content: `Signal=${tone}\r\nDuration=${KEY_TONE_MS}\r\n`,
          },
        },
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: (response) => reject(responseError(response.message)),
        },
      })
      .catch(() => reject(new NetworkError()));
  });
}
