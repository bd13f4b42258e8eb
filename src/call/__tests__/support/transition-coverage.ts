// Every transition a machine defines, and which of them real actors took (seen through XState inspection).
import { getStateNodes } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode, EventObject, InspectionEvent } from 'xstate';

interface TransitionLike {
  source: AnyStateNode;
  eventType: string;
}

/** "source state id | event | branch": one entry per guarded branch, delayed or eventless transition. */
export function transitionKey(t: TransitionLike): string {
  const list: readonly unknown[] =
    t.eventType === '' ? (t.source.always ?? []) : (t.source.transitions.get(t.eventType) ?? []);
  return `${t.source.id} | ${t.eventType === '' ? 'always' : t.eventType} | ${list.indexOf(t)}`;
}

function stateNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap((child) => stateNodes(child))];
}

export function allStateIds(machine: AnyStateMachine): string[] {
  return stateNodes(machine.root)
    .filter((n) => n !== machine.root)
    .map((n) => n.id);
}

export function allTransitionKeys(machine: AnyStateMachine): string[] {
  return stateNodes(machine.root).flatMap((node) => [
    ...[...node.transitions.values()].flat().map((t) => transitionKey(t)),
    ...(node.always ?? []).map((t) => transitionKey(t)),
  ]);
}

export class TransitionCoverage {
  readonly taken = new Set<string>();
  /** Every state entered, including transient ones that never show in a settled snapshot. */
  readonly entered = new Set<string>();

  constructor(private readonly machineId: string) {}

  readonly inspect = (event: InspectionEvent): void => {
    if (event.type !== '@xstate.microstep') return;
    const snapshot = event.snapshot as AnyMachineSnapshot;
    if (snapshot.machine.id !== this.machineId) return;
    for (const t of event._transitions as TransitionLike[]) {
      this.taken.add(transitionKey(t));
      // A transition is only taken from an active state, transient ones included.
      for (let node: AnyStateNode | undefined = t.source; node && node.parent; node = node.parent) {
        this.entered.add(node.id);
      }
    }
    for (const node of getStateNodes(snapshot.machine.root, snapshot.value)) this.entered.add(node.id);
  };
}

/**
 * Whether replaying this model edge could take a transition not taken yet: one the event (or an event the
 * machine raises in answer, as the model says) selects, or an eventless one leaving a state that was
 * active before the event and is not after it.
 */
export function takesUncoveredTransition(
  machine: AnyStateMachine,
  coverage: TransitionCoverage,
  before: AnyMachineSnapshot,
  event: EventObject,
  after: AnyMachineSnapshot,
  raised: readonly EventObject[] = [],
): boolean {
  for (const e of [event, ...raised]) {
    if (machine.getTransitionData(before, e).some((t) => !coverage.taken.has(transitionKey(t)))) return true;
  }
  const left = new Set(getStateNodes(machine.root, before.value));
  for (const node of getStateNodes(machine.root, after.value)) left.delete(node);
  return [...left].some((node) => (node.always ?? []).some((t) => !coverage.taken.has(transitionKey(t))));
}

/** What a model-based test's replays saw: the states actors were asserted in, and how much was replayed. */
export interface ModelReplays {
  statesSeen: ReadonlySet<string>;
  coverage: TransitionCoverage;
  replays: number;
  events: number;
}

/** Logs the figures, then asserts every state was reached (settled in or passed through) and every transition taken. */
export function expectEveryStateAndTransition(machine: AnyStateMachine, run: ModelReplays): void {
  const { statesSeen, coverage, replays, events } = run;
  const states = allStateIds(machine);
  const transitions = allTransitionKeys(machine);
  const transient = states.filter((s) => !statesSeen.has(s) && coverage.entered.has(s));
  console.log(
    `${machine.id} machine model coverage: ${states.filter((s) => statesSeen.has(s) || coverage.entered.has(s)).length}/` +
      `${states.length} states (${transient.length} transient, passed through: ${transient.join(', ')}), ` +
      `${transitions.filter((t) => coverage.taken.has(t)).length}/${transitions.length} transitions ` +
      `(${replays} replays of model paths, ${events} events)`,
  );
  expect(states.filter((s) => !statesSeen.has(s) && !coverage.entered.has(s))).toEqual([]);
  expect(transitions.filter((t) => !coverage.taken.has(t))).toEqual([]);
}

/** One step of a model path: the event sent, and the state the model says follows. */
export interface ModelStep {
  event: EventObject;
  state: AnyMachineSnapshot;
}

/**
 * Replays the leaves of the model's shortest-path tree (which visits every vertex on the way), then each
 * edge off the tree that would take a transition not taken yet (with the events the machine raises in
 * answer, as `raisedBy` says).
 */
export function replayModelPaths(
  machine: AnyStateMachine,
  coverage: TransitionCoverage,
  options: Parameters<typeof getShortestPaths<AnyStateMachine>>[1] & {
    serializeState: (state: AnyMachineSnapshot) => string;
  },
  replay: (steps: ModelStep[]) => void,
  raisedBy: (state: AnyMachineSnapshot, event: EventObject) => readonly EventObject[] = () => [],
): void {
  const serialize = (state: AnyMachineSnapshot) => options.serializeState(state);
  const paths = getShortestPaths(machine, options) as Array<{
    state: AnyMachineSnapshot;
    steps: ModelStep[];
  }>;
  const interior = new Set(paths.flatMap((p) => p.steps.slice(0, -1).map((s) => serialize(s.state))));
  for (const path of paths) {
    if (!interior.has(serialize(path.state))) replay(path.steps);
  }
  const byVertex = new Map(paths.map((p) => [serialize(p.state), p]));
  for (const [vertex, { state, transitions }] of Object.entries(getAdjacencyMap(machine, options))) {
    for (const { event, state: next } of Object.values(transitions) as ModelStep[]) {
      const before = state as AnyMachineSnapshot;
      if (!takesUncoveredTransition(machine, coverage, before, event, next, raisedBy(before, event)))
        continue;
      const path = byVertex.get(vertex);
      if (path) replay([...path.steps, { event, state: next }]);
    }
  }
}
