// Browser harness for the real SipPhone with SIP.js's WebRTC handler: the page's microphone is a tone of
// its own frequency (the test picks it), so the spectrum of what a call receives tells whom it hears.
// The same page can be a conference agent: its calls join the host's CallConference (mix-minus).
import { Web } from 'sip.js';
import { CallConference, CallQualityMonitor, HoldMusic, type CallQuality } from '../../../src/media';
import { SipPhone, type SipEvent } from '../../../src/sip';

export interface HarnessStart {
  server: string;
  domain: string;
  user: string;
  password: string;
  /** The tone this page's microphone plays, Hz. */
  frequency: number;
  /** Answer every incoming call at once. */
  autoAnswer?: boolean;
  /** A held call sends the softphone's hold music (src/media/hold-music.ts) instead of silence. */
  holdMusic?: boolean;
}

const context = new AudioContext();
const microphone = context.createGain();
// Quiet enough that five summed tones never clip (clipping would create intermodulation tones).
microphone.gain.value = 0.15;
let phone: SipPhone | undefined;
let domain = '';
let agentHears: AnalyserNode | undefined;
const events: SipEvent[] = [];
const analysers = new Map<string, AnalyserNode>();
/** Keeps remote WebRTC audio flowing into WebAudio: Chromium needs an element playing the stream. */
const players: HTMLAudioElement[] = [];

/** A fresh stream of the tone per call: SIP.js stops a call's local tracks when the call ends. */
function toneStream(): Promise<MediaStream> {
  const destination = context.createMediaStreamDestination();
  microphone.connect(destination);
  return Promise.resolve(destination.stream);
}

function required(): SipPhone {
  if (!phone) throw new Error('harness.start() first');
  return phone;
}

function analyse(stream: MediaStream): AnalyserNode {
  const player = new Audio();
  player.muted = true;
  player.srcObject = stream;
  void player.play().catch(() => undefined);
  players.push(player);
  const analyser = context.createAnalyser();
  analyser.fftSize = 8192;
  // No smoothing: WebAudio smooths each reading with the previous *reading*, however long ago it was, so
  // a tone that stopped seconds ago still showed at -6 dB per reading (the "departed party leak").
  analyser.smoothingTimeConstant = 0;
  context.createMediaStreamSource(stream).connect(analyser);
  return analyser;
}

const READINGS = 4;

/**
 * Level in dB of the strongest bin within ±2 bins of each frequency, as the mean power of READINGS fresh
 * analysis windows (one window apart), so every reading is of the audio of the last ~0.7 s only.
 */
async function levels(analyser: AnalyserNode, frequencies: readonly number[]): Promise<number[]> {
  const bins = new Float32Array(analyser.frequencyBinCount);
  const hz = context.sampleRate / analyser.fftSize;
  const windowMs = (analyser.fftSize / context.sampleRate) * 1000;
  const power = frequencies.map(() => 0);
  for (let reading = 0; reading < READINGS; reading++) {
    if (reading > 0) await new Promise((ok) => setTimeout(ok, windowMs));
    analyser.getFloatFrequencyData(bins);
    frequencies.forEach((f, n) => {
      const i = Math.round(f / hz);
      const db = Math.max(...Array.from(bins.slice(Math.max(0, i - 2), i + 3)));
      power[n]! += 10 ** (db / 10) / READINGS;
    });
  }
  return power.map((p) => 10 * Math.log10(p));
}

function callAnalyser(callId: string): AnalyserNode {
  let analyser = analysers.get(callId);
  if (!analyser) {
    const stream = required().media(callId)?.remoteStream;
    if (!stream || stream.getAudioTracks().length === 0) throw new Error(`call ${callId}: no remote audio`);
    analyser = analyse(stream);
    analysers.set(callId, analyser);
  }
  return analyser;
}

function waitFor(type: SipEvent['type'], callId?: string, timeoutMs = 10_000): Promise<SipEvent> {
  const matches = (e: SipEvent) =>
    e.type === type && (callId === undefined || ('callId' in e && e.callId === callId));
  const seen = events.find(matches);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no ${type} within ${timeoutMs} ms; saw ${events.map((e) => e.type).join(', ')}`));
    }, timeoutMs);
    const unsubscribe = required().subscribe((event) => {
      if (!matches(event)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const conference = new CallConference({
  audioContext: () => context,
  microphone: toneStream,
  media: (callId) => required().media(callId),
});

const harness = {
  async start(options: HarnessStart): Promise<void> {
    const oscillator = context.createOscillator();
    oscillator.frequency.value = options.frequency;
    oscillator.connect(microphone);
    oscillator.start();
    await context.resume();
    domain = options.domain;
    phone = new SipPhone({
      server: options.server,
      aor: `sip:${options.user}@${options.domain}`,
      auth: { kind: 'digest', password: options.password },
      sessionDescriptionHandlerFactory: Web.defaultSessionDescriptionHandlerFactory(toneStream),
      iceGatheringTimeoutMs: 200,
      microphoneCheck: () => Promise.resolve(),
      keepAlive: false,
      ...(options.holdMusic ? { holdHook: new HoldMusic(() => context).hold } : {}),
    });
    phone.subscribe((event) => {
      events.push(event);
      if (event.type === 'sip.invite.received' && options.autoAnswer) {
        void phone?.answer(event.callId).catch(() => undefined);
      }
      // Listen from the start: an analyser needs a moment of audio before its first reading.
      if (event.type === 'sip.call.answered') {
        queueMicrotask(() => {
          try {
            callAnalyser(event.callId);
          } catch {
            // no remote audio yet: created on the first reading instead
          }
        });
      }
      if (event.type === 'sip.call.ended' || event.type === 'sip.call.failed') analysers.delete(event.callId);
    });
    await phone.start();
  },
  stop: () => phone?.stop(),
  /** Dials a user of the domain; resolves once answered, with the Call-ID and the dial → answered time. */
  async dial(user: string): Promise<{ callId: string; ms: number }> {
    let callId = '';
    const ms = await timed(async () => ({ callId } = await required().dial(`sip:${user}@${domain}`)));
    return { callId, ms };
  },
  /** The Call-ID of the latest incoming call, once it arrives. */
  async incoming(): Promise<string> {
    const event = await waitFor('sip.invite.received');
    events.splice(events.indexOf(event), 1);
    return event.type === 'sip.invite.received' ? event.callId : '';
  },
  async waitFor(type: SipEvent['type'], callId?: string): Promise<void> {
    await waitFor(type, callId);
  },
  /** The first quality rating of a call from real getStats, polled every 500 ms. */
  quality(callId: string): Promise<CallQuality> {
    return new Promise((resolve) => {
      const monitor = new CallQualityMonitor({
        intervalMs: 500,
        peerConnection: (id) => required().media(id)?.peerConnection,
        onChange: (_, quality) => {
          monitor.stop();
          resolve(quality);
        },
      });
      monitor.track(callId);
    });
  },
  hold: (callId: string) => timed(() => required().hold(callId)),
  resume: (callId: string) => timed(() => required().resume(callId)),
  mute: (callId: string, muted: boolean) => required().mute(callId, muted),
  sendDtmf: (callId: string, tones: string) => required().sendDtmf(callId, tones),
  hangUp: (callId: string) => required().hangUp(callId),
  callIds: () => required().callIds(),
  /** inbound-rtp bytes received and outbound-rtp bytes sent of a call's audio. */
  async stats(callId: string): Promise<{ bytesReceived: number; bytesSent: number }> {
    const pc = required().media(callId)?.peerConnection;
    if (!pc) throw new Error(`call ${callId}: no peer connection`);
    const totals = { bytesReceived: 0, bytesSent: 0 };
    (await pc.getStats()).forEach(
      (report: { type: string; kind?: string; bytesReceived?: number; bytesSent?: number }) => {
        if (report.kind !== 'audio') return;
        if (report.type === 'inbound-rtp') totals.bytesReceived += report.bytesReceived ?? 0;
        if (report.type === 'outbound-rtp') totals.bytesSent += report.bytesSent ?? 0;
      },
    );
    return totals;
  },
  /** What a call receives: level in dB at each frequency. */
  levels: (callId: string, frequencies: readonly number[]) => levels(callAnalyser(callId), frequencies),

  // Conference agent: this page's calls joined into a mix-minus conference, as createSoftphone does.
  async join(callId: string): Promise<void> {
    await conference.join(callId);
    if (!agentHears && conference.agentOutput) agentHears = analyse(conference.agentOutput);
  },
  leave: (callId: string) => conference.leave(callId),
  /** What the agent hears through the mixer: level in dB at each frequency. */
  agentLevels(frequencies: readonly number[]): Promise<number[]> {
    if (!agentHears) throw new Error('no conference yet');
    return levels(agentHears, frequencies);
  },
};

export type SipPhoneHarness = typeof harness;
(window as unknown as { harness: SipPhoneHarness }).harness = harness;
document.title = 'ready';
