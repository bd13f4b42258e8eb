// The development server (scripts/sip-server/kamailio.cfg) keeps the SIP edge's rules, so the workbench
// and the journeys run with them: every WebSocket request is authenticated (a foreign From too), no
// ;alias= relay outside dialogs, identity headers and the context only from authenticated users.
import { createSocket } from 'node:dgram';
import WebSocket from 'ws';
import { useKamailio } from '../support/kamailio-fixture';
import { createTestPhone, type TestPhone } from '../support/node-sip';
import { receivedStatuses, runSipp } from '../support/sipp';

const server = useKamailio({ auth: { kind: 'digest', users: { alice: 'alice-pw', mallory: 'mallory-pw' } } });

describe('the development server', () => {
  let alice: TestPhone;
  beforeAll(async () => {
    alice = createTestPhone(server(), { user: 'alice' });
    await alice.phone.start();
  });
  afterAll(async () => {
    await alice.phone.stop();
  });

  test('a WebSocket INVITE with a foreign From is challenged', async () => {
    const status = await new Promise<string>((ok, fail) => {
      const ws = new WebSocket(server().wsUrl, 'sip');
      ws.on('open', () =>
        ws.send(
          [
            `INVITE sip:alice@${server().domain} SIP/2.0`,
            'Via: SIP/2.0/WS attacker.invalid;branch=z9hG4bK-dev-ws-1',
            'From: <sip:ceo@bank.example>;tag=d1',
            `To: <sip:alice@${server().domain}>`,
            'Call-ID: dev-foreign-from-1',
            'CSeq: 1 INVITE',
            'Contact: <sip:ceo@attacker.invalid;transport=ws>',
            'Max-Forwards: 70',
            'Content-Length: 0',
            '',
            '',
          ].join('\r\n'),
        ),
      );
      ws.on('message', (data: Buffer) => {
        const m = /^SIP\/2\.0 ([2-6]\d\d [^\r\n]*)/.exec(data.toString());
        if (m?.[1]) {
          ws.close();
          ok(m[1]);
        }
      });
      ws.on('error', fail);
    });
    expect(status).toMatch(/^407 /);
  });

  test('an unauthenticated UDP caller reaches the agent without its P-Asserted-Identity, context or agent header', async () => {
    const ringing = alice.waitFor('sip.invite.received', (e) => e.caller.user === 'bank', 10_000);
    const run = runSipp({
      scenario: 'edge-invite.xml',
      target: `127.0.0.1:${server().udpPort}`,
      keys: {
        service: 'alice',
        ruri_host: server().domain,
        ruri_params: '',
        from_user: 'bank',
        from_domain: 'bank.example',
      },
      traceMessages: true,
    });
    const { callId, caller, context } = await ringing;
    const invite = alice.wire.find('received INVITE').at(-1) ?? '';
    expect(invite).not.toMatch(/^(P-Asserted-Identity|X-Softphone-Context|X-Softphone-Agent):/im);
    expect(caller.source).toBe('from');
    expect(context).toBeUndefined();
    await alice.phone.reject(callId);
    expect(receivedStatuses((await run).messages).at(-1)).toMatch(/^486 /);
  });

  test(';alias= to any address outside a dialog: 403, and the address hears nothing', async () => {
    const socket = createSocket('udp4');
    const heard: string[] = [];
    socket.on('message', (m) => heard.push(m.toString()));
    await new Promise<void>((ok) => socket.bind(0, '127.0.0.1', ok));
    try {
      const run = await runSipp({
        scenario: 'edge-invite.xml',
        target: `127.0.0.1:${server().udpPort}`,
        keys: {
          service: 'victim',
          ruri_host: server().domain,
          ruri_params: `;alias=127.0.0.1~${socket.address().port}~1`,
          from_user: 'x',
          from_domain: 'x.example',
        },
        traceMessages: true,
      });
      expect(receivedStatuses(run.messages).at(-1)).toBe('403 Relaying Denied');
      await new Promise((r) => setTimeout(r, 300));
      expect(heard).toEqual([]);
    } finally {
      socket.close();
    }
  });
});
