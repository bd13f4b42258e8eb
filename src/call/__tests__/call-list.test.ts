// "Usable from list views for selected records (one call at a time, the next when the previous ends)".
import { callListStep, type CallList, type CallListEntry, type CallListEvent } from '../call-list';

const entry = (name: string, number: string): CallListEntry => ({
  number,
  name,
  record: { id: `003WB00000000${number.slice(-5)}`, name, objectType: 'Contact', phone: number },
});
const ALICE = entry('Alice Nguyen', '4155550101');
const BOB = entry('Bob Martin', '4155550102');
const ERIN = entry('Erin Lee', '3125550103');

/** Runs events from no list with the phone free; returns the list and every dial, in order. */
function run(events: CallListEvent[], busy = false) {
  let list: CallList | null = null;
  let phoneBusy = busy;
  const dialled: string[] = [];
  for (const event of events) {
    if (event.type === 'phone.changed') phoneBusy = event.busy;
    const step = callListStep(list, event, phoneBusy);
    list = step.list;
    if (step.dial) dialled.push(step.dial.name);
  }
  return { list, dialled };
}

const start: CallListEvent = { type: 'list.start', entries: [ALICE, BOB, ERIN] };
const callShows: CallListEvent = { type: 'phone.changed', busy: true };
const callEnds: CallListEvent = { type: 'phone.changed', busy: false };

describe('a call list from a list view', () => {
  it('dials the first record at once when the phone is free, and "next" is the second', () => {
    const { list, dialled } = run([start]);
    expect(dialled).toEqual(['Alice Nguyen']);
    expect(list).toEqual({ remaining: [BOB, ERIN], current: ALICE, phase: 'dialled' });
  });

  it('dials each record in turn, only after the previous call ended and its wrap-up is done', () => {
    const { list, dialled } = run([start, callShows, callEnds, callShows, callEnds, callShows]);
    expect(dialled).toEqual(['Alice Nguyen', 'Bob Martin', 'Erin Lee']);
    expect(list).toEqual({ remaining: [], current: ERIN, phase: 'calling' });
    expect(run([start, callShows, callEnds, callShows, callEnds, callShows, callEnds]).list).toBeNull();
  });

  it('never dials the next while the dialled call has not shown on the phone yet', () => {
    const { dialled } = run([start, callEnds, callEnds]);
    expect(dialled).toEqual(['Alice Nguyen']);
  });

  it('waits while the agent is on a call of their own, then dials the first', () => {
    const waiting = run([start], true);
    expect(waiting.dialled).toEqual([]);
    expect(waiting.list).toEqual({ remaining: [ALICE, BOB, ERIN], current: null, phase: 'waiting' });
    expect(run([start, callEnds], true).dialled).toEqual(['Alice Nguyen']);
  });

  it('skips the next record: it is never dialled', () => {
    const { dialled, list } = run([start, callShows, { type: 'list.skip' }, callEnds]);
    expect(dialled).toEqual(['Alice Nguyen', 'Erin Lee']);
    expect(list?.remaining).toEqual([]);
  });

  it('skipping while waiting for a free phone skips the next, and the last skip ends the list', () => {
    const skipped = run([start, { type: 'list.skip' }, { type: 'list.skip' }], true);
    expect(skipped.list).toEqual({ remaining: [ERIN], current: null, phase: 'waiting' });
    expect(run([start, ...Array(3).fill({ type: 'list.skip' })], true).list).toBeNull();
  });

  it('stops: the call in progress goes on, and nothing more is dialled', () => {
    const { dialled, list } = run([start, callShows, { type: 'list.stop' }, callEnds, callShows, callEnds]);
    expect(dialled).toEqual(['Alice Nguyen']);
    expect(list).toBeNull();
  });

  it('a new list replaces what was left of the earlier one, and waits for its call to end', () => {
    const again: CallListEvent = { type: 'list.start', entries: [ERIN] };
    const { dialled } = run([start, callShows, again, callEnds]);
    expect(dialled).toEqual(['Alice Nguyen', 'Erin Lee']);
    expect(run([start, again]).dialled).toEqual(['Alice Nguyen']);
  });

  it('an empty selection starts nothing', () => {
    expect(run([{ type: 'list.start', entries: [] }])).toEqual({ list: null, dialled: [] });
  });
});
