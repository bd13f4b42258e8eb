import { AgentAudio, type AudioSink } from '../agent-audio';

function fakeSink(play: () => Promise<void> = () => Promise.resolve()) {
  const sink = { srcObject: null as MediaProvider | null, plays: 0, play: () => (sink.plays++, play()) };
  return sink satisfies AudioSink;
}

const stream = (id: string) => ({ id }) as unknown as MediaStream;

describe('AgentAudio', () => {
  test('plays the chosen stream once, and switching streams replaces what the agent hears', () => {
    const sink = fakeSink();
    const audio = new AgentAudio(sink);
    const a = stream('a');
    audio.play(a);
    audio.play(a);
    expect(sink.srcObject).toBe(a);
    expect(sink.plays).toBe(1);
    const b = stream('b');
    audio.play(b);
    expect(sink.srcObject).toBe(b);
    expect(sink.plays).toBe(2);
  });

  test('null silences the element without calling play', () => {
    const sink = fakeSink();
    const audio = new AgentAudio(sink);
    audio.play(stream('a'));
    audio.play(null);
    expect(sink.srcObject).toBeNull();
    expect(audio.playing).toBeNull();
    expect(sink.plays).toBe(1);
  });

  test('a refused autoplay is reported, not thrown', async () => {
    const refused = new Error('NotAllowedError');
    const errors: unknown[] = [];
    const audio = new AgentAudio(
      fakeSink(() => Promise.reject(refused)),
      (e) => errors.push(e),
    );
    audio.play(stream('a'));
    await Promise.resolve();
    await Promise.resolve();
    expect(errors).toEqual([refused]);
  });
});
