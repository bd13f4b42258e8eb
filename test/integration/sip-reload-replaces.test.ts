// A call that survives the agent's page reload (issue 9): a new SipPhone of the same agent takes the call
// back from a persisted dialog snapshot with an INVITE carrying Replaces, through the project's Kamailio.
// The customer is a plain SIP.js agent that supports Replaces and swaps legs silently, as the workbench's
// customer phone does: it answers the new INVITE at once and SIP.js BYEs the replaced leg.
import { Inviter, SessionState, SIPExtension, UserAgent, type Invitation, type Session } from 'sip.js';
import { createSoftphone, type Softphone } from '../../src/create-softphone';
import type { CallLogEntry, CrmPort } from '../../src/crm';
import { parseDialogSnapshot, type DialogSnapshot } from '../../src/sip';
import type { BrowserStorage } from '../../src/continuity/browser-storage';
import type { SavedCall } from '../../src/continuity/call-continuity';
import { parseStorageKey, SealedStorage } from '../../src/continuity/sealed-storage';
import type { SoftphoneView } from '../../src/view/softphone-view';
import { useKamailio } from '../support/kamailio-fixture';
import {
  callTraffic,
  createNodeAgent,
  createTestPhone,
  NullSessionDescriptionHandler,
  type NodeAgent,
  type TestPhone,
} from '../support/node-sip';

const users = ['alice', 'cust'];
const server = useKamailio({
  auth: { kind: 'digest', users: Object.fromEntries(users.map((u) => [u, `${u}-pw`])) },
});

const ended = (session: Session) =>
  new Promise<void>((resolve) => {
    if (session.state === SessionState.Terminated) return resolve();
    session.stateChange.addListener((s) => s === SessionState.Terminated && resolve());
  });

describe('SipPhone takes a call back after a reload (INVITE with Replaces)', () => {
  let phones: TestPhone[] = [];
  let agents: NodeAgent[] = [];
  /** Every INVITE the customer's phone received, and the sessions it has now. */
  let customer: { agent: NodeAgent; invites: Invitation[]; current: () => Session | undefined };

  async function alicePage(): Promise<TestPhone> {
    const p = createTestPhone(server(), { user: 'alice' });
    phones.push(p);
    await p.phone.start();
    return p;
  }

  /** The customer's phone: rings for new calls (never answered here), swaps legs for Replaces. */
  async function customerPhone(replaces: SIPExtension = SIPExtension.Supported) {
    const invites: Invitation[] = [];
    let current: Session | undefined;
    const agent = createNodeAgent(server(), {
      user: 'cust',
      password: 'cust-pw',
      userAgentOptions: {
        sipExtensionReplaces: replaces,
        delegate: {
          onInvite: (invitation) => {
            invites.push(invitation);
            if (invitation.replacee) {
              current = invitation;
              void invitation.accept();
            }
          },
        },
      },
    });
    agents.push(agent);
    await agent.register();
    customer = { agent, invites, current: () => current };
    return {
      /** The customer calls alice, who answers: alice's Call-ID. */
      async call(alice: TestPhone): Promise<string> {
        const answered = alice.phone.on('sip.invite.received', (e) => void alice.phone.answer(e.callId));
        const target = UserAgent.makeURI('sip:alice@softphone.test');
        if (!target) throw new Error('bad uri');
        const inviter = new Inviter(agent.ua, target);
        current = inviter;
        const established = new Promise<void>((ok) => {
          inviter.stateChange.addListener((state) => state === SessionState.Established && ok());
        });
        await inviter.invite();
        const { callId } = await alice.waitFor('sip.call.answered');
        answered();
        // alice's answer is her 200; the call is up at the customer once that 200 arrives (and the ACK leaves):
        // under load that comes later, and a BYE before it is refused.
        await established;
        await new Promise((r) => setTimeout(r, 20)); // let the customer's ACK reach alice
        return callId;
      },
    };
  }

  afterEach(async () => {
    await Promise.all(phones.map((p) => p.phone.stop()));
    await Promise.all(agents.map((a) => a.stop()));
    phones = [];
    agents = [];
  });

  test('the new page re-establishes the call with Replaces for the old dialog; the customer swaps legs without ringing', async () => {
    const before = await alicePage();
    const cust = await customerPhone();
    const callId = await cust.call(before);
    const oldLeg = customer.current();
    // What the old page persisted, through JSON as local storage would.
    const snapshot = parseDialogSnapshot(
      JSON.parse(JSON.stringify(before.phone.dialogSnapshot(callId))) as unknown,
    );
    expect(snapshot).toMatchObject({ callId, sipCallId: callId });

    const after = await alicePage();
    await expect(after.phone.recover(snapshot)).resolves.toEqual({ callId });
    expect(await after.waitFor('sip.call.answered')).toEqual({ type: 'sip.call.answered', callId });

    const invite = after.wire.find('sent INVITE')[0] ?? '';
    expect(invite).toMatch(
      new RegExp(
        `^Replaces: ${snapshot.sipCallId};to-tag=${snapshot.remoteTag};from-tag=${snapshot.localTag}\\r?$`,
        'm',
      ),
    );
    expect(invite).toMatch(/^Require: replaces\r?$/m);
    // A new dialog: a new SIP Call-ID, while the phone and the CRM keep the call's original id.
    const newSipCallId = /^Call-ID: (\S+)\r?$/m.exec(invite)?.[1];
    expect(newSipCallId).toBeDefined();
    expect(newSipCallId).not.toBe(callId);
    expect(after.phone.callIds()).toEqual([callId]);

    // The customer swapped: the old leg got its BYE and the new one is up, accepted at once (SIP.js still
    // sends its automatic 180 before the delegate sees the INVITE; nothing rings in the customer's UI).
    if (!oldLeg) throw new Error('no old leg');
    await ended(oldLeg);
    expect(await before.waitFor('sip.call.ended')).toMatchObject({ callId, by: 'remote' });
    expect(customer.invites).toHaveLength(1);
    expect(customer.invites[0]?.state).toBe(SessionState.Established);

    // The call goes on from the new page: hold, resume, and a second reload, then hang up.
    await after.phone.hold(callId);
    await after.phone.resume(callId);
    const again = after.phone.dialogSnapshot(callId);
    expect(again).toMatchObject({ callId, sipCallId: newSipCallId });
    const third = await alicePage();
    await third.phone.recover(again as DialogSnapshot);
    await third.waitFor('sip.call.answered');
    expect(customer.invites).toHaveLength(2);
    await third.phone.hangUp(callId);
    const last = customer.current();
    if (!last) throw new Error('no current leg');
    await ended(last);
    expect(third.phone.callIds()).toEqual([]);
  });

  test('a page that leaves suspends its phone: no BYE, one contact at Kamailio, and the next page takes the held call back offering hold', async () => {
    const instanceId = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
    const before = createTestPhone(server(), { user: 'alice', config: { instanceId } });
    phones.push(before);
    await before.phone.start();
    const cust = await customerPhone();
    const callId = await cust.call(before);
    await before.phone.hold(callId);
    const snapshot = before.phone.dialogSnapshot(callId) as DialogSnapshot;
    const oldLeg = customer.current();

    before.phone.suspend();
    await new Promise((r) => setTimeout(r, 300));
    expect(before.wire.summary((m) => m.direction === 'sent' && /^BYE/.test(m.summary))).toEqual([]);
    expect(oldLeg?.state).toBe(SessionState.Established);

    const after = createTestPhone(server(), { user: 'alice', config: { instanceId } });
    phones.push(after);
    await after.phone.start();
    expect((await server().registrations()).get('alice')).toHaveLength(1);
    await after.phone.recover(snapshot, { held: true });
    await after.waitFor('sip.call.answered');
    const invites = () => after.wire.find('sent INVITE');
    // (each INVITE may be sent twice: again with credentials after Kamailio's 407)
    expect(invites().at(-1)).toMatch(/^a=sendonly\r?$/m);
    const takeBack = invites().length;
    if (!oldLeg) throw new Error('no old leg');
    await ended(oldLeg);
    // Taken back on hold, it resumes like any held call.
    await after.phone.resume(callId);
    expect(invites().length).toBeGreaterThan(takeBack);
    expect(invites().at(-1)).toMatch(/^a=sendrecv\r?$/m);
    await after.phone.hangUp(callId);
  });

  test('a page that died without a word (no un-REGISTER) leaves no stale contact: the next page of the same +sip.instance replaces it', async () => {
    const instanceId = '0b7e4a52-9c1d-4e8f-a6b3-5d2c1e0f9a87';
    const dead = createTestPhone(server(), { user: 'alice', config: { instanceId } });
    phones.push(dead);
    await dead.phone.start();
    const [old] = (await server().registrations()).get('alice') ?? [];
    const next = createTestPhone(server(), { user: 'alice', config: { instanceId } });
    phones.push(next);
    await next.phone.start();
    const now = (await server().registrations()).get('alice') ?? [];
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(old);
  });

  test('when the customer already hung up, the take-back fails with 481 and is reported', async () => {
    const before = await alicePage();
    const cust = await customerPhone();
    const callId = await cust.call(before);
    const snapshot = before.phone.dialogSnapshot(callId) as DialogSnapshot;
    const leg = customer.current();
    if (!leg) throw new Error('no leg');
    await leg.bye();
    await before.waitFor('sip.call.ended');

    const after = await alicePage();
    const failure = await after.phone.recover(snapshot).catch((e: unknown) => e);
    expect(failure).toMatchObject({ statusCode: 481 });
    const event = await after.waitFor('sip.call.failed');
    expect(event).toMatchObject({ callId, error: { statusCode: 481 } });
    expect(after.phone.callIds()).toEqual([]);
    // It never rang at the customer as a new call.
    expect(customer.invites.every((i) => i.state === SessionState.Terminated)).toBe(true);
  });

  test('a saved dialog that was tampered with is refused with a clear error before anything is sent', async () => {
    const after = await alicePage();
    const bad = { callId: 'abcdefgh1234', sipCallId: 'x\r\nBye: now', localTag: 'a', remoteTag: 'b' };
    expect(() => parseDialogSnapshot(bad)).toThrow(/SIP Call-ID is not valid/);
    await expect(after.phone.recover(bad as unknown as DialogSnapshot)).rejects.toThrow(
      /cannot be taken back: its SIP Call-ID is not valid/,
    );
    expect(after.wire.summary(callTraffic)).toEqual([]);
  });
});

/** The agent's storage key, as Apex hands it to the page (calls are stored sealed with it). */
const STORAGE_KEY = Buffer.alloc(32, 0x2a).toString('base64');

/** The browser's local storage: what the page before the reload left in it. */
function storageWith(entries: SavedCall[], aor: string): BrowserStorage {
  const items = new Map<string, string>();
  const storage: BrowserStorage = {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
  const sealed = new SealedStorage(storage, parseStorageKey(STORAGE_KEY) as Uint8Array);
  sealed.setItem(`softphone.calls:${aor}`, JSON.stringify(entries));
  return storage;
}

class LoggingCrm implements CrmPort {
  readonly logged: CallLogEntry[] = [];
  searchByNumber = () => Promise.resolve([]);
  searchByName = () => Promise.resolve([]);
  screenPop = () => Promise.resolve();
  onClickToDial = () => () => undefined;
  logCall(entry: CallLogEntry) {
    this.logged.push(entry);
    return Promise.resolve({ taskId: '00T000000000001AAA' });
  }
}

function untilView(
  softphone: Softphone,
  predicate: (view: SoftphoneView) => boolean,
): Promise<SoftphoneView> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      stop();
      fail(new Error(`timed out; view: ${JSON.stringify(softphone.view())}`));
    }, 10_000);
    const stop = softphone.subscribe((view) => {
      if (!predicate(view)) return;
      clearTimeout(timer);
      stop();
      ok(view);
    });
  });
}

describe('the softphone restores a call after a reload (composition, through Kamailio)', () => {
  let agents: NodeAgent[] = [];
  let softphones: Softphone[] = [];
  let phones: TestPhone[] = [];
  afterEach(async () => {
    await Promise.all(softphones.map((p) => p.stop()));
    await Promise.all(phones.map((p) => p.phone.stop()));
    await Promise.all(agents.map((a) => a.stop()));
    agents = [];
    softphones = [];
    phones = [];
  });

  /** alice answers the customer on the "old page"; returns what that page left in local storage. */
  async function callBeforeTheReload(): Promise<{
    saved: SavedCall;
    customerLeg: () => Session | undefined;
  }> {
    let current: Session | undefined;
    const cust = createNodeAgent(server(), {
      user: 'cust',
      password: 'cust-pw',
      userAgentOptions: {
        sipExtensionReplaces: SIPExtension.Supported,
        delegate: {
          onInvite: (invitation) => {
            if (!invitation.replacee) return void invitation.reject({ statusCode: 486 });
            current = invitation;
            void invitation.accept();
          },
        },
      },
    });
    agents.push(cust);
    await cust.register();
    const before = createTestPhone(server(), { user: 'alice' });
    phones.push(before);
    await before.phone.start();
    before.phone.on('sip.invite.received', (e) => void before.phone.answer(e.callId));
    const inviter = new Inviter(
      cust.ua,
      UserAgent.makeURI('sip:alice@softphone.test') as NonNullable<ReturnType<typeof UserAgent.makeURI>>,
    );
    current = inviter;
    await inviter.invite();
    const { callId } = await before.waitFor('sip.call.answered');
    await new Promise((r) => setTimeout(r, 20));
    const dialog = before.phone.dialogSnapshot(callId) as DialogSnapshot;
    const saved: SavedCall = {
      call: {
        callId,
        direction: 'incoming',
        remote: { number: 'cust' },
        startedAt: Date.now() - 5_000,
        answeredAt: Date.now() - 4_000,
        notes: 'Refund for invoice 42',
        disposition: null,
        matches: [],
        chosen: null,
        phase: 'connected',
      },
      dialog,
      savedAt: Date.now(),
    };
    return { saved, customerLeg: () => current };
  }

  function newPage(saved: SavedCall, crm: CrmPort): Softphone {
    const aor = `sip:alice@${server().domain}`;
    const softphone = createSoftphone({
      sip: {
        server: server().wsUrl,
        aor,
        auth: { kind: 'digest', password: 'alice-pw' },
        sessionDescriptionHandlerFactory: () => new NullSessionDescriptionHandler(),
        microphoneCheck: async () => undefined,
        muteHook: () => undefined,
        keepAlive: false,
      },
      crm,
      phone: { call: { wrapUpSeconds: 0 } },
      storage: { calls: storageWith([saved], aor), local: null, secret: STORAGE_KEY },
      qualityIntervalMs: 0,
    });
    softphones.push(softphone);
    softphone.start();
    return softphone;
  }

  test('the call comes back live with its notes and is logged once, under its original call id', async () => {
    const { saved, customerLeg } = await callBeforeTheReload();
    const crm = new LoggingCrm();
    const softphone = newPage(saved, crm);
    const live = await untilView(softphone, (v) => v.calls[0]?.status === 'live');
    expect(live.calls[0]).toMatchObject({ callId: saved.call.callId, notes: 'Refund for invoice 42' });
    softphone.send({ type: 'ui.hangup', callId: saved.call.callId });
    await untilView(softphone, (v) => v.calls[0]?.status === 'wrapUp');
    await ended(customerLeg() as Session);
    softphone.send({ type: 'ui.wrapUp.saveAndClose', callId: saved.call.callId });
    await untilView(softphone, (v) => v.calls.length === 0);
    expect(crm.logged).toEqual([
      expect.objectContaining({ callId: saved.call.callId, notes: 'Refund for invoice 42' }),
    ]);
  });

  test('when the customer hung up meanwhile (481), the agent reads why and the dropped call is logged with its notes', async () => {
    const { saved, customerLeg } = await callBeforeTheReload();
    await (customerLeg() as Session).bye();
    const crm = new LoggingCrm();
    const softphone = newPage(saved, crm);
    const dropped = await untilView(softphone, (v) => v.calls[0]?.status === 'wrapUp');
    expect(dropped.calls[0]).toMatchObject({
      callId: saved.call.callId,
      outcome: 'dropped',
      notes: 'Refund for invoice 42',
      failure: { reason: 'not-recovered', message: expect.stringMatching(/already hung up/) },
    });
    softphone.send({ type: 'ui.wrapUp.saveAndClose', callId: saved.call.callId });
    await untilView(softphone, (v) => v.calls.length === 0);
    expect(crm.logged).toEqual([
      expect.objectContaining({ callId: saved.call.callId, notes: 'Refund for invoice 42' }),
    ]);
  });
});
