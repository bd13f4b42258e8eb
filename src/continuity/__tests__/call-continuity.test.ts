// Calls and notes that survive the page holding the phone (a reload, or the leading tab closing), through
// the real composition (createSoftphone) with fake storage and a fake CRM: the SIP phone is never started, so only what needs no SIP is exercised here (the take-back
// of connected calls is in test/integration/sip-reload-replaces.test.ts and test/e2e/reload-survival.test.ts).
import type { RestoredCall } from '../../call';
import type { CrmPort } from '../../crm';
import { createSoftphone, type Softphone } from '../../create-softphone';
import type { DialogSnapshot } from '../../sip';
import { CallContinuity, type SavedCall } from '../call-continuity';
import { NoteDraftStore } from '../note-drafts';
import { FlakyCrm } from './fake-crm';
import { FakeStorage, TEST_STORAGE_KEY } from './fake-storage';

const AOR = 'sip:1001@softphone.test';
const CALLS_KEY = `softphone.calls:${AOR}`;
const draftKey = (callId: string) => `softphone.draft:${AOR}:${callId}`;
const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);

const wrapUpCall: RestoredCall = {
  callId: 'call-in-wrap-up-1',
  direction: 'incoming',
  remote: { number: '+14155550101', displayName: 'Alice Nguyen' },
  startedAt: T0,
  answeredAt: T0 + 2_000,
  notes: 'Refund for invoice 42',
  disposition: null,
  matches: [],
  chosen: null,
  phase: 'wrapUp',
  endedAt: T0 + 62_000,
  outcome: 'completed',
};

const dialog: DialogSnapshot = {
  callId: 'live-call-000001',
  sipCallId: 'live-call-000001',
  localTag: 'ours',
  remoteTag: 'theirs',
  remoteTarget: 'sip:x@y.invalid;transport=ws',
  remoteUri: 'sip:4155550101@softphone.test',
  localUri: AOR,
  routeSet: [],
  localCSeq: 2,
};

function saved(...entries: SavedCall[]): FakeStorage {
  const storage = new FakeStorage(TEST_STORAGE_KEY);
  storage.setItem(CALLS_KEY, JSON.stringify(entries));
  return storage;
}

describe('calls and notes across a reload', () => {
  let softphone: Softphone | undefined;
  beforeEach(() => jest.useFakeTimers({ now: T0 + 100_000 }));
  afterEach(async () => {
    const stopping = softphone?.stop();
    await jest.runOnlyPendingTimersAsync();
    await stopping;
    softphone = undefined;
    jest.useRealTimers();
  });

  function start(calls: FakeStorage, local: FakeStorage, crm: CrmPort, onError?: (e: unknown) => void) {
    softphone = createSoftphone({
      sip: { server: 'ws://127.0.0.1:9/ws', aor: AOR, auth: { kind: 'digest', password: 'pw' } },
      crm,
      phone: { call: { wrapUpSeconds: 0, saveRetryDelayMs: 1_000 } },
      storage: { calls, local, secret: TEST_STORAGE_KEY },
      qualityIntervalMs: 0,
      ...(onError ? { onError } : {}),
    });
    return softphone;
  }

  it('a call reloaded in wrap-up comes back with the newer draft; failed saves keep the draft and retry with backoff; the confirmed save clears it and logs one call id', async () => {
    const session = saved({ call: wrapUpCall, dialog: null, savedAt: T0 + 70_000 });
    const local = new FakeStorage(TEST_STORAGE_KEY);
    local.setItem(
      draftKey(wrapUpCall.callId),
      JSON.stringify({
        callId: wrapUpCall.callId,
        notes: 'Refund for invoice 42, by Friday',
        disposition: null,
        updatedAt: T0 + 71_000,
      }),
    );
    const crm = new FlakyCrm();
    crm.failures = [new Error('UNABLE_TO_LOCK_ROW'), new Error('Failed to fetch')];
    const phone = start(session, local, crm);

    const [call] = phone.view().calls;
    expect(call).toMatchObject({
      callId: wrapUpCall.callId,
      status: 'wrapUp',
      notes: 'Refund for invoice 42, by Friday',
      wrapUp: { active: true },
    });

    phone.send({ type: 'ui.wrapUp.saveAndClose', callId: wrapUpCall.callId });
    await jest.advanceTimersByTimeAsync(0);
    expect(phone.view().calls[0]?.wrapUp.saveError).toBe('UNABLE_TO_LOCK_ROW');
    await jest.advanceTimersByTimeAsync(1_000); // first retry after the base delay: fails again
    expect(crm.logged).toHaveLength(2);
    expect(phone.view().calls[0]?.wrapUp.saveError).toBe('Failed to fetch');
    await jest.advanceTimersByTimeAsync(1_999); // the next one waits twice as long
    expect(crm.logged).toHaveLength(2);
    // Meanwhile the notes are in both stores: a reload now would still have them.
    expect(local.json(draftKey(wrapUpCall.callId))).toMatchObject({
      notes: 'Refund for invoice 42, by Friday',
    });
    expect(session.json(CALLS_KEY)).toEqual([
      expect.objectContaining({
        call: expect.objectContaining({ notes: 'Refund for invoice 42, by Friday' }),
      }),
    ]);
    await jest.advanceTimersByTimeAsync(1);
    expect(crm.logged).toHaveLength(3);
    expect(new Set(crm.logged.map((e) => e.callId))).toEqual(new Set([wrapUpCall.callId]));
    expect(crm.logged.every((e) => e.notes === 'Refund for invoice 42, by Friday')).toBe(true);

    expect(phone.view().calls).toEqual([]);
    // Only the confirmed save changed the agent's recent calls.
    expect(phone.view().recentsRevision).toBe(1);
    await jest.advanceTimersByTimeAsync(0); // the view update after the call finished
    expect(local.items.has(draftKey(wrapUpCall.callId))).toBe(false);
    expect(session.items.has(CALLS_KEY)).toBe(false);
  });

  it('a connected call waits for the registration to be taken back, and its entry is kept meanwhile', () => {
    const connected: SavedCall = {
      call: { ...wrapUpCall, callId: dialog.callId, phase: 'connected' },
      dialog,
      savedAt: T0 + 90_000,
    };
    delete connected.call.endedAt;
    delete connected.call.outcome;
    const session = saved(connected);
    const phone = start(session, new FakeStorage(TEST_STORAGE_KEY), new FlakyCrm());
    phone.send({ type: 'ui.availability.away' }); // any change writes the tab's calls again
    expect(phone.view().calls).toEqual([]);
    expect(session.json(CALLS_KEY)).toEqual([connected]);
  });

  it('notes the leaving page wrote after this page read its calls (its pagehide flush) come back with the connected call', () => {
    const connected: SavedCall = {
      call: { ...wrapUpCall, callId: dialog.callId, phase: 'connected', notes: 'Wants the' },
      dialog,
      savedAt: T0 + 90_000,
    };
    const local = new FakeStorage(TEST_STORAGE_KEY);
    const drafts = new NoteDraftStore({ storage: local, user: AOR });
    const continuity = new CallContinuity({
      storage: saved(connected),
      drafts,
      key: AOR,
      now: () => T0 + 91_000,
    });
    // The last keystrokes land in storage while this page waits for its registration.
    local.setItem(
      draftKey(dialog.callId),
      JSON.stringify({
        callId: dialog.callId,
        notes: 'Wants the premium plan',
        disposition: null,
        updatedAt: T0 + 90_050,
      }),
    );

    expect(continuity.take(true).map((c) => c.notes)).toEqual(['Wants the premium plan']);
  });

  it('a connected call no page took back within 2 minutes of its page leaving comes back dropped in wrap-up, says why, and is logged with its notes', async () => {
    const connected: SavedCall = {
      call: { ...wrapUpCall, callId: dialog.callId, phase: 'connected', held: false },
      dialog,
      savedAt: T0 + 100_000 - 120_001,
    };
    delete connected.call.endedAt;
    delete connected.call.outcome;
    const calls = saved(connected);
    const crm = new FlakyCrm();
    const phone = start(calls, new FakeStorage(TEST_STORAGE_KEY), crm);
    expect(phone.view().calls).toEqual([
      expect.objectContaining({
        callId: dialog.callId,
        status: 'wrapUp',
        outcome: 'dropped',
        notes: 'Refund for invoice 42',
        failure: {
          reason: 'not-recovered',
          message: expect.stringMatching(/no page of yours took it back in time/),
        },
      }),
    ]);
    await jest.advanceTimersByTimeAsync(0);
    // The entry now describes a call in wrap-up: another reload would not try to take it back either.
    expect(calls.json(CALLS_KEY)).toEqual([
      expect.objectContaining({
        dialog: null,
        call: expect.objectContaining({ phase: 'wrapUp', outcome: 'dropped' }),
      }),
    ]);
    phone.send({ type: 'ui.wrapUp.saveAndClose', callId: dialog.callId });
    await jest.advanceTimersByTimeAsync(0);
    expect(crm.logged).toEqual([
      expect.objectContaining({ callId: dialog.callId, notes: 'Refund for invoice 42' }),
    ]);
  });

  it('a connected call waiting for the registration is dropped when it expires meanwhile', async () => {
    const connected: SavedCall = {
      call: { ...wrapUpCall, callId: dialog.callId, phase: 'connected' },
      dialog,
      savedAt: T0 + 100_000 - 60_000,
    };
    delete connected.call.endedAt;
    delete connected.call.outcome;
    const phone = start(saved(connected), new FakeStorage(TEST_STORAGE_KEY), new FlakyCrm());
    expect(phone.view().calls).toEqual([]);
    await jest.advanceTimersByTimeAsync(60_001);
    expect(phone.view().calls).toEqual([
      expect.objectContaining({ callId: dialog.callId, status: 'wrapUp', outcome: 'dropped' }),
    ]);
  });

  it('a page that leaves (pagehide) stamps its calls with the time it left and writes nothing after; stop() would keep only wrap-up', () => {
    const connected: SavedCall = {
      call: { ...wrapUpCall, callId: dialog.callId, phase: 'connected' },
      dialog,
      savedAt: T0 + 90_000,
    };
    delete connected.call.endedAt;
    delete connected.call.outcome;
    const calls = saved(connected, { call: wrapUpCall, dialog: null, savedAt: T0 + 70_000 });
    const phone = start(calls, new FakeStorage(TEST_STORAGE_KEY), new FlakyCrm());
    jest.setSystemTime(T0 + 105_000);
    phone.suspend();
    const writes = calls.writes;
    expect(calls.json(CALLS_KEY)).toEqual([
      { ...connected, savedAt: T0 + 105_000 },
      expect.objectContaining({ call: expect.objectContaining({ callId: wrapUpCall.callId }) }),
    ]);
    phone.send({ type: 'ui.availability.away' });
    void phone.stop();
    expect(calls.writes).toBe(writes);
    expect(calls.json(CALLS_KEY)).toHaveLength(2);
  });

  it('notes the field flushes after the page suspended its phone reach the draft, and the next page shows them', () => {
    const calls = saved({ call: wrapUpCall, dialog: null, savedAt: T0 + 70_000 });
    const local = new FakeStorage(TEST_STORAGE_KEY);
    const first = start(calls, local, new FlakyCrm());
    first.suspend();
    jest.setSystemTime(T0 + 100_001);
    first.send({ type: 'ui.notes.changed', callId: wrapUpCall.callId, text: 'Refund for invoice 42 and 43' });
    expect(local.json(draftKey(wrapUpCall.callId))).toMatchObject({ notes: 'Refund for invoice 42 and 43' });
    const next = start(calls, local, new FlakyCrm());
    expect(next.view().calls[0]?.notes).toBe('Refund for invoice 42 and 43');
  });

  it('every page of the agent in this browser registers with the same +sip.instance, another agent with its own', () => {
    const local = new FakeStorage(TEST_STORAGE_KEY);
    const first = start(new FakeStorage(TEST_STORAGE_KEY), local, new FlakyCrm());
    const id = first.sip.instanceId;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    void first.stop();
    const again = start(new FakeStorage(TEST_STORAGE_KEY), local, new FlakyCrm());
    expect(again.sip.instanceId).toBe(id);
    void again.stop();
    softphone = createSoftphone({
      sip: {
        server: 'ws://127.0.0.1:9/ws',
        aor: 'sip:1002@softphone.test',
        auth: { kind: 'digest', password: 'pw' },
      },
      crm: new FlakyCrm(),
      storage: { local },
      qualityIntervalMs: 0,
    });
    expect(softphone.sip.instanceId).not.toBe(id);
  });

  it('a saved call that cannot be read back is reported and dropped; the others still come back', () => {
    const errors: unknown[] = [];
    const session = saved(
      { call: wrapUpCall, dialog: null, savedAt: T0 },
      {
        call: { ...wrapUpCall, callId: 'bad', phase: 'connected' },
        dialog: { ...dialog, remoteTag: 'a b' },
        savedAt: T0,
      },
    );
    const phone = start(session, new FakeStorage(TEST_STORAGE_KEY), new FlakyCrm(), (e) => errors.push(e));
    expect(phone.view().calls.map((c) => c.callId)).toEqual([wrapUpCall.callId]);
    expect(errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/remote tag is not valid/) }),
    ]);
  });

  it('notes typed during a call are drafted as the agent types, and the draft goes once the CRM confirmed the save', async () => {
    const local = new FakeStorage(TEST_STORAGE_KEY);
    const crm = new FlakyCrm();
    crm.failures = [new Error('Apex is down')];
    const phone = start(saved({ call: wrapUpCall, dialog: null, savedAt: T0 }), local, crm);
    const { callId } = wrapUpCall;
    phone.send({ type: 'ui.notes.changed', callId, text: 'First' });
    phone.send({ type: 'ui.notes.changed', callId, text: 'First words' });
    await jest.advanceTimersByTimeAsync(400);
    expect(local.json(draftKey(callId))).toMatchObject({ notes: 'First words' });
    phone.send({ type: 'ui.wrapUp.save', callId });
    await jest.advanceTimersByTimeAsync(0);
    expect(local.json(draftKey(callId))).toMatchObject({ notes: 'First words' });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(crm.logged.map((e) => e.notes)).toEqual(['First words', 'First words']);
    expect(local.items.has(draftKey(callId))).toBe(false);
  });
});
