// Mix-minus conference in the agent's browser: every remote party hears the agent and every other
// party but never itself; the agent hears every party. Parties join and leave one at a time without
// disturbing the others (SIP.js has no "unjoin", so the graph is ours).
import { playCadence, type Cadence } from './cadence';
import { ConferenceFullError, MediaError } from './media-errors';

/** One remote leg: what it sends us, and the sender whose track we replace with its personal mix. */
export interface ConferenceLeg {
  id: string;
  remoteStream: MediaStream;
  sender: RTCRtpSender;
}

interface Party {
  leg: ConferenceLeg;
  source: MediaStreamAudioSourceNode;
  mix: MediaStreamAudioDestinationNode;
  /** The agent's microphone as this party hears it: muting the party's call silences it here. */
  microphone: GainNode;
  /** The track the sender carried before joining, restored when the party leaves. */
  originalTrack: MediaStreamTrack | null;
  /** Chromium only feeds a remote WebRTC stream into WebAudio while a media element plays it. */
  keepAlive: HTMLAudioElement | undefined;
}

/** The agent plus four remote parties: the product documents' limit of five. */
export const MAX_CONFERENCE_PARTIES = 5;

export class ConferenceMixer {
  private readonly parties = new Map<string, Party>();
  private readonly microphone: GainNode;
  private readonly agentMix: MediaStreamAudioDestinationNode;
  private readonly microphoneSource: MediaStreamAudioSourceNode;
  /** Tones every party and the agent hear (ringback and busy while a party is added). */
  private readonly tones: GainNode;

  constructor(
    private readonly context: AudioContext,
    microphone: MediaStream,
    private readonly maxParties = MAX_CONFERENCE_PARTIES,
  ) {
    this.microphoneSource = context.createMediaStreamSource(microphone);
    this.microphone = context.createGain();
    this.microphoneSource.connect(this.microphone);
    this.agentMix = context.createMediaStreamDestination();
    this.tones = context.createGain();
    this.tones.connect(this.agentMix);
  }

  /** What the agent hears: every remote party. Play it in one audio element. */
  get agentOutput(): MediaStream {
    return this.agentMix.stream;
  }

  /** Remote party ids, in joining order. */
  get legIds(): string[] {
    return [...this.parties.keys()];
  }

  /** An AudioContext starts suspended outside a user gesture: call this from the agent's click. */
  resume(): Promise<void> {
    return this.context.resume();
  }

  setMicrophoneMuted(muted: boolean): void {
    this.microphone.gain.setValueAtTime(muted ? 0 : 1, this.context.currentTime);
  }

  /**
   * Mutes the agent for one party (a muted or held call): it keeps hearing the others. The call's own track
   * follows, so the call stays muted once it leaves the mix. False when the party is not in the mix.
   */
  setPartyMicrophoneMuted(id: string, muted: boolean): boolean {
    const party = this.parties.get(id);
    if (!party) return false;
    party.microphone.gain.setValueAtTime(muted ? 0 : 1, this.context.currentTime);
    if (party.originalTrack) party.originalTrack.enabled = !muted;
    return true;
  }

  /** Plays a tone to the agent and every party, those joining meanwhile too; returns what stops it. */
  playTone(cadence: Cadence): () => void {
    return playCadence(this.context, this.tones, cadence);
  }

  async add(leg: ConferenceLeg): Promise<void> {
    if (this.parties.has(leg.id))
      throw new MediaError('conference-duplicate-leg', `Leg ${leg.id} is already in the conference.`);
    if (this.parties.size + 1 >= this.maxParties) throw new ConferenceFullError(this.maxParties);
    const keepAlive = typeof Audio === 'function' ? new Audio() : undefined;
    if (keepAlive) {
      keepAlive.muted = true;
      keepAlive.srcObject = leg.remoteStream;
      void keepAlive.play().catch(() => undefined);
    }
    const party: Party = {
      leg,
      source: this.context.createMediaStreamSource(leg.remoteStream),
      mix: this.context.createMediaStreamDestination(),
      microphone: this.context.createGain(),
      originalTrack: leg.sender.track,
      keepAlive,
    };
    // A call muted (or held) before joining stays muted: its own track was disabled.
    if (party.originalTrack?.enabled === false) party.microphone.gain.value = 0;
    this.microphone.connect(party.microphone).connect(party.mix);
    this.tones.connect(party.mix);
    for (const other of this.parties.values()) {
      other.source.connect(party.mix);
      party.source.connect(other.mix);
    }
    party.source.connect(this.agentMix);
    this.parties.set(leg.id, party);
    const [track] = party.mix.stream.getAudioTracks();
    await leg.sender.replaceTrack(track ?? null);
  }

  /** Takes one party out; the others keep hearing each other. Its sender gets its own track back. */
  async remove(id: string): Promise<void> {
    const party = this.parties.get(id);
    if (!party) return;
    this.parties.delete(id);
    party.source.disconnect();
    this.microphone.disconnect(party.microphone);
    party.microphone.disconnect();
    this.tones.disconnect(party.mix);
    for (const other of this.parties.values()) other.source.disconnect(party.mix);
    if (party.keepAlive) party.keepAlive.srcObject = null;
    if (party.leg.sender.transport?.state !== 'closed') {
      await party.leg.sender.replaceTrack(party.originalTrack).catch(() => undefined);
    }
  }

  /** Ends the conference: every remaining sender gets its own track back. */
  async close(): Promise<void> {
    for (const id of [...this.parties.keys()]) await this.remove(id);
    this.microphone.disconnect();
    this.microphoneSource.disconnect();
    this.tones.disconnect();
  }
}
