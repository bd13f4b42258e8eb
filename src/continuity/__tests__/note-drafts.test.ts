// Note drafts in local storage: written as the agent types, read back after a reload, cleared on a confirmed save.
import { NoteDraftStore } from '../note-drafts';
import { FakeStorage } from './fake-storage';

const ADA = 'sip:1001@softphone.test';
const KEY = `softphone.draft:${ADA}:call-1`;

describe('note drafts', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000 }));
  afterEach(() => jest.useRealTimers());

  function store(storage = new FakeStorage(), user = ADA) {
    return { storage, drafts: new NoteDraftStore({ storage, user, debounceMs: 400 }) };
  }

  it('writes the draft once typing pauses, not at every key, keyed by user and call', () => {
    const { storage, drafts } = store();
    drafts.write('call-1', 'W', null);
    jest.advanceTimersByTime(200);
    drafts.write('call-1', 'Wants a refund', 'Interested');
    jest.advanceTimersByTime(399);
    expect(storage.writes).toBe(0);
    // Still readable while pending (a view update between keys sees the latest text).
    expect(drafts.read('call-1')?.notes).toBe('Wants a refund');
    jest.advanceTimersByTime(1);
    expect(storage.writes).toBe(1);
    expect(storage.json(KEY)).toEqual({
      callId: 'call-1',
      notes: 'Wants a refund',
      disposition: 'Interested',
      updatedAt: 1_200,
    });
  });

  it('a new page reads the draft back; another agent in the same browser does not see it', () => {
    const { storage, drafts } = store();
    drafts.write('call-1', 'Keep me', null);
    jest.runOnlyPendingTimers();
    expect(new NoteDraftStore({ storage, user: ADA }).read('call-1')?.notes).toBe('Keep me');
    expect(new NoteDraftStore({ storage, user: ADA }).callIds()).toEqual(['call-1']);
    const other = new NoteDraftStore({ storage, user: 'sip:1002@softphone.test' });
    expect(other.read('call-1')).toBeUndefined();
    expect(other.callIds()).toEqual([]);
  });

  it('is cleared (pending or stored) once the save is confirmed', () => {
    const { storage, drafts } = store();
    drafts.write('call-1', 'Saved now', null);
    jest.runOnlyPendingTimers();
    drafts.write('call-1', 'Saved now!', null);
    drafts.clear('call-1');
    jest.runOnlyPendingTimers();
    expect(storage.items.has(KEY)).toBe(false);
    expect(drafts.read('call-1')).toBeUndefined();
  });

  it('when the page is hidden (reload, tab closed) pending drafts and later ones are written at once', () => {
    const { storage, drafts } = store();
    drafts.write('call-1', 'typed just before the reload', null);
    drafts.pageHidden();
    expect(storage.json(KEY)).toMatchObject({ notes: 'typed just before the reload' });
    drafts.write('call-1', 'the last key', null);
    expect(storage.json(KEY)).toMatchObject({ notes: 'the last key' });
  });

  it('a malformed draft is dropped, never fatal; a storage that refuses writes loses no typing on screen', () => {
    const { storage, drafts } = store();
    storage.items.set(KEY, '{"callId":"call-1","notes":42}');
    expect(drafts.read('call-1')).toBeUndefined();
    expect(storage.items.has(KEY)).toBe(false);
    storage.items.set(KEY, 'not json');
    expect(drafts.read('call-1')).toBeUndefined();
    storage.failWrites = true;
    drafts.write('call-1', 'still here', null);
    expect(() => jest.runOnlyPendingTimers()).not.toThrow();
    drafts.write('call-1', 'still here', null);
    expect(drafts.read('call-1')?.notes).toBe('still here');
  });

  it('a host without storage keeps nothing and fails nothing', () => {
    const drafts = new NoteDraftStore({ storage: undefined, user: ADA });
    drafts.write('call-1', 'x', null);
    jest.runOnlyPendingTimers();
    expect(drafts.read('call-1')).toBeUndefined();
    expect(drafts.callIds()).toEqual([]);
  });
});
