// What the agent hears, in one audio element: the conference mix while a conference runs, else the
// remote audio of the one call that has live audio, else nothing (held, ringing or idle). Chosen from
// the view model on every change, so it always follows the statechart's "at most one live call" rule.

/** The element the agent hears through (an HTMLAudioElement; narrowed for tests). */
export interface AudioSink {
  srcObject: MediaProvider | null;
  play(): Promise<void>;
}

export class AgentAudio {
  private current: MediaStream | null = null;

  constructor(
    private readonly sink: AudioSink,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Plays `stream` (or stops playing when null); a no-op when it is already playing. */
  play(stream: MediaStream | null): void {
    if (stream === this.current) return;
    this.current = stream;
    this.sink.srcObject = stream;
    // Autoplay may be refused before the agent's first click; the host resumes on the next one.
    if (stream) this.sink.play().catch(this.onError);
  }

  get playing(): MediaStream | null {
    return this.current;
  }
}
