// Customer data in browser storage has a lifetime and an owner (issue 13): through the real composition
// (createSoftphone) over one browser's localStorage, pages of two Salesforce users on the same line live and
// leave in turn, with the retention shortened to a minute. What is on disk names no customer; another user's
// page opens nothing; what nobody needs goes after the retention; a call whose log was never saved is never
// dropped by age for its own agent.
import type { RestoredCall } from '../../call';
import { createSoftphone, type Softphone } from '../../create-softphone';
import type { SavedCall } from '../call-continuity';
import { NoteDraftStore } from '../note-drafts';
import { parseStorageKey, SealedStorage, StorageError } from '../sealed-storage';
import { DEFAULT_STORAGE_RETENTION_MS } from '../storage-retention';
import { FlakyCrm } from './fake-crm';
import { FakeStorage, TEST_STORAGE_KEY } from './fake-storage';

const AOR = 'sip:1001@softphone.test';
/** Two agents sharing a workstation (and, one shift after the other, the line 1001). */
const ADA = { key: `005WB0000000001AAA:${AOR}`, secret: TEST_STORAGE_KEY };
const BEN = { key: `005WB0000000002AAA:${AOR}`, secret: Buffer.alloc(32, 0x17).toString('base64') };
type Agent = typeof ADA;
const RETENTION_MS = 60_000;
const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);

const callsKey = (agent: Agent) => `softphone.calls:${agent.key}`;
const draftKey = (agent: Agent, callId: string) => `softphone.draft:${agent.key}:${callId}`;

const alice = {
  id: '003WB0000000001YAA',
  name: 'Alice Nguyen',
  objectType: 'Contact' as const,
  phone: '(415) 555-0101',
  accountName: 'Acme Corporation',
};
const wrapUpCall: RestoredCall = {
  callId: 'call-with-alice-1',
  direction: 'incoming',
  remote: { number: '+14155550101', displayName: 'Alice Nguyen' },
  startedAt: T0 - 90_000,
  answeredAt: T0 - 88_000,
  notes: 'Refund for invoice 42',
  disposition: null,
  matches: [alice],
  chosen: alice,
  phase: 'wrapUp',
  endedAt: T0 - 30_000,
  outcome: 'completed',
};
const TYPED = 'Refund for invoice 42, credit note by Friday';
/** What must never be readable on disk: the customer's name, number, record, account and the notes. */
const CUSTOMER_WORDS = [
  'Alice',
  'Nguyen',
  '4155550101',
  '555-0101',
  '003WB',
  'Acme',
  'Refund',
  'invoice',
  'credit',
];

/** The names of the saved calls and drafts in storage (the SIP instance ids beside them name no customer). */
function customerEntries(local: FakeStorage): string[] {
  return [...local.items.keys()].filter((k) => /^softphone\.(calls|draft):/.test(k));
}

/** The storage as `agent`'s page opens it (with the agent's key). */
function sealedFor(agent: Agent, local: FakeStorage): SealedStorage {
  return new SealedStorage(local, parseStorageKey(agent.secret) as Uint8Array);
}

describe('customer data in browser storage', () => {
  const pages: Softphone[] = [];
  beforeEach(() => jest.useFakeTimers({ now: T0 }));
  afterEach(async () => {
    const stopping = pages.splice(0).map((p) => p.stop());
    await jest.runOnlyPendingTimersAsync();
    await Promise.all(stopping);
    jest.useRealTimers();
  });

  function page(local: FakeStorage, agent: Agent, crm = new FlakyCrm(), errors: unknown[] = []): Softphone {
    const softphone = createSoftphone({
      sip: { server: 'ws://127.0.0.1:9/ws', aor: AOR, auth: { kind: 'digest', password: 'pw' } },
      crm,
      phone: { call: { wrapUpSeconds: 0, saveRetryDelayMs: 1_000 } },
      storage: { local, key: agent.key, secret: agent.secret, retentionMs: RETENTION_MS },
      qualityIntervalMs: 0,
      onError: (e) => errors.push(e),
    });
    pages.push(softphone);
    return softphone;
  }

  /** Ada's page with Alice's call in wrap-up, its log not saved: she types notes, then the page goes. */
  async function adaLeavesAliceInWrapUp(local: FakeStorage): Promise<void> {
    const saved: SavedCall = { call: wrapUpCall, dialog: null, savedAt: T0 - 1_000 };
    sealedFor(ADA, local).setItem(callsKey(ADA), JSON.stringify([saved]));
    const ada = page(local, ADA);
    ada.send({ type: 'ui.notes.changed', callId: wrapUpCall.callId, text: TYPED });
    await jest.advanceTimersByTimeAsync(400); // the draft is written once typing pauses
    ada.suspend(); // pagehide
  }

  it('is stored under the Salesforce user and SIP address, sealed: no customer name, number, record or notes in the clear', async () => {
    const local = new FakeStorage(ADA.secret);
    await adaLeavesAliceInWrapUp(local);

    expect(customerEntries(local).sort()).toEqual([callsKey(ADA), draftKey(ADA, wrapUpCall.callId)]);
    const onDisk = [...local.items.values()].join('\n');
    for (const word of CUSTOMER_WORDS)
      expect({ word, found: onDisk.includes(word) }).toEqual({ word, found: false });
    // Ada's key opens them: the call with its contact and the notes typed last.
    expect(local.json(draftKey(ADA, wrapUpCall.callId))).toMatchObject({ notes: TYPED });
    expect(local.json(callsKey(ADA))).toEqual([
      expect.objectContaining({ call: expect.objectContaining({ matches: [alice], notes: TYPED }) }),
    ]);
    // Her next page (a reload) shows the call again with her notes.
    const again = page(local, ADA);
    expect(again.view().calls).toEqual([
      expect.objectContaining({ callId: wrapUpCall.callId, notes: TYPED }),
    ]);
  });

  it("another Salesforce user's page on the same browser and line opens nothing of it, even copied under its own names", async () => {
    const local = new FakeStorage(ADA.secret);
    await adaLeavesAliceInWrapUp(local);
    jest.setSystemTime(T0 + 10_000);

    const errors: unknown[] = [];
    const ben = page(local, BEN, new FlakyCrm(), errors);
    expect(ben.view().calls).toEqual([]);
    ben.send({ type: 'ui.notes.changed', callId: wrapUpCall.callId, text: 'x' }); // no call of his: nothing
    expect(errors).toEqual([]);
    await ben.stop();

    // Ada's entries, moved under Ben's names, still do not open with Ben's key: reported and removed.
    local.items.set(callsKey(BEN), local.items.get(callsKey(ADA)) as string);
    local.items.set(
      draftKey(BEN, wrapUpCall.callId),
      local.items.get(draftKey(ADA, wrapUpCall.callId)) as string,
    );
    const copied = page(local, BEN, new FlakyCrm(), errors);
    expect(copied.view().calls).toEqual([]);
    expect(errors).toEqual([expect.any(StorageError)]);
    expect((errors[0] as StorageError).code).toBe('unreadable');
    expect(local.items.has(callsKey(BEN))).toBe(false);
  });

  it("another agent's entries stay, unreadable, for the retention and go at the first start after it; entries in the clear go at once", async () => {
    const local = new FakeStorage(ADA.secret);
    await adaLeavesAliceInWrapUp(local);
    // A page from before sealing left a colleague's draft in the clear.
    const legacy = 'softphone.draft:005WB0000000003AAA:sip:1003@softphone.test:call-9';
    local.setItem(
      legacy,
      JSON.stringify({ callId: 'call-9', notes: 'Bob Smith, card ends 4242', updatedAt: T0 }),
    );

    // Ben's first shift starts half a retention later: Ada's call may still be needed (its log never saved).
    jest.setSystemTime(T0 + RETENTION_MS / 2);
    await page(local, BEN).stop();
    expect(local.items.has(legacy)).toBe(false);
    expect(local.items.has(callsKey(ADA))).toBe(true);
    expect(local.items.has(draftKey(ADA, wrapUpCall.callId))).toBe(true);

    // Still within the retention of Ada's last write (the page left at T0 + 400 ms).
    jest.setSystemTime(T0 + 400 + RETENTION_MS);
    await page(local, BEN).stop();
    expect(local.items.has(callsKey(ADA))).toBe(true);

    // Ben's next start, past it: nothing of Ada's customers is left.
    jest.setSystemTime(T0 + 401 + RETENTION_MS);
    await page(local, BEN).stop();
    expect(customerEntries(local).filter((k) => k.includes(ADA.key))).toEqual([]);
  });

  it('a call whose log was never saved is not dropped by age: it comes back with its draft however old, and leaves storage once logged; a draft without a call goes after the retention', async () => {
    const local = new FakeStorage(ADA.secret);
    await adaLeavesAliceInWrapUp(local);
    // A draft whose call's log was saved, but the page went before it was cleared: shown nowhere again.
    const drafts = new NoteDraftStore({ storage: sealedFor(ADA, local), user: ADA.key });
    drafts.write('call-logged-already', 'Bob called back', null);
    drafts.flush();

    jest.setSystemTime(T0 + RETENTION_MS / 2);
    page(local, ADA).suspend();
    expect(local.items.has(draftKey(ADA, 'call-logged-already'))).toBe(true);

    // Ada is back three retentions later: Alice's call is on screen with the notes; the orphan draft is gone.
    jest.setSystemTime(T0 + 3 * RETENTION_MS);
    const crm = new FlakyCrm();
    const back = page(local, ADA, crm);
    expect(local.items.has(draftKey(ADA, 'call-logged-already'))).toBe(false);
    expect(local.items.has(draftKey(ADA, wrapUpCall.callId))).toBe(true);
    expect(back.view().calls).toEqual([
      expect.objectContaining({ callId: wrapUpCall.callId, status: 'wrapUp', notes: TYPED }),
    ]);
    back.send({ type: 'ui.wrapUp.saveAndClose', callId: wrapUpCall.callId });
    await jest.advanceTimersByTimeAsync(0);
    expect(crm.logged).toEqual([expect.objectContaining({ callId: wrapUpCall.callId, notes: TYPED })]);
    await jest.advanceTimersByTimeAsync(0);
    expect(customerEntries(local).filter((k) => k.includes(ADA.key))).toEqual([]);
  });

  it('a host without the agent key (outside Salesforce) keeps no customer data, and leaves none in the clear', () => {
    const local = new FakeStorage();
    const saved: SavedCall = { call: wrapUpCall, dialog: null, savedAt: T0 - 1_000 };
    local.setItem(callsKey(ADA), JSON.stringify([saved]));
    const softphone = createSoftphone({
      sip: { server: 'ws://127.0.0.1:9/ws', aor: AOR, auth: { kind: 'digest', password: 'pw' } },
      crm: new FlakyCrm(),
      storage: { local, key: ADA.key },
      qualityIntervalMs: 0,
    });
    pages.push(softphone);
    expect(softphone.view().calls).toEqual([]);
    softphone.suspend();
    expect(customerEntries(local)).toEqual([]);
  });

  it('keeps what nobody needs any more for a day by default', () => {
    expect(DEFAULT_STORAGE_RETENTION_MS).toBe(24 * 60 * 60 * 1000);
  });
});
