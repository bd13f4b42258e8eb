// Model-based coverage of the call machine: xstate/graph walks the model, real actors replay every path.
import { getNextTransitions, getStateNodes } from 'xstate';
import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import type { CallInput } from '../call-context';
import { callMachine } from '../call-machine';
import {
  callModelEvents,
  callModelVariants,
  filterCallEvents,
  serializeCallState,
} from './support/call-model';
import type { CallModelVariant } from './support/call-model';
import type { ModelEvent } from './support/call-model';
import { startCall } from './support/harness';
import type { CallHarness } from './support/harness';
import { Effects } from './support/effects';
import {
  expectEveryStateAndTransition,
  replayModelPaths,
  TransitionCoverage,
} from './support/transition-coverage';

type Snapshot = AnyMachineSnapshot;

/** The graph functions see the machine untyped: events are model events, some only raised internally. */
const model: AnyStateMachine = callMachine;

/** The model events, plus the delayed events (timer expiries) the current state schedules. */
function eventsFor(snapshot: Snapshot): ModelEvent[] {
  const timers = getNextTransitions(snapshot)
    .map((t) => t.eventType)
    .filter((type) => type.startsWith('xstate.after.'));
  return [...callModelEvents, ...[...new Set(timers)].map((type) => ({ type }))];
}

const traversal = ({ input, only }: CallModelVariant) => ({
  input,
  events: eventsFor,
  serializeState: (s: Snapshot) => serializeCallState(s),
  filterEvents: (s: Snapshot, e: ModelEvent) => (!only || only.test(e.type)) && filterCallEvents(s, e),
});

/** Applies one model event to a real actor: host effects settle, timers fire, the rest is sent. */
function apply(h: CallHarness, event: ModelEvent): void {
  const callId = h.actor.getSnapshot().context.callId;
  switch (event.type) {
    case 'xstate.done.actor.contactSearch':
      return h.effects.resolveSearch(callId, event.output as never);
    case 'xstate.error.actor.contactSearch':
      return h.effects.failSearch(callId, (event.error as Error).message);
    case 'xstate.done.actor.logSave':
      return h.effects.resolveSave(callId);
    case 'xstate.error.actor.logSave':
      return h.effects.failSave(callId, event.error as Error);
  }
  if (event.type.startsWith('xstate.after.')) {
    if (!h.clock.fireEvent((e: EventObject) => e.type === event.type)) {
      throw new Error(`no timer is pending for ${event.type}`);
    }
    return;
  }
  h.actor.send(event as Parameters<typeof h.actor.send>[0]);
}

/**
 * What must be observable in every state, whatever the path that led there: the host effects that
 * run exactly while their state is active. Returns the broken expectations (fast: no matcher per step).
 */
function observableEffectProblems(h: CallHarness): string[] {
  const snapshot = h.actor.getSnapshot();
  const callId = snapshot.context.callId;
  const problems: string[] = [];
  const expectThat = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const inSession = snapshot.matches({ progress: 'session' });
  expectThat(
    h.effects.liveAlerts().length === (snapshot.hasTag('alerting') ? 1 : 0),
    'alert runs iff alerting',
  );
  expectThat(
    h.effects.sessions.filter((s) => !s.stopped).length === (inSession ? 1 : 0),
    'SIP session iff in session',
  );
  expectThat(
    (h.effects.pendingSearch(callId) !== undefined) === snapshot.matches({ contact: 'matching' }),
    'contact search runs iff matching',
  );
  expectThat(
    (h.effects.pendingSave(callId) !== undefined) === snapshot.matches({ log: 'saving' }),
    'log save runs iff saving',
  );
  expectThat(!snapshot.hasTag('liveAudio') || inSession, 'live audio only within a SIP session');
  if (snapshot.status === 'done') {
    expectThat(h.clock.pending().length === 0, 'no timer left once the call is done');
    expectThat(snapshot.output !== undefined, 'a done call outputs its record');
  }
  return problems;
}

describe('call machine, model-based (xstate/graph)', () => {
  it('every state is reached and asserted, and every transition is taken, by real actors replaying model paths', () => {
    const coverage = new TransitionCoverage('call');
    const statesSeen = new Set<string>();
    let replays = 0;
    let events = 0;

    const effects = new Effects();
    const reuse = { effects, logic: effects.callLogic() };
    const failures: string[] = [];

    const replay = (input: CallInput, steps: ReadonlyArray<{ event: EventObject; state: Snapshot }>) => {
      replays++;
      const h = startCall(input, {}, { reuse, inspect: coverage.inspect });
      for (const [i, step] of steps.entries()) {
        if (i > 0) {
          apply(h, step.event as ModelEvent);
          events++;
        }
        const value = h.actor.getSnapshot().value;
        const problems = observableEffectProblems(h);
        if (JSON.stringify(value) !== JSON.stringify(step.state.value)) {
          problems.push(
            `state ${JSON.stringify(value)} differs from the model's ${JSON.stringify(step.state.value)}`,
          );
        }
        if (problems.length > 0) {
          failures.push(
            `${problems.join('; ')} after ${steps
              .slice(0, i + 1)
              .map((s) => s.event.type)
              .join(' → ')}`,
          );
          break;
        }
        for (const node of getStateNodes(model.root, value)) statesSeen.add(node.id);
      }
      h.actor.stop();
    };

    for (const variant of Object.values(callModelVariants)) {
      replayModelPaths(model, coverage, traversal(variant), (steps) =>
        replay(variant.input, steps as ReadonlyArray<{ event: EventObject; state: Snapshot }>),
      );
    }

    expect(failures.slice(0, 5)).toEqual([]);
    expectEveryStateAndTransition(callMachine, { statesSeen, coverage, replays, events });
  });
});
