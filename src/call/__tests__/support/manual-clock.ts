// A test clock for XState actors: time moves only when a test fires a timer, and every timer knows
// which delayed event it will deliver (so "no timer outlives its state" can be checked).
import type { AnyActorRef, EventObject } from 'xstate';

interface ScheduledEvent {
  source: AnyActorRef;
  target: AnyActorRef;
  event: EventObject;
  delay: number;
  id: string;
}

interface ActorSystemView {
  getSnapshot(): { _scheduledEvents: Record<string, ScheduledEvent> };
}

interface Timer {
  id: number;
  due: number;
  fn: () => void;
  key: string | undefined;
}

export interface PendingTimer {
  id: number;
  due: number;
  scheduled: ScheduledEvent | undefined;
}

export class ManualClock {
  private nowMs = 0;
  private seq = 0;
  private readonly timers = new Map<number, Timer>();
  private system: ActorSystemView | undefined;

  /** Bind to the actor system (after createActor, before start) to learn which event each timer carries. */
  attach(system: ActorSystemView): void {
    this.system = system;
  }

  now(): number {
    return this.nowMs;
  }

  setTimeout(fn: () => void, ms: number): number {
    const id = ++this.seq;
    this.timers.set(id, { id, due: this.nowMs + Math.max(0, ms), fn, key: this.newScheduledKey() });
    return id;
  }

  clearTimeout(id: unknown): void {
    this.timers.delete(id as number);
  }

  pending(): PendingTimer[] {
    const scheduled = this.system?.getSnapshot()._scheduledEvents ?? {};
    return [...this.timers.values()]
      .sort((a, b) => a.due - b.due || a.id - b.id)
      .map((t) => ({ id: t.id, due: t.due, scheduled: t.key === undefined ? undefined : scheduled[t.key] }));
  }

  /** Fires the earliest timer, moving time to its due time. False when nothing is pending. */
  fireNext(): boolean {
    const next = this.pending()[0];
    if (!next) return false;
    this.fire(next.id);
    return true;
  }

  /** Fires the timer that will deliver an event of this type (e.g. 'xstate.after.maxHold.held.waiting'). */
  fireEvent(predicate: (event: EventObject) => boolean): boolean {
    const match = this.pending().find((p) => p.scheduled && predicate(p.scheduled.event));
    if (!match) return false;
    this.fire(match.id);
    return true;
  }

  /** Moves time forward, firing every timer that falls due on the way, in order. */
  advance(ms: number): void {
    const until = this.nowMs + ms;
    for (;;) {
      const next = this.pending()[0];
      if (!next || next.due > until) break;
      this.fire(next.id);
    }
    this.nowMs = until;
  }

  private fire(id: number): void {
    const timer = this.timers.get(id);
    if (!timer) return;
    this.timers.delete(id);
    this.nowMs = Math.max(this.nowMs, timer.due);
    timer.fn();
  }

  /** XState registers the scheduled event just before asking the clock for a timeout. */
  private newScheduledKey(): string | undefined {
    if (!this.system) return undefined;
    const bound = new Set([...this.timers.values()].map((t) => t.key));
    const keys = Object.keys(this.system.getSnapshot()._scheduledEvents).filter((k) => !bound.has(k));
    return keys[keys.length - 1];
  }
}
