// Seeded random walks over the phone and its calls, checking the invariants of issue 3 after every event.
import { defaultPhoneSettings } from '../phone-settings';
import type { PhoneSettings } from '../phone-settings';
import { RandomWalk, seededRandom } from './support/random-walk';
import { testCallSettings } from './support/harness';

interface Walk {
  name: string;
  seed: number;
  events: number;
  settings: PhoneSettings;
  intent?: 'conference';
}

/** 100,000 events in all, each walk from its own seed. */
const walks: Walk[] = [
  {
    name: 'softphone, five lines, an agent who keeps building conferences',
    seed: 20261121,
    events: 40_000,
    settings: {
      ...defaultPhoneSettings,
      maxLines: 6,
      whenInWrapUp: 'ring',
      whenAway: 'ring',
      call: testCallSettings,
    },
    intent: 'conference',
  },
  {
    name: 'softphone, five lines',
    seed: 1729,
    events: 40_000,
    settings: {
      ...defaultPhoneSettings,
      maxLines: 5,
      whenInWrapUp: 'ring',
      whenAway: 'ring',
      call: testCallSettings,
    },
  },
  {
    name: 'softphone, two lines, declining while away, no work timer',
    seed: 7,
    events: 15_000,
    settings: { ...defaultPhoneSettings, maxLines: 2, call: { ...testCallSettings, wrapUpSeconds: 0 } },
  },
  {
    name: 'deskphone',
    seed: 42,
    events: 5_000,
    settings: { ...defaultPhoneSettings, mode: 'deskphone', maxLines: 3, call: testCallSettings },
  },
];

describe('random walk (seeded, reproducible)', () => {
  it.each(walks)(
    '$name: $events events from seed $seed keep every invariant',
    ({ seed, events, settings, intent }) => {
      const walk = new RandomWalk(seededRandom(seed), settings, intent);
      for (let i = 0; i < events; i++) {
        const problems = walk.step();
        if (problems.length > 0) {
          throw new Error(
            `seed ${seed}, event ${i + 1}: ${problems.join('; ')}\nlast events:\n  ${walk.trail.join('\n  ')}`,
          );
        }
      }
      walk.stop();
      console.log(`random walk seed ${seed}: ${JSON.stringify(walk.stats)}`);
      expect(walk.stats.events).toBe(events);
      // The walk must actually exercise calls, not idle: these floors catch a walk that got stuck.
      expect(walk.stats.connectedCalls).toBeGreaterThan(events / 1_000);
      expect(walk.stats.wrappedUp).toBeGreaterThan(events / 2_000);
      expect(walk.stats.timersFired).toBeGreaterThan(events / 200);
      expect(walk.stats.sipFailures).toBeGreaterThan(events / 1_000);
      if (intent === 'conference') expect(walk.stats.conferencesOf[5]).toBeGreaterThan(0);
    },
  );

  it('the walks add up to at least 100,000 events', () => {
    expect(walks.reduce((sum, w) => sum + w.events, 0)).toBeGreaterThanOrEqual(100_000);
  });

  it('the same seed gives the same walk', () => {
    const run = () => {
      const walk = new RandomWalk(seededRandom(99), {
        ...defaultPhoneSettings,
        maxLines: 3,
        call: testCallSettings,
      });
      for (let i = 0; i < 2_000; i++) walk.step();
      walk.stop();
      return { stats: walk.stats, trail: walk.trail };
    };
    expect(run()).toEqual(run());
  });
});
