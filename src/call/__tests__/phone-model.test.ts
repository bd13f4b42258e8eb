// Model-based coverage of the phone machine: xstate/graph walks it with calls played by the model,
// real phone actors (with stand-in calls that record what they are told) replay every path.
import { fromTransition, getStateNodes } from 'xstate';
import type { AnyActorRef, AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import type { CallMachine } from '../call-machine';
import { phoneMachine } from '../phone-machine';
import type { PhoneEvent } from '../phone-events';
import type { PhoneContext } from '../phone-machine';
import { Effects } from './support/effects';
import { startPhone } from './support/harness';
import type { PhoneHarness } from './support/harness';
import { phoneEventsFor, phoneModelScopes, raisedBy, serializePhoneState } from './support/phone-model';
import type { PhoneModelScope } from './support/phone-model';
import {
  expectEveryStateAndTransition,
  replayModelPaths,
  TransitionCoverage,
} from './support/transition-coverage';

type Snapshot = AnyMachineSnapshot & { context: PhoneContext };
type Step = { event: EventObject; state: Snapshot };

const model: AnyStateMachine = phoneMachine;

/** A call that only remembers what the phone told it; the model plays its reports. */
const standInCall = fromTransition((received: string[], event: EventObject) => [...received, event.type], []);

function traversal(scope: PhoneModelScope) {
  return {
    input: { settings: scope.settings },
    events: (s: Snapshot) => phoneEventsFor(s, scope),
    serializeState: (s: Snapshot) => serializePhoneState(s),
  };
}

function toldTo(h: PhoneHarness, callId: string | null | undefined): string[] {
  if (!callId || !h.hasCall(callId)) return [];
  return (h.call(callId) as AnyActorRef).getSnapshot().context as string[];
}

function observableEffectProblems(h: PhoneHarness): string[] {
  const snapshot = h.phone.getSnapshot();
  const c = snapshot.context;
  const problems: string[] = [];
  const expectThat = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const children = Object.keys(snapshot.children)
    .filter((id) => id !== 'ua' && id !== 'conferenceTone')
    .sort();
  expectThat(
    JSON.stringify(children) === JSON.stringify(Object.keys(c.lines).sort()),
    'one call actor per line',
  );
  const timers = h.clock.pending().map((p) => p.scheduled?.event.type ?? '?');
  const reconnecting = snapshot.matches({ registration: 'reconnecting' });
  const lostAndWaiting = snapshot.matches({ registration: { lost: 'waiting' } });
  expectThat(
    timers.some((t) => t.includes('reconnectBackoff')) === (reconnecting || lostAndWaiting),
    'backoff timer iff reconnecting or waiting to register again after a lost registration',
  );
  const switching = snapshot.matches({ lines: 'switching' });
  expectThat(timers.some((t) => t.includes('switchTimeout')) === switching, 'switch timer iff switching');
  if (switching)
    expectThat(toldTo(h, c.switching?.holdCallId).includes('phone.hold'), 'the live call was held');
  if (snapshot.matches({ registration: 'registering' })) {
    expectThat(h.effects.uaCommands.at(-1)?.type === 'phone.register', 'REGISTER sent');
  }
  if (snapshot.matches({ registration: { lost: 'reregistering' } })) {
    expectThat(
      h.effects.uaCommands.at(-1)?.type === 'phone.reregister',
      'REGISTER sent again with fresh credentials',
    );
  }
  if (snapshot.matches({ registration: 'unregistering' })) {
    expectThat(h.effects.uaCommands.at(-1)?.type === 'phone.unregister', 'un-REGISTER sent');
  }
  if (snapshot.matches({ consultation: 'holdingOriginal' })) {
    expectThat(
      toldTo(h, c.consultation?.originalCallId).includes('phone.hold'),
      'consultation holds the call',
    );
  }
  for (const member of c.conference) {
    expectThat(toldTo(h, member).includes('phone.conference.join'), `${member} was told to join`);
  }
  expectThat(c.conference.length + 1 <= 5, 'at most five parties');
  return problems;
}

describe('phone machine, model-based (xstate/graph)', () => {
  it('every state is reached and asserted, and every transition is taken, by real actors replaying model paths', () => {
    const coverage = new TransitionCoverage('phone');
    const statesSeen = new Set<string>();
    const failures: string[] = [];
    const effects = new Effects();
    const reuse = { effects, logic: effects.phoneLogic(standInCall as unknown as CallMachine) };
    let replays = 0;
    let events = 0;

    const replay = (scope: PhoneModelScope, steps: readonly Step[]) => {
      replays++;
      const h = startPhone(scope.settings, {}, { reuse, inspect: coverage.inspect });
      for (const [i, step] of steps.entries()) {
        if (i > 0) {
          if (step.event.type.startsWith('xstate.after.')) {
            if (!h.clock.fireEvent((e) => e.type === step.event.type))
              failures.push(`no timer for ${step.event.type}`);
          } else {
            h.phone.send(step.event as Parameters<typeof h.phone.send>[0]);
          }
          events++;
        }
        const snapshot = h.phone.getSnapshot();
        const problems = observableEffectProblems(h);
        if (serializePhoneState(snapshot) !== serializePhoneState(step.state)) {
          problems.push(
            `state ${serializePhoneState(snapshot)} differs from the model's ${serializePhoneState(step.state)}`,
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
        for (const node of getStateNodes(model.root, snapshot.value)) statesSeen.add(node.id);
      }
      h.phone.stop();
    };

    for (const scope of Object.values(phoneModelScopes)) {
      replayModelPaths(
        model,
        coverage,
        traversal(scope),
        (steps) => replay(scope, steps as Step[]),
        (state, event) => raisedBy(state as Snapshot, event as PhoneEvent),
      );
    }

    expect(failures.slice(0, 5)).toEqual([]);
    expectEveryStateAndTransition(phoneMachine, { statesSeen, coverage, replays, events });
  });
});
