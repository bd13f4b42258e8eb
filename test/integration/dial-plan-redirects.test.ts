// Destinations the network chooses go through the admin's dial plan as typed numbers do: a 302 to a
// denied number is not followed (no INVITE to it on the wire) and the agent sees why; a REFER to a
// denied number is declined and never dialled. Whole softphone core, real Kamailio, real SIP.js peers.
import { UserAgent, type Invitation, type Session } from 'sip.js';
import type { Softphone } from '../../src/create-softphone';
import { useKamailio } from '../support/kamailio-fixture';
import {
  createNodeAgent,
  createWireRecorder,
  viewWhere,
  type NodeAgent,
  type WireRecorder,
  startBarringSoftphone,
} from '../support/node-sip';

const server = useKamailio({
  auth: {
    kind: 'digest',
    users: { agent: 'agent-pw', '1001': 'customer-pw', '1002': 'desk-pw', '9002345678': 'premium-pw' },
  },
});

const requestLine = (raw: string) => raw.split('\r\n')[0] ?? '';

describe('3xx and REFER destinations obey the dial plan', () => {
  let softphone: Softphone;
  let wire: WireRecorder;
  let customer: NodeAgent;
  let desk: NodeAgent;
  let premium: NodeAgent;
  /** What the customer's phone does with the agent's INVITE. */
  let onCustomerInvite: (invitation: Invitation) => void = () => undefined;
  const reached: string[] = [];

  beforeAll(async () => {
    customer = createNodeAgent(server(), { user: '1001', password: 'customer-pw' });
    desk = createNodeAgent(server(), { user: '1002', password: 'desk-pw' });
    // A premium-rate line that would answer if it were ever called (its national number, as Kamailio reads it).
    premium = createNodeAgent(server(), { user: '9002345678', password: 'premium-pw' });
    customer.ua.delegate = { onInvite: (invitation) => onCustomerInvite(invitation) };
    for (const [name, agent] of [
      ['desk', desk],
      ['premium', premium],
    ] as const) {
      agent.ua.delegate = {
        onInvite: (invitation) => {
          reached.push(name);
          void invitation.accept();
        },
      };
    }
    await Promise.all([customer.register(), desk.register(), premium.register()]);
  });
  afterAll(async () => {
    await Promise.all([customer.stop(), desk.stop(), premium.stop()]);
  });

  beforeEach(async () => {
    reached.length = 0;
    wire = createWireRecorder();
    softphone = await startBarringSoftphone(server(), wire.tap);
  });
  afterEach(async () => {
    await softphone.stop();
  });

  // Each INVITE goes twice: once more with the digest credentials the proxy asked for (407).
  const invitesSent = () => [...new Set(wire.find('sent INVITE').map(requestLine))];

  test('a 302 to a denied number is not followed: no INVITE to it, and the agent is told why', async () => {
    onCustomerInvite = (invitation) =>
      void invitation.reject({
        statusCode: 302,
        extraHeaders: [`Contact: <sip:19002345678@${server().domain}>`],
      });
    const callId = softphone.dial('1001');
    const view = await viewWhere(
      softphone,
      (v) => v.calls.some((c) => c.callId === callId && c.failure !== null),
      'the call failed',
    );

    expect(view.calls.find((c) => c.callId === callId)!.failure).toEqual({
      reason: 'forwarded-to-denied-number',
      message:
        "The call was forwarded to a number your organisation's dial plan blocks, so it was not put through.",
    });
    expect(wire.summary((m) => /302/.test(m.summary))).toEqual(['received 302 INVITE']);
    expect(invitesSent()).toEqual([`INVITE sip:1001@${server().domain} SIP/2.0`]);
    expect(reached).toEqual([]);
  });

  test('of several Contacts, the denied one is skipped and an allowed one is followed', async () => {
    onCustomerInvite = (invitation) =>
      void invitation.reject({
        statusCode: 302,
        extraHeaders: [
          `Contact: <sip:+19002345678@${server().domain}>;q=0.9, <sip:1002@${server().domain}>;q=0.5`,
        ],
      });
    const callId = softphone.dial('1001');
    await viewWhere(
      softphone,
      (v) => v.calls.some((c) => c.callId === callId && c.status === 'live'),
      'live',
    );

    expect(invitesSent()).toEqual([
      `INVITE sip:1001@${server().domain} SIP/2.0`,
      `INVITE sip:1002@${server().domain} SIP/2.0`,
    ]);
    expect(reached).toEqual(['desk']);
    softphone.send({ type: 'ui.hangup', callId });
    await viewWhere(softphone, (v) => v.calls.every((c) => c.status !== 'live'), 'hung up');
  });

  test('a REFER to a denied number is declined and nothing is dialled', async () => {
    let session: Session | undefined;
    onCustomerInvite = (invitation) => {
      session = invitation;
      void invitation.accept();
    };
    const callId = softphone.dial('1001');
    await viewWhere(
      softphone,
      (v) => v.calls.some((c) => c.callId === callId && c.status === 'live'),
      'live',
    );

    const answer = await new Promise<number>((ok, fail) => {
      session!
        .refer(UserAgent.makeURI(`sip:19002345678@${server().domain}`)!, {
          requestDelegate: {
            onAccept: (response) => ok(response.message.statusCode ?? 0),
            onReject: (response) => ok(response.message.statusCode ?? 0),
          },
        })
        .catch(fail);
    });

    expect(answer).toBe(603);
    expect(invitesSent()).toEqual([`INVITE sip:1001@${server().domain} SIP/2.0`]);
    expect(reached).toEqual([]);
    expect(softphone.view().calls.find((c) => c.callId === callId)?.status).toBe('live');
    softphone.send({ type: 'ui.hangup', callId });
    await viewWhere(softphone, (v) => v.calls.every((c) => c.status !== 'live'), 'hung up');
  });
});
