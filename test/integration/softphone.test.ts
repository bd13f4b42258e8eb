// The whole core in Node: the real statecharts, the real SipPhone and the project's Kamailio, with a
// recording CRM. Journeys from the product documents, asserted on the view model and the CRM's arguments.
import { Inviter, SessionState, UserAgent, type Invitation, type Session } from 'sip.js';
import { createSoftphone, type Softphone } from '../../src/create-softphone';
import type { CallLogEntry, ContactMatch, CrmPort } from '../../src/crm';
import type { ScreenPopTarget } from '../../src/protocol';
import { defaultDialingSettings } from '../../src/dialing';
import { useKamailio } from '../support/kamailio-fixture';
import { createNodeAgent, nodeSoftphoneSip, viewWhere, type NodeAgent } from '../support/node-sip';

const server = useKamailio({ auth: { kind: 'digest', users: { agent: 'agent-pw', '1001': 'customer-pw' } } });

const jane: ContactMatch = {
  id: '003000000000001AAA',
  name: 'Jane Roe',
  objectType: 'Contact',
  phone: '1001',
};

class RecordingCrm implements CrmPort {
  logged: CallLogEntry[] = [];
  pops: ScreenPopTarget[] = [];
  searches: string[] = [];
  async searchByNumber(number: string) {
    this.searches.push(number);
    return number === '1001' ? [jane] : [];
  }
  async searchByName() {
    return [];
  }
  async screenPop(target: ScreenPopTarget) {
    this.pops.push(target);
  }
  async logCall(entry: CallLogEntry) {
    this.logged.push(entry);
    return { taskId: '00T000000000001AAA' };
  }
  onClickToDial() {
    return () => undefined;
  }
}

function reached(session: Session, state: SessionState): Promise<void> {
  return new Promise((ok) => {
    if (session.state === state) return ok();
    session.stateChange.addListener((s) => s === state && ok());
  });
}

describe('softphone core through Kamailio', () => {
  let softphone: Softphone;
  let crm: RecordingCrm;
  let customer: NodeAgent;

  beforeEach(async () => {
    crm = new RecordingCrm();
    softphone = createSoftphone({
      sip: nodeSoftphoneSip(server(), 'agent', 'agent-pw'),
      crm,
      phone: { call: { wrapUpSeconds: 30 } },
      dialing: { ...defaultDialingSettings, extensionLengths: [4] },
    });
    customer = createNodeAgent(server(), { user: '1001', password: 'customer-pw' });
    await customer.register();
    softphone.start();
    await viewWhere(softphone, (v) => v.registration === 'registered', 'registered');
  });

  afterEach(async () => {
    await softphone.stop();
    await customer.stop();
  });

  test('a known caller rings with the matching contact, is answered, and the wrap-up saves a Task related to the contact', async () => {
    const invitation = new Inviter(customer.ua, UserAgent.makeURI(`sip:agent@${server().domain}`)!);
    await invitation.invite();

    const ringing = await viewWhere(
      softphone,
      (v) => v.calls[0]?.contact.state === 'one',
      'ringing with one match',
    );
    const call = ringing.calls[0]!;
    expect(call).toMatchObject({ direction: 'incoming', status: 'ringing', title: 'Jane Roe' });
    expect(call.actions).toMatchObject({
      answer: true,
      reject: true,
      rejectWithText: true,
      redirect: true,
      hold: false,
    });
    expect(crm.searches).toEqual(['1001']);

    softphone.send({ type: 'ui.answer', callId: call.callId });
    await reached(invitation, SessionState.Established);
    const live = await viewWhere(softphone, (v) => v.calls[0]?.status === 'live', 'live');
    expect(live.calls[0]!.actions).toMatchObject({ hangup: true, hold: true, mute: true, answer: false });
    expect(crm.pops).toContainEqual({ type: 'SOBJECT', params: { recordId: jane.id } });

    softphone.send({ type: 'ui.notes.changed', callId: call.callId, text: 'Wants a callback on Monday' });
    await invitation.bye();
    const wrapUp = await viewWhere(softphone, (v) => v.calls[0]?.wrapUp.active === true, 'wrap-up');
    expect(wrapUp.availability).toBe('wrapUp');
    expect(wrapUp.calls[0]!.wrapUp.timerEndsAt).not.toBeNull();

    softphone.send({ type: 'ui.wrapUp.saveAndClose', callId: call.callId });
    const idle = await viewWhere(softphone, (v) => v.calls.length === 0, 'call finished');
    expect(idle.availability).toBe('available');
    // The Task is in: recent calls lists reload.
    expect(idle.recentsRevision).toBe(1);
    expect(crm.logged.at(-1)).toMatchObject({
      callId: call.callId,
      callType: 'Inbound',
      subject: 'Inbound call from Jane Roe',
      notes: 'Wants a callback on Monday',
      whoId: jane.id,
    });
    expect(crm.logged.at(-1)!.durationSeconds).toBeGreaterThanOrEqual(0);
  });

  test('dialling a number rings the customer with our Call-ID; the agent hangs up and the call is logged as outbound', async () => {
    const incoming = new Promise<Invitation>((ok) => {
      customer.ua.delegate = { onInvite: (i) => ok(i) };
    });
    const callId = softphone.dial('1001');
    const invitation = await incoming;
    expect(invitation.request.callId).toBe(callId);
    await viewWhere(softphone, (v) => v.calls[0]?.status === 'dialing', 'dialing');

    await invitation.accept();
    await viewWhere(softphone, (v) => v.calls[0]?.status === 'live', 'live');
    softphone.send({ type: 'ui.hangup', callId });
    await reached(invitation, SessionState.Terminated);
    await viewWhere(softphone, (v) => v.calls[0]?.wrapUp.active === true, 'wrap-up');
    softphone.send({ type: 'ui.wrapUp.saveAndClose', callId });
    await viewWhere(softphone, (v) => v.calls.length === 0, 'call finished');
    expect(crm.logged.at(-1)).toMatchObject({ callId, callType: 'Outbound', whoId: jane.id });
  });

  test("an unsupervised transfer is handed over as soon as the target is dialled: the customer gets the REFER, with the call's context", async () => {
    const refer = new Promise<string>((ok) => {
      customer.ua.delegate = {
        onInvite: (invitation) => {
          invitation.delegate = {
            onRefer: (referral) => {
              void referral.accept();
              ok(referral.request.getHeader('refer-to') ?? '');
            },
          };
          void invitation.accept();
        },
      };
    });
    const callId = softphone.dial('1001');
    await viewWhere(softphone, (v) => v.calls[0]?.status === 'live', 'live');
    softphone.send({ type: 'ui.transfer.start', callId });
    await viewWhere(
      softphone,
      (v) => v.consultation?.purpose === 'transfer' && v.calls[0]?.status === 'held',
      'customer held, transfer target asked for',
    );

    softphone.dial('2002', { transfer: 'unsupervised' });

    const referTo = await refer;
    expect(referTo).toMatch(/^<sip:2002@softphone\.test\?X-Softphone-Context=[^>]+>$/);
    expect(decodeURIComponent(referTo)).toContain(jane.id);
  });

  test('a number the dialing rules refuse fails at once with their message, and nothing reaches the wire', async () => {
    const before = customer.wire.length;
    softphone.dial('12<script>');
    const failed = await viewWhere(
      softphone,
      (v) => v.calls[0]?.failure !== null && v.calls[0] !== undefined,
      'failed',
    );
    expect(failed.calls[0]!.failure!.reason).toBe('invalid-number');
    expect(failed.calls[0]!.failure!.message).not.toMatch(/<script>/);
    expect(customer.wire.length).toBe(before);
  });
});
