// The one rule for calling a list of records (selected in a list view): one call at a time, the next
// dialled only once the phone has no call left, wrap-up included, so an agent never has two list calls nor
// a list call on top of their own. Pure: the host feeds it the phone's state and dials what it returns.
import type { ContactMatch } from './customer';

/** One record of the list and the number to call on it. */
export interface CallListEntry {
  number: string;
  /** What the agent sees as "next": the record's name, or the number. */
  name: string;
  /** The call's contact from the start, when the record is one a call can be logged against. */
  record?: ContactMatch;
}

/**
 * `waiting`: the next entry is dialled when the phone is free. `dialled`: the entry was handed to the phone,
 * whose call has not shown yet. `calling`: its call is on the phone (ringing, talking or in wrap-up).
 */
export type CallListPhase = 'waiting' | 'dialled' | 'calling';

export interface CallList {
  /** Not dialled yet, in the agent's order; the first is "next". */
  remaining: readonly CallListEntry[];
  /** The entry dialled last, while its call lasts. */
  current: CallListEntry | null;
  phase: CallListPhase;
}

export type CallListEvent =
  /** The agent starts a list: it replaces what was left of any earlier one. */
  | { type: 'list.start'; entries: readonly CallListEntry[] }
  /** The agent skips the next entry. */
  | { type: 'list.skip' }
  /** The agent stops the list: nothing more is dialled. */
  | { type: 'list.stop' }
  /** What the phone shows: `busy` while any call is on it, wrap-up included. */
  | { type: 'phone.changed'; busy: boolean };

export interface CallListStep {
  /** null: no list (never started, finished or stopped). */
  list: CallList | null;
  /** The entry to dial now, if any. */
  dial?: CallListEntry;
}

/** Dials the first remaining entry when the phone is free; ends the list when none remains. */
function next(remaining: readonly CallListEntry[], busy: boolean): CallListStep {
  const [first, ...rest] = remaining;
  if (!first) return { list: null };
  if (busy) return { list: { remaining, current: null, phase: 'waiting' } };
  return { list: { remaining: rest, current: first, phase: 'dialled' }, dial: first };
}

/** The list after `event`, given whether the phone was busy before it (`busy`). */
export function callListStep(list: CallList | null, event: CallListEvent, busy: boolean): CallListStep {
  switch (event.type) {
    case 'list.start':
      // A list started while a list call lasts waits for that call to end.
      return next(event.entries, busy || list?.phase === 'dialled');
    case 'list.stop':
      return { list: null };
    case 'list.skip':
      if (!list) return { list: null };
      if (list.phase === 'waiting') return next(list.remaining.slice(1), busy);
      return { list: { ...list, remaining: list.remaining.slice(1) } };
    case 'phone.changed':
      return phoneChanged(list, event.busy);
  }
}

function phoneChanged(list: CallList | null, busy: boolean): CallListStep {
  if (!list) return { list: null };
  if (list.phase === 'dialled') return { list: busy ? { ...list, phase: 'calling' } : list };
  // The previous call ended and its wrap-up is done (or the agent's own call was): the next one.
  if (!busy) return next(list.remaining, false);
  return { list };
}
