// The SIP edge's media parts, started by its starter: rtpengine bridges a trunk's plain RTP to the
// agent's WebRTC (ICE, DTLS-SRTP), and coturn accepts the agents' time-limited SIP credentials as TURN
// credentials (TURN REST API, the same secret) and nothing else.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ephemeralCredentials } from '../../scripts/sip-server/kamailio';
import { freeUdpPort } from '../../scripts/sip-server/ports';
import { EDGE_SECRET, edgePhone, useEdge } from '../support/edge-fixture';
import { receivedStatuses, runSipp } from '../support/sipp';

const execFileAsync = promisify(execFile);

let trunkPort = 0;
const edge = useEdge(async () => {
  trunkPort = await freeUdpPort();
  return { trustedPeers: [`127.0.0.1:${trunkPort}`], rtpengine: true, turn: true };
});

test("a trunk's plain RTP call reaches the agent's browser as WebRTC through rtpengine", async () => {
  const alice = edgePhone(edge(), 'alice');
  await alice.phone.start();
  try {
    const ringing = alice.waitFor('sip.invite.received', undefined, 10_000);
    const run = runSipp({
      scenario: 'edge-invite.xml',
      target: edge().nodes[0]?.udpAddress ?? '',
      localPort: trunkPort,
      keys: {
        service: 'alice',
        ruri_host: edge().domain,
        ruri_params: '',
        from_user: 'pstn',
        from_domain: 'trunk.example',
      },
      traceMessages: true,
    });
    const { callId } = await ringing;
    const offer = alice.wire.find('received INVITE').at(-1) ?? '';
    expect(offer).toMatch(/^m=audio \d+ UDP\/TLS\/RTP\/SAVPF 0/m);
    expect(offer).toMatch(/^a=fingerprint:sha-256 /m);
    expect(offer).toMatch(/^a=ice-ufrag:/m);
    expect(offer).toMatch(/^a=candidate:.* 127\.0\.0\.1 /m);
    expect(offer).toMatch(/^a=rtcp-mux$/m);
    await alice.phone.reject(callId);
    expect(receivedStatuses((await run).messages).at(-1)).toMatch(/^486 /);
  } finally {
    await alice.phone.stop();
  }
});

test("coturn allocates a relay for an agent's time-limited credentials, and refuses a forged password", async () => {
  const turn = edge().turn;
  if (!turn) throw new Error('TURN not started');
  const { username, password } = ephemeralCredentials(EDGE_SECRET, 'alice', 600);
  const allocate = (pass: string) =>
    execFileAsync(
      'turnutils_uclient',
      ['-y', '-n', '2', '-m', '1', '-u', username, '-w', pass, '-p', String(turn.port), '127.0.0.1'],
      { timeout: 15_000 },
    ).then(
      ({ stdout, stderr }) => ({ ok: true, out: stdout + stderr }),
      (e: { stdout?: string; stderr?: string }) => ({ ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` }),
    );
  const good = await allocate(password);
  expect(good.out).toMatch(/Total lost packets 0/);
  const forged = await allocate(ephemeralCredentials('another-secret', 'alice', 600).password);
  expect(forged.out).not.toMatch(/Total lost packets 0/);
  expect(forged.out).toMatch(/401|Unauthorized|error/i);
});
