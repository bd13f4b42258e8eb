// A fixture that starts rtpengine (scripts/sip-server/rtpengine.ts), then the project's Kamailio pointing
// at it, for one test file.
import { startKamailio, type KamailioOptions, type KamailioServer } from '../../scripts/sip-server/kamailio';
import { startRtpengine, type Rtpengine } from '../../scripts/sip-server/rtpengine';
import { currentFileHasFailed } from './test-failed';

export interface MediaRelayFixture {
  rtpengine: Rtpengine;
  sip: KamailioServer;
}

/** Starts rtpengine, then Kamailio bridging WebRTC and plain RTP through it, for one test file. */
export function useKamailioWithRtpengine(
  options: Omit<KamailioOptions, 'rtpengine'> = {},
): () => MediaRelayFixture {
  let fixture: Partial<MediaRelayFixture> = {};
  beforeAll(async () => {
    const name = options.name ?? expect.getState().testPath?.split('/').pop();
    const rtpengine = await startRtpengine({ name });
    fixture = { rtpengine };
    fixture.sip = await startKamailio({ name, ...options, rtpengine: rtpengine.ngSocket });
  });
  afterAll(async () => {
    const failed = currentFileHasFailed();
    if (failed) {
      if (fixture.sip) {
        process.stderr.write(
          `\nKamailio log kept at ${fixture.sip.logFile}; last lines:\n${fixture.sip.logTail(80)}\n`,
        );
      }
      if (fixture.rtpengine) {
        process.stderr.write(
          `\nrtpengine log kept at ${fixture.rtpengine.logFile}; last lines:\n${fixture.rtpengine.logTail(60)}\n`,
        );
      }
    }
    await fixture.sip?.stop({ failed });
    await fixture.rtpengine?.stop({ failed });
  });
  return () => {
    const { rtpengine, sip } = fixture;
    if (!rtpengine || !sip) throw new Error('rtpengine/Kamailio not started (beforeAll failed?)');
    return { rtpengine, sip };
  };
}
