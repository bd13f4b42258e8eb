// What the held party hears: music sent on the held call in place of the agent's microphone (the sender's
// track is replaced, no renegotiation), while the agent hears none of it (nothing plays here). The music is
// the admin's own recording when one is set and loads, else the melody synthesised in hold-melody.ts.
import { holdMelody } from './hold-melody';
import type { MixableCallMedia } from './mixable-call-media';

export interface HoldMusicOptions {
  /** The admin's own recording (e.g. a static resource's URL); the melody plays when absent or unusable. */
  url?: string;
  /** Told why the recording cannot be used (the melody plays instead). */
  onWarning?: (message: string) => void;
  /** Fetches the recording (default: fetch). */
  fetch?: (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'arrayBuffer'>>;
}

/** A held call as the music sees it (structurally a src/sip CallMedia). */
export type HeldCallMedia = MixableCallMedia & { readonly callId: string };

interface Playing {
  source: AudioBufferSourceNode;
  sender: RTCRtpSender;
  /** The microphone the sender carried, put back on resume exactly as it was (device and mute). */
  microphone: MediaStreamTrack | null;
}

export class HoldMusic {
  private readonly playing = new Map<string, Playing>();
  /** Each call's hold and resume in the order asked, so a quick resume never overtakes its hold. */
  private readonly steps = new Map<string, Promise<void>>();
  private music: Promise<AudioBuffer> | undefined;

  constructor(
    private readonly context: () => AudioContext,
    private readonly options: HoldMusicOptions = {},
  ) {}

  /** The hold hook: music on the call while `held`, its own microphone back afterwards. */
  readonly hold = (media: HeldCallMedia, held: boolean): Promise<void> =>
    this.inOrder(media.callId, () => (held ? this.start(media) : this.stop(media.callId)));

  private inOrder(callId: string, step: () => Promise<void>): Promise<void> {
    const next = (this.steps.get(callId) ?? Promise.resolve()).then(step);
    const settled = next.catch(() => undefined);
    this.steps.set(callId, settled);
    void settled.then(() => {
      if (this.steps.get(callId) === settled) this.steps.delete(callId);
    });
    return next;
  }

  private async start(media: HeldCallMedia): Promise<void> {
    if (this.playing.has(media.callId)) return;
    const sender = media.peerConnection?.getSenders().find((s) => s.track?.kind === 'audio');
    if (!sender) return;
    const context = this.context();
    // The agent's click on Hold lets a suspended context start; never wait on it.
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const source = context.createBufferSource();
    source.buffer = await this.loadMusic(context);
    source.loop = true;
    const output = context.createMediaStreamDestination();
    source.connect(output);
    source.start();
    this.playing.set(media.callId, { source, sender, microphone: sender.track });
    await sender.replaceTrack(output.stream.getAudioTracks()[0] ?? null);
  }

  private async stop(callId: string): Promise<void> {
    const playing = this.playing.get(callId);
    if (!playing) return;
    this.playing.delete(callId);
    playing.source.stop();
    playing.source.disconnect();
    if (playing.sender.transport?.state !== 'closed') {
      await playing.sender.replaceTrack(playing.microphone).catch(() => undefined);
    }
  }

  /** The recording, decoded once; the melody when there is none or it fails (with a warning). */
  private loadMusic(context: AudioContext): Promise<AudioBuffer> {
    this.music ??= this.loadRecording(context).catch((error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      this.options.onWarning?.(
        `The hold music recording ${this.options.url} could not be played (${why}): the built-in melody plays instead.`,
      );
      return holdMelody(context);
    });
    return this.music;
  }

  private async loadRecording(context: AudioContext): Promise<AudioBuffer> {
    const { url } = this.options;
    if (!url) return holdMelody(context);
    const fetchRecording = this.options.fetch ?? ((u: string) => fetch(u));
    const response = await fetchRecording(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return context.decodeAudioData(await response.arrayBuffer());
  }
}
