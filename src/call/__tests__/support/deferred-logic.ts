// An actor logic that settles only when a test says so, synchronously: a stand-in for fromPromise actors.
import type { ActorLogic, AnyActorRef, EventObject, Snapshot } from 'xstate';

export type DeferredEvent<TOutput> =
  { type: 'test.resolve'; output: TOutput } | { type: 'test.reject'; error: Error };

export type DeferredSnapshot<TOutput, TInput> = Snapshot<TOutput> & { input: TInput };

export interface DeferredStart<TInput> {
  self: AnyActorRef;
  input: TInput;
}

export function deferredLogic<TOutput, TInput>(
  onStart: (start: DeferredStart<TInput>) => void,
): ActorLogic<DeferredSnapshot<TOutput, TInput>, DeferredEvent<TOutput> | EventObject, TInput> {
  return {
    transition: (snapshot, event) => {
      if (snapshot.status !== 'active') return snapshot;
      const e = event as DeferredEvent<TOutput>;
      if (e.type === 'test.resolve')
        return { ...snapshot, status: 'done', output: e.output } as unknown as typeof snapshot;
      if (e.type === 'test.reject')
        return { ...snapshot, status: 'error', error: e.error } as unknown as typeof snapshot;
      // The parent left the state that invoked it.
      if ((event as EventObject).type === 'xstate.stop')
        return { ...snapshot, status: 'stopped' } as unknown as typeof snapshot;
      return snapshot;
    },
    getInitialSnapshot: (_scope, input) =>
      ({ status: 'active', output: undefined, error: undefined, input }) as DeferredSnapshot<TOutput, TInput>,
    getPersistedSnapshot: (snapshot) => snapshot,
    start: (snapshot, scope) => onStart({ self: scope.self, input: snapshot.input }),
  };
}
