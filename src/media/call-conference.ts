// The host's conference: joins calls' media into one ConferenceMixer, created on the first join with
// the host's AudioContext and the agent's microphone (both injected, so Node tests need no media).
import type { ConferenceTone } from '../call';
import { ConferenceMixer } from './conference-mixer';
import { CONFERENCE_TONES } from './conference-tones';
import type { CallConferenceOptions } from './call-conference-options';
import { MediaError } from './media-errors';

export class CallConference {
  private mixer: Promise<ConferenceMixer> | undefined;
  private output: MediaStream | undefined;
  /** The mixer once created (muting is synchronous, like the track it replaces). */
  private ready: ConferenceMixer | undefined;
  /** The peer connection of each call in the mix, to tell a conferenced call's mute from a plain one. */
  private readonly joined = new Map<string, RTCPeerConnection | undefined>();
  /** The tone asked for, and what stops it once it plays (it waits for the mix to exist). */
  private tone: { name: ConferenceTone; stop?: () => void } | undefined;

  constructor(private readonly options: CallConferenceOptions) {}

  /** What the agent hears of the conference (undefined before the first join): play it. */
  get agentOutput(): MediaStream | undefined {
    return this.output;
  }

  /** Mixes a connected call in: it hears the agent and every other party, and they hear it. */
  async join(callId: string): Promise<void> {
    const media = this.options.media(callId);
    const sender = media?.peerConnection?.getSenders().find((s) => s.track?.kind === 'audio');
    if (!media?.remoteStream || !sender) {
      throw new MediaError(
        'conference-no-media',
        'This call has no audio to mix into the conference. Hang it up and call again.',
      );
    }
    const mixer = await this.ensureMixer();
    await mixer.add({ id: callId, remoteStream: media.remoteStream, sender });
    this.joined.set(callId, media.peerConnection);
  }

  /**
   * Mutes (or unmutes) the agent for the conferenced call on this peer connection, in the mix: its sender
   * carries the mix, so disabling its track would silence everyone for that party. False when that call
   * is not in the conference (mute its own track instead).
   */
  muteCall(peerConnection: RTCPeerConnection | undefined, muted: boolean): boolean {
    const callId = [...this.joined].find(([, pc]) => pc === peerConnection)?.[0];
    if (!peerConnection || callId === undefined || !this.ready) return false;
    return this.ready.setPartyMicrophoneMuted(callId, muted);
  }

  /**
   * Plays a tone to every party and the agent until the returned function is called; asked for before the
   * mix exists (the first calls are still joining), it starts with the mix.
   */
  playTone(name: ConferenceTone): () => void {
    this.stopTone();
    const tone: { name: ConferenceTone; stop?: () => void } = { name };
    this.tone = tone;
    this.startTone();
    return () => {
      if (this.tone === tone) this.stopTone();
    };
  }

  /** Takes a call out; the others keep hearing each other. Unknown calls are ignored. */
  async leave(callId: string): Promise<void> {
    this.joined.delete(callId);
    const mixer = await this.mixer;
    await mixer?.remove(callId);
  }

  /** The AudioContext starts suspended outside a user gesture: call this from the agent's click. */
  async resume(): Promise<void> {
    await (await this.mixer)?.resume();
  }

  async close(): Promise<void> {
    this.stopTone();
    const mixer = await this.mixer?.catch(() => undefined);
    this.mixer = undefined;
    this.ready = undefined;
    this.output = undefined;
    this.joined.clear();
    await mixer?.close();
  }

  private startTone(): void {
    if (this.tone && !this.tone.stop && this.ready)
      this.tone.stop = this.ready.playTone(CONFERENCE_TONES[this.tone.name]);
  }

  private stopTone(): void {
    this.tone?.stop?.();
    this.tone = undefined;
  }

  private ensureMixer(): Promise<ConferenceMixer> {
    this.mixer ??= this.options
      .microphone()
      .then((microphone) => {
        const mixer = new ConferenceMixer(this.options.audioContext(), microphone, this.options.maxParties);
        this.output = mixer.agentOutput;
        this.ready = mixer;
        this.startTone();
        return mixer;
      })
      .catch((error: unknown) => {
        this.mixer = undefined;
        throw error;
      });
    return this.mixer;
  }
}
