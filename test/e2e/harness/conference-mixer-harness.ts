// Browser harness for ConferenceMixer: the agent and N remote parties, each a pair of loopback
// RTCPeerConnections; every participant's microphone is a pure tone of its own frequency, so the
// spectrum of what each one receives tells exactly whom it hears.
import { ConferenceMixer } from '../../../src/media';

const context = new AudioContext();

function tone(frequency: number): MediaStream {
  const osc = context.createOscillator();
  osc.frequency.value = frequency;
  // Quiet enough that five summed tones never clip (clipping would create intermodulation tones).
  const gain = context.createGain();
  gain.gain.value = 0.15;
  const dest = context.createMediaStreamDestination();
  osc.connect(gain).connect(dest);
  osc.start();
  return dest.stream;
}

interface Remote {
  id: string;
  frequency: number;
  /** The party's own side: what it hears. */
  heard: AnalyserNode;
  agentPc: RTCPeerConnection;
  partyPc: RTCPeerConnection;
}

async function connect(a: RTCPeerConnection, b: RTCPeerConnection): Promise<void> {
  a.onicecandidate = (e) => e.candidate && void b.addIceCandidate(e.candidate);
  b.onicecandidate = (e) => e.candidate && void a.addIceCandidate(e.candidate);
  await a.setLocalDescription(await a.createOffer());
  await b.setRemoteDescription(a.localDescription!);
  await b.setLocalDescription(await b.createAnswer());
  await a.setRemoteDescription(b.localDescription!);
}

function analyse(stream: MediaStream): AnalyserNode {
  // Chromium only feeds remote WebRTC audio into WebAudio while an element plays the stream.
  const el = new Audio();
  el.muted = true;
  el.srcObject = stream;
  void el.play();
  const analyser = context.createAnalyser();
  analyser.fftSize = 8192;
  analyser.smoothingTimeConstant = 0.5;
  context.createMediaStreamSource(stream).connect(analyser);
  return analyser;
}

/** Level in dB of the strongest bin within ±2 bins of each frequency. */
function levels(analyser: AnalyserNode, frequencies: number[]): number[] {
  const bins = new Float32Array(analyser.frequencyBinCount);
  analyser.getFloatFrequencyData(bins);
  const hz = context.sampleRate / analyser.fftSize;
  return frequencies.map((f) => {
    const i = Math.round(f / hz);
    return Math.max(...Array.from(bins.slice(Math.max(0, i - 2), i + 3)));
  });
}

const agentFrequency = 440;
const agentMic = tone(agentFrequency);
const mixer = new ConferenceMixer(context, agentMic);
const agentHears = analyse(mixer.agentOutput);
const remotes: Remote[] = [];

const harness = {
  agentFrequency,
  async addParty(id: string, frequency: number) {
    const agentPc = new RTCPeerConnection();
    const partyPc = new RTCPeerConnection();
    const sender = agentPc.addTrack(agentMic.getAudioTracks()[0]!, agentMic);
    const partyMic = tone(frequency);
    partyPc.addTrack(partyMic.getAudioTracks()[0]!, partyMic);
    const remoteAtAgent = new Promise<MediaStream>((ok) => (agentPc.ontrack = (e) => ok(e.streams[0]!)));
    const remoteAtParty = new Promise<MediaStream>((ok) => (partyPc.ontrack = (e) => ok(e.streams[0]!)));
    await connect(agentPc, partyPc);
    const remote: Remote = { id, frequency, heard: analyse(await remoteAtParty), agentPc, partyPc };
    remotes.push(remote);
    await mixer.add({ id, remoteStream: await remoteAtAgent, sender });
  },
  async removeParty(id: string) {
    await mixer.remove(id);
    const i = remotes.findIndex((r) => r.id === id);
    const [gone] = remotes.splice(i, 1);
    gone?.agentPc.close();
    gone?.partyPc.close();
  },
  /** For each listener (agent and parties), its level in dB at every participant's frequency. */
  spectrum() {
    const everyone = [{ id: 'agent', frequency: agentFrequency }, ...remotes];
    const frequencies = everyone.map((p) => p.frequency);
    const table: Record<string, Record<string, number>> = {};
    const listeners: [string, AnalyserNode][] = [
      ['agent', agentHears],
      ...remotes.map((r): [string, AnalyserNode] => [r.id, r.heard]),
    ];
    for (const [listener, analyser] of listeners) {
      const l = levels(analyser, frequencies);
      table[listener] = Object.fromEntries(everyone.map((p, i) => [p.id, l[i]!]));
    }
    return table;
  },
  legIds: () => mixer.legIds,
  resume: () => context.resume(),
};

(window as unknown as { harness: typeof harness }).harness = harness;
document.title = 'ready';
