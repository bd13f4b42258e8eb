// Deskphone mode in Node: the whole core (statecharts, SipPhone) with RTP media handlers, so that the
// agent's device (baresip) hears the connect prompt and its in-band keys are decoded by the project's
// Goertzel detector; plus WAV files for baresip to play as the device (keys, voicemail greeting, tones).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from 'sip.js';
import type { CallRecord } from '../../src/call';
import { createSoftphone, type Softphone } from '../../src/create-softphone';
import type { CallLogEntry, ContactMatch, CrmPort } from '../../src/crm';
import type { ScreenPopTarget } from '../../src/protocol';
import { defaultDialingSettings } from '../../src/dialing';
import { connectPromptSamples, DtmfDetector, dtmfFrequencies } from '../../src/media';
import type { SoftphoneView } from '../../src/view/softphone-view';
import type { KamailioServer } from '../../scripts/sip-server/kamailio';
import { createWireRecorder, type WireRecorder } from './node-sip';
import { RtpSessionDescriptionHandler, RTP_SAMPLE_RATE } from './rtp-media';

export const jane: ContactMatch = {
  id: '003000000000001AAA',
  name: 'Jane Roe',
  objectType: 'Contact',
  phone: '1001',
};

export class RecordingCrm implements CrmPort {
  logged: CallLogEntry[] = [];
  pops: ScreenPopTarget[] = [];
  async searchByNumber(number: string) {
    return number === jane.phone ? [jane] : [];
  }
  async searchByName() {
    return [];
  }
  async screenPop(target: ScreenPopTarget) {
    this.pops.push(target);
  }
  async logCall(entry: CallLogEntry) {
    this.logged.push(entry);
    return { taskId: '00T000000000001AAA' };
  }
  onClickToDial() {
    return () => undefined;
  }
}

export interface DeskphoneAgent {
  softphone: Softphone;
  crm: RecordingCrm;
  /** Media handler of each call leg, by SIP Call-ID. */
  media: Map<string, RtpSessionDescriptionHandler>;
  /** Keys the detector decoded, with when (ms since epoch). */
  keys: { key: string; at: number }[];
  /** Waits until the view satisfies `predicate`. */
  until(
    predicate: (view: SoftphoneView) => boolean,
    label: string,
    timeoutMs?: number,
  ): Promise<SoftphoneView>;
  /** Every view seen, in order (for "never" assertions). */
  views: SoftphoneView[];
  /** Every finished call, as the recents list gets it (missed calls included). */
  recents: CallRecord[];
  /** The SIP messages the panel sent and received. */
  wire: WireRecorder;
  stop(): Promise<void>;
}

export async function startDeskphoneAgent(
  server: KamailioServer,
  options: {
    user: string;
    password: string;
    deviceNumber?: () => string | undefined;
    keyTimeoutSeconds?: number;
    /** How long the customer may take to answer after the key (CallSettings.deskphoneCustomerAnswerSeconds). */
    customerAnswerSeconds?: number;
    mode?: 'deskphone' | 'softphone';
    /** How long an agent's unsupervised transfer waits for its outcome (SipPhoneConfig.transferTimeoutMs). */
    transferTimeoutMs?: number;
  },
): Promise<DeskphoneAgent> {
  const crm = new RecordingCrm();
  const media = new Map<string, RtpSessionDescriptionHandler>();
  const keys: { key: string; at: number }[] = [];
  const views: SoftphoneView[] = [];
  const wire = createWireRecorder();
  const recents: CallRecord[] = [];
  const softphone = createSoftphone({
    sip: {
      server: server.wsUrl,
      aor: `sip:${options.user}@${server.domain}`,
      auth: { kind: 'digest', password: options.password },
      sessionDescriptionHandlerFactory: (session: Session) => {
        const callId = (session as unknown as { request: { callId: string } }).request.callId;
        const handler = new RtpSessionDescriptionHandler(callId);
        media.set(callId, handler);
        return handler;
      },
      microphoneCheck: async () => undefined,
      muteHook: () => undefined,
      keepAlive: false,
      wireTap: wire.tap,
      ...(options.transferTimeoutMs ? { transferTimeoutMs: options.transferTimeoutMs } : {}),
    },
    crm,
    onRecent: (record) => recents.push(record),
    phone: {
      mode: options.mode ?? 'deskphone',
      call: {
        wrapUpSeconds: 30,
        deskphoneKeyTimeoutSeconds: options.keyTimeoutSeconds ?? 6,
        ...(options.customerAnswerSeconds
          ? { deskphoneCustomerAnswerSeconds: options.customerAnswerSeconds }
          : {}),
      },
    },
    dialing: { ...defaultDialingSettings, extensionLengths: [4] },
    device: {
      number: options.deviceNumber ?? (() => undefined),
      playPrompt: (callId) =>
        media.get(callId)?.playLoop(connectPromptSamples(RTP_SAMPLE_RATE)) ?? (() => undefined),
      listenForKeys: (callId, onKey) => {
        const detector = new DtmfDetector({ sampleRate: RTP_SAMPLE_RATE });
        const stop = media.get(callId)?.onAudio((samples) => {
          for (const key of detector.push(samples)) {
            keys.push({ key, at: Date.now() });
            onKey(key);
          }
        });
        return stop ?? (() => undefined);
      },
    },
    qualityIntervalMs: 0,
  });
  softphone.subscribe((view) => views.push(view));
  const until: DeskphoneAgent['until'] = (predicate, label, timeoutMs = 10_000) =>
    new Promise((ok, fail) => {
      const check = (view: SoftphoneView) => {
        if (!predicate(view)) return;
        clearTimeout(timer);
        unsubscribe();
        ok(view);
      };
      const timer = setTimeout(() => {
        unsubscribe();
        fail(
          new Error(
            `timed out waiting for: ${label}; view: ${JSON.stringify(softphone.view().calls, null, 1)}`,
          ),
        );
      }, timeoutMs);
      const unsubscribe = softphone.subscribe(check);
      check(softphone.view());
    });
  softphone.start();
  await until((v) => v.registration === 'registered', 'registered');
  return {
    softphone,
    crm,
    media,
    keys,
    views,
    wire,
    recents,
    until,
    stop: () => softphone.stop(),
  };
}

/** WAV files (8 kHz mono S16LE, as baresip's aufile wants) written once per test file. */
export class DeviceAudio {
  readonly dir = mkdtempSync(join(tmpdir(), 'softphone-deskphone-'));

  /** Silence for `afterSeconds`, the key for 200 ms, then silence for `thenSeconds`. */
  keyPress(key: string, afterSeconds: number, thenSeconds = 60): string {
    const [low, high] = dtmfFrequencies(key);
    return this.write(
      `key-${key}`,
      (t) => {
        if (t < afterSeconds || t >= afterSeconds + 0.2) return 0;
        return 0.25 * (Math.sin(2 * Math.PI * low * t) + Math.sin(2 * Math.PI * high * t));
      },
      afterSeconds + 0.2 + thenSeconds,
    );
  }

  /** A voicemail-like greeting: syllable-like bursts of changing pitch, then the 1 kHz record beep. */
  voicemailGreeting(seconds = 60): string {
    return this.write(
      'voicemail',
      (t) => {
        if (t >= 3 && t < 3.5) return 0.3 * Math.sin(2 * Math.PI * 1000 * t);
        if (t >= 3) return 0;
        const syllable = Math.floor(t / 0.25);
        const pitch = 140 + 40 * Math.sin(syllable * 1.7);
        const envelope = Math.sin((Math.PI * (t % 0.25)) / 0.25);
        // A voice-like harmonic series (fundamental and four harmonics).
        let sample = 0;
        for (let h = 1; h <= 5; h++) sample += Math.sin(2 * Math.PI * pitch * h * t) / h;
        return 0.15 * envelope * sample;
      },
      seconds,
    );
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private write(name: string, signal: (t: number) => number, seconds: number): string {
    const count = Math.round(seconds * RTP_SAMPLE_RATE);
    const data = Buffer.alloc(count * 2);
    for (let i = 0; i < count; i++) {
      const sample = Math.max(-1, Math.min(1, signal(i / RTP_SAMPLE_RATE)));
      data.writeInt16LE(Math.round(sample * 32767), i * 2);
    }
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'ascii');
    header.writeUInt32LE(36 + data.length, 4);
    header.write('WAVE', 8, 'ascii');
    header.write('fmt ', 12, 'ascii');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(RTP_SAMPLE_RATE, 24);
    header.writeUInt32LE(RTP_SAMPLE_RATE * 2, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36, 'ascii');
    header.writeUInt32LE(data.length, 40);
    const path = join(this.dir, `${name}.wav`);
    writeFileSync(path, Buffer.concat([header, data]));
    return path;
  }
}
