// Dial strings from every source (the dial pad, click-to-dial, redirect of a ringing call, raw events a
// host component sends) through the real softphone core and Kamailio: hostile input is refused with a
// clear message and never reaches the wire; what is dialled reaches SIP headers only in its normalised
// form; the admin's dial plan (premium-rate numbers denied) holds for every source.
import { Inviter, UserAgent, type Invitation } from 'sip.js';
import type { DialSource, Softphone } from '../../src/create-softphone';
import type { DialResult } from '../../src/dialing';
import type { SoftphoneView } from '../../src/view/softphone-view';
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
  auth: { kind: 'digest', users: { agent: 'agent-pw', '1001': 'customer-pw' } },
});

/** A verdict a compromised or buggy host component could forge: "dial this premium-rate number". */
const forged: DialResult = {
  ok: true,
  target: {
    kind: 'pstn',
    input: '+19002345678',
    e164: '+19002345678',
    dialString: '19002345678',
    display: 'x',
  },
};

const invites = (wire: WireRecorder) => wire.find('sent INVITE');

describe('dial strings and the dial plan, every dial source, on the wire', () => {
  let softphone: Softphone;
  let wire: WireRecorder;
  let customer: NodeAgent;
  const received: Invitation[] = [];

  beforeAll(async () => {
    customer = createNodeAgent(server(), { user: '1001', password: 'customer-pw' });
    await customer.register();
    customer.ua.delegate = {
      onInvite: (invitation) => {
        received.push(invitation);
        void invitation.accept();
      },
    };
  });
  afterAll(async () => {
    await customer.stop();
  });

  beforeEach(async () => {
    wire = createWireRecorder();
    softphone = await startBarringSoftphone(server(), wire.tap);
  });
  afterEach(async () => {
    await softphone.stop();
    received.length = 0;
  });

  async function refused(dial: () => void): Promise<string> {
    dial();
    const view = await viewWhere(softphone, (v) => v.calls.some((c) => c.failure !== null), 'a refused call');
    const call = view.calls.find((c) => c.failure !== null);
    softphone.send({ type: 'ui.dismiss', callId: call!.callId });
    await viewWhere(softphone, (v) => v.calls.length === 0, 'dismissed');
    return call!.failure!.message;
  }

  /** Ends a call whatever became of it (answered, or refused by the far end) and clears it away. */
  async function finish(callId: string): Promise<void> {
    softphone.send({ type: 'ui.hangup', callId });
    const over = (c: SoftphoneView['calls'][number]) => c.wrapUp.active || c.failure !== null;
    await viewWhere(softphone, (v) => v.calls.every((c) => c.callId !== callId || over(c)), 'call over');
    softphone.send({ type: 'ui.wrapUp.close', callId });
    softphone.send({ type: 'ui.dismiss', callId });
    await viewWhere(softphone, (v) => v.calls.every((c) => c.callId !== callId), 'call cleared');
  }

  const hostile: Array<[string, string, RegExp]> = [
    ['CR/LF header injection', '1001\r\nX-Injected: yes', /line break/],
    ['a closing angle bracket', '1001>', /characters we can't dial/],
    ['a URI parameter', '1001;transport=tcp', /characters we can't dial/],
    ['an address with @ but no sip:', 'bob@softphone.test', /start it with sip:/],
    ['a bracketed SIP URI', '<sip:1001@softphone.test>', /start it with sip:/],
    [
      'a SIP URI with a parameter smuggled after >',
      'sip:1001@softphone.test>;x=1',
      /SIP address isn't valid/,
    ],
    ['markup', '"><img src=x onerror=alert(1)>', /characters we can't dial/],
    ['letters that are not a vanity number', 'HELLO', /letters/],
    ['overlong input', '9'.repeat(200), /too long/],
  ];

  test.each(hostile)('%s is refused with a clear message and nothing is sent', async (_, input, message) => {
    for (const source of ['ui', 'crm'] as DialSource[]) {
      const text = await refused(() => softphone.dial(input, { source }));
      expect(text).toMatch(message);
      // The message explains; it never echoes the hostile text back into the UI.
      expect(text).not.toContain(input.trim());
    }
    expect(invites(wire)).toEqual([]);
  });

  test('what is dialled reaches the Request-URI and To header only in normalised form', async () => {
    const cases: Array<[string, string]> = [
      ['  1001 ', 'sip:1001@'],
      ['sip:1001@softphone.test', 'sip:1001@softphone.test'],
      ['1-800-FLOWERS', 'sip:8003569377@'],
    ];
    // Nobody is registered as the toll-free number: Kamailio answers 404, only the wire matters there.
    for (const [input, uri] of cases) {
      const before = invites(wire).length;
      const callId = softphone.dial(input);
      await viewWhere(
        softphone,
        (v) => v.calls.some((c) => c.callId === callId && c.status !== 'dialing'),
        input,
      );
      const invite = invites(wire)[before];
      expect(invite).toBeDefined();
      const [requestLine = '', ...headers] = invite!.split('\r\n');
      expect(requestLine).toMatch(new RegExp(`^INVITE ${uri.replace(/[.]/g, '\\.')}`));
      const to = headers.find((h) => /^To:/i.test(h)) ?? '';
      expect(to).toContain(uri);
      await finish(callId);
    }
    expect(received.map((i) => i.request.to.uri.user)).toEqual(['1001', '1001']);
  });

  test('the dial plan bars premium-rate numbers from the dial pad, click-to-dial and sip:/tel: URIs', async () => {
    for (const [input, source] of [
      ['1-900-234-5678', 'ui'],
      ['+1 (900) 234-5678', 'crm'],
      ['tel:+19002345678', 'crm'],
      ['sip:19002345678@softphone.test', 'ui'],
    ] as Array<[string, DialSource]>) {
      expect(await refused(() => softphone.dial(input, { source }))).toBe(
        "Your organisation's dial plan blocks calls to numbers starting +1900.",
      );
    }
    expect(invites(wire)).toEqual([]);
  });

  test('a dial or redirect event sent by a host component with a forged verdict is ruled again', async () => {
    const message = await refused(() =>
      softphone.send({
        type: 'ui.dial',
        callId: 'forged-dial',
        number: '+19002345678',
        dial: forged,
        at: Date.now(),
      }),
    );
    expect(message).toMatch(/dial plan blocks/);
    expect(invites(wire)).toEqual([]);

    // A ringing call redirected to a barred number stays ringing with the reason; no 302 leaves.
    const inviter = new Inviter(customer.ua, UserAgent.makeURI(`sip:agent@${server().domain}`)!);
    await inviter.invite();
    const ringing = await viewWhere(softphone, (v) => v.calls[0]?.status === 'ringing', 'ringing');
    const callId = ringing.calls[0]!.callId;
    softphone.send({ type: 'ui.redirect', callId, number: '+19002345678', dial: forged });
    softphone.redirect(callId, '1-900-234-5678');
    const after = await viewWhere(softphone, (v) => v.calls[0]?.error !== null, 'redirect refused');
    expect(after.calls[0]!.status).toBe('ringing');
    expect(wire.find('sent 302 INVITE')).toEqual([]);
    softphone.send({ type: 'ui.reject', callId });
    await viewWhere(softphone, (v) => v.calls.every((c) => c.status !== 'ringing'), 'rejected');
  });
});
