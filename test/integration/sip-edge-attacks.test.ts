// The SIP edge reviewed as an attacker would (docs/sip-edge.md, "What it refuses"): SIPp over UDP and a
// raw secure WebSocket try each hole of the development server's first version, and each is refused. The
// victim is a real SipPhone registered over WSS; "nothing was relayed" is a UDP socket that hears nothing.
import { createSocket, type Socket } from 'node:dgram';
import WebSocket from 'ws';
import { ephemeralCredentials } from '../../scripts/sip-server/kamailio';
import { freeUdpPort } from '../../scripts/sip-server/ports';
import { startEdge } from '../../sip-edge/edge';
import { EDGE_SECRET, edgePhone, useEdge } from '../support/edge-fixture';
import type { TestPhone } from '../support/node-sip';
import { receivedStatuses, runSipp } from '../support/sipp';

let trunkPort = 0;
const edge = useEdge(async () => {
  trunkPort = await freeUdpPort();
  return {
    trustedPeers: [`127.0.0.1:${trunkPort}`],
    denyNumbers: ['+1900', '1900'],
    denySubnets: ['127.0.0.2/32'],
  };
});

/** A UDP socket standing for "any address on the internet": it must never hear from the edge. */
async function listener(): Promise<{ socket: Socket; port: number; heard: string[] }> {
  const socket = createSocket('udp4');
  const heard: string[] = [];
  socket.on('message', (m) => heard.push(m.toString()));
  await new Promise<void>((ok) => socket.bind(0, '127.0.0.1', ok));
  return { socket, port: socket.address().port, heard };
}

/** Sends one SIP request over a new secure WebSocket and resolves with the first final answer's status line. */
function overWss(url: string, certificate: string, request: string): Promise<string> {
  return new Promise((ok, fail) => {
    const ws = new WebSocket(url, 'sip', { ca: certificate });
    const timer = setTimeout(() => fail(new Error('no final answer over WSS within 5 s')), 5000);
    ws.on('open', () => ws.send(request));
    ws.on('message', (data: Buffer) => {
      const status = /^SIP\/2\.0 ([2-6]\d\d [^\r\n]*)/.exec(data.toString());
      if (!status?.[1]) return;
      clearTimeout(timer);
      ws.close();
      ok(status[1]);
    });
    ws.on('error', fail);
  });
}

function agentCredentials(user: string) {
  return ephemeralCredentials(EDGE_SECRET, user);
}

describe('the SIP edge refuses', () => {
  let alice: TestPhone;
  let node: string;
  beforeAll(async () => {
    alice = edgePhone(edge(), 'alice');
    await alice.phone.start();
    node = edge().nodes[0]?.udpAddress ?? '';
  });
  afterAll(async () => {
    await alice.phone.stop();
  });
  const invitesAtAlice = () => alice.wire.find('received INVITE');

  test('an unauthenticated INVITE with a foreign From (UDP): challenged, never delivered', async () => {
    const before = invitesAtAlice().length;
    const run = await runSipp({
      scenario: 'edge-invite.xml',
      target: node,
      keys: {
        service: 'alice',
        ruri_host: edge().domain,
        ruri_params: '',
        from_user: 'bank',
        from_domain: 'bank.example',
      },
      traceMessages: true,
    });
    expect(run.code).toBe(0);
    expect(receivedStatuses(run.messages).at(-1)).toMatch(/^407 /);
    expect(invitesAtAlice()).toHaveLength(before);
  });

  test('an unauthenticated INVITE with a foreign From over secure WebSocket: challenged', async () => {
    const status = await overWss(
      edge().wssUrls[0] ?? '',
      edge().certificate,
      [
        `INVITE sip:alice@${edge().domain} SIP/2.0`,
        'Via: SIP/2.0/WSS attacker.invalid;branch=z9hG4bK-wss-1',
        'From: <sip:ceo@bank.example>;tag=a1',
        `To: <sip:alice@${edge().domain}>`,
        'Call-ID: wss-foreign-from-1',
        'CSeq: 1 INVITE',
        'Contact: <sip:ceo@attacker.invalid;transport=ws>',
        'Max-Forwards: 70',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
    );
    expect(status).toMatch(/^407 /);
  });

  test("an agent's credentials used for another From: 403", async () => {
    const run = await runSipp({
      scenario: 'edge-invite-auth.xml',
      target: node,
      auth: agentCredentials('mallory'),
      keys: {
        service: 'alice',
        ruri_host: edge().domain,
        ruri_params: '',
        from_user: 'bob',
        from_domain: edge().domain,
      },
      traceMessages: true,
    });
    expect(receivedStatuses(run.messages)).toEqual([expect.stringMatching(/^407 /), '403 Forbidden auth ID']);
  });

  test(';alias= relaying to any address: refused unauthenticated (407) and for an agent (403); nothing reaches the address', async () => {
    const target = await listener();
    try {
      const keys = {
        service: 'victim',
        ruri_host: edge().domain,
        ruri_params: `;alias=127.0.0.1~${target.port}~1`,
        from_user: 'mallory',
        from_domain: edge().domain,
      };
      const anonymous = await runSipp({
        scenario: 'edge-invite.xml',
        target: node,
        keys,
        traceMessages: true,
      });
      expect(receivedStatuses(anonymous.messages).at(-1)).toMatch(/^407 /);
      const agent = await runSipp({
        scenario: 'edge-invite-auth.xml',
        target: node,
        auth: agentCredentials('mallory'),
        keys,
        traceMessages: true,
      });
      expect(receivedStatuses(agent.messages).at(-1)).toBe('403 Relaying Denied');
      // A request forged to look in-dialog (To tag, Route naming the edge), to the address itself or its alias.
      for (const params of [`:${target.port}`, `;alias=127.0.0.1~${target.port}~1`]) {
        const forged = await runSipp({
          scenario: 'edge-forged-bye.xml',
          target: node,
          keys: {
            ruri_host: params.startsWith(':') ? `127.0.0.1${params}` : edge().domain,
            ruri_params: params.startsWith(':') ? '' : params,
          },
          traceMessages: true,
        });
        expect(receivedStatuses(forged.messages)).toEqual(['403 No Such Dialog Here']);
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(target.heard).toEqual([]);
    } finally {
      target.socket.close();
    }
  });

  test("an agent's spoofed P-Asserted-Identity and forged X-Softphone-Agent are stripped; the callee sees who authenticated", async () => {
    const ringing = alice.waitFor('sip.invite.received', (e) => e.caller.user === 'mallory', 10_000);
    const run = runSipp({
      scenario: 'edge-invite-auth.xml',
      target: node,
      auth: agentCredentials('mallory'),
      keys: {
        service: 'alice',
        ruri_host: edge().domain,
        ruri_params: '',
        from_user: 'mallory',
        from_domain: edge().domain,
      },
      traceMessages: true,
    });
    const { callId, caller, context } = await ringing;
    const invite = invitesAtAlice().at(-1) ?? '';
    expect(invite).not.toMatch(/^P-Asserted-Identity:/im);
    expect(invite.match(/^X-Softphone-Agent:.*$/gim)).toEqual(['X-Softphone-Agent: mallory']);
    expect(caller).toMatchObject({ user: 'mallory', source: 'from' });
    // An authenticated agent's context is believed (consult calls between agents).
    expect(context).toEqual({ number: '+14155550100', recordId: '001D000000IqhSLIAZ' });
    await alice.phone.reject(callId);
    expect(receivedStatuses((await run).messages).at(-1)).toMatch(/^486 /);
  });

  test("a customer's call through a trusted trunk: its identity is believed, its X-Softphone-Context is not", async () => {
    const ringing = alice.waitFor(
      'sip.invite.received',
      (e) => e.caller.source === 'p-asserted-identity',
      10_000,
    );
    const run = runSipp({
      scenario: 'edge-invite.xml',
      target: node,
      localPort: trunkPort,
      keys: {
        service: 'alice',
        ruri_host: edge().domain,
        ruri_params: '',
        from_user: 'anonymous',
        from_domain: 'trunk.example',
      },
      traceMessages: true,
    });
    const { callId, caller, context } = await ringing;
    const invite = invitesAtAlice().at(-1) ?? '';
    expect(invite).toMatch(/^P-Asserted-Identity: "Bank" <sip:\+14155550100@bank\.example>/im);
    expect(invite).toMatch(/^X-Softphone-Context: number=\+14155550100;record=001D000000IqhSLIAZ/im);
    expect(invite).not.toMatch(/^X-Softphone-Agent:/im);
    expect(caller).toMatchObject({ user: '+14155550100', source: 'p-asserted-identity' });
    expect(context).toBeUndefined();
    await alice.phone.reject(callId);
    expect(receivedStatuses((await run).messages).at(-1)).toMatch(/^486 /);
  });

  test("a trusted peer cannot take an agent's registration without the agent's credentials", async () => {
    const socket = createSocket('udp4');
    const answers: string[] = [];
    socket.on('message', (m) => answers.push(m.toString().split('\r\n')[0] ?? ''));
    await new Promise<void>((ok) => socket.bind(trunkPort, '127.0.0.1', ok));
    const [host, port] = node.split(':');
    socket.send(
      [
        `REGISTER sip:${edge().domain} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${trunkPort};branch=z9hG4bK-hijack-1;rport`,
        `From: <sip:alice@${edge().domain}>;tag=h1`,
        `To: <sip:alice@${edge().domain}>`,
        'Call-ID: hijack-1',
        'CSeq: 1 REGISTER',
        `Contact: <sip:alice@127.0.0.1:${trunkPort}>`,
        'Expires: 3600',
        'Max-Forwards: 70',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
      Number(port),
      host,
    );
    await new Promise((r) => setTimeout(r, 300));
    socket.close();
    expect(answers).toEqual([expect.stringMatching(/^SIP\/2\.0 401 /)]);
    expect((await edge().nodes[0]?.registrations())?.get('alice')).toHaveLength(1);
  });

  test("the admin's deny list: a denied number (403) and a denied address (no answer at all)", async () => {
    const premium = await runSipp({
      scenario: 'edge-invite-auth.xml',
      target: node,
      auth: agentCredentials('mallory'),
      keys: {
        service: '+19005550100',
        ruri_host: edge().domain,
        ruri_params: '',
        from_user: 'mallory',
        from_domain: edge().domain,
      },
      traceMessages: true,
    });
    expect(receivedStatuses(premium.messages).at(-1)).toBe('403 Number Not Allowed');
    const denied = await runSipp({
      scenario: 'edge-invite.xml',
      target: node,
      localIp: '127.0.0.2',
      keys: {
        service: 'alice',
        ruri_host: edge().domain,
        ruri_params: '',
        from_user: 'x',
        from_domain: 'x.example',
      },
      traceMessages: true,
      timeoutSec: 3,
    });
    expect(receivedStatuses(denied.messages)).toEqual([]);
    expect(denied.code).not.toBe(0);
  });

  test('a malformed request (no Call-ID) is dropped by the sanity checks; the edge keeps answering', async () => {
    const socket = createSocket('udp4');
    const answers: string[] = [];
    socket.on('message', (m) => answers.push(m.toString().split('\r\n')[0] ?? ''));
    await new Promise<void>((ok) => socket.bind(0, '127.0.0.1', ok));
    const { port } = socket.address();
    const [host, edgePort] = node.split(':');
    const send = (lines: string[]) => socket.send(lines.join('\r\n'), Number(edgePort), host);
    send([
      `INVITE sip:alice@${edge().domain} SIP/2.0`,
      `Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK-bad-1;rport`,
      'From: <sip:x@x.example>;tag=1',
      `To: <sip:alice@${edge().domain}>`,
      'CSeq: one INVITE',
      'Max-Forwards: 70',
      'Content-Length: 0',
      '',
      '',
    ]);
    await new Promise((r) => setTimeout(r, 300));
    send([
      `OPTIONS sip:${node} SIP/2.0`,
      `Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK-ok-1;rport`,
      'From: <sip:x@x.example>;tag=2',
      `To: <sip:${node}>`,
      'Call-ID: sanity-ok-1',
      'CSeq: 1 OPTIONS',
      'Max-Forwards: 70',
      'Content-Length: 0',
      '',
      '',
    ]);
    await new Promise((r) => setTimeout(r, 300));
    socket.close();
    expect(answers.filter((a) => /^SIP\/2\.0 [12]\d\d/.test(a))).toEqual(['SIP/2.0 200 OK']);
    expect(invitesAtAlice().some((m) => m.includes('CSeq: one'))).toBe(false);
  });
});

test('a flood from one address is cut off by pike while a trusted peer still gets through', async () => {
  const trusted = await freeUdpPort();
  const flooded = await startEdge({
    secret: EDGE_SECRET,
    name: 'sip-edge-flood',
    pikeDensity: 20,
    trustedPeers: [`127.0.0.1:${trusted}`],
  });
  try {
    const node = flooded.nodes[0]?.udpAddress ?? '';
    const keys = {
      service: 'nobody',
      ruri_host: flooded.domain,
      ruri_params: '',
      from_user: 'x',
      from_domain: 'x.example',
    };
    // 200 INVITEs in 2 s from one address: the first ones are challenged, then the address goes silent.
    const flood = await runSipp({
      scenario: 'edge-invite.xml',
      target: node,
      keys,
      calls: 200,
      rate: 100,
      limit: 200,
      timeoutSec: 6,
    });
    expect(flood.successful).toBeGreaterThan(0);
    expect(flood.successful).toBeLessThan(60);
    // The trusted trunk is exempt: its call is answered (404: nobody is registered).
    const trunk = await runSipp({
      scenario: 'edge-invite.xml',
      target: node,
      localPort: trusted,
      keys,
      traceMessages: true,
    });
    expect(receivedStatuses(trunk.messages).at(-1)).toMatch(/^404 /);
  } finally {
    await flooded.stop();
  }
});
