// A registrar that stops listing the phone: its 200 to a refresh REGISTER names other contacts only, so the
// server would no longer route a call here (SIP.js drops such an answer and unregisters by itself). The
// whole core must not go on saying "registered". A scripted registrar on loopback WebSocket stands in for
// the misbehaving server (Kamailio always lists the contact it saved).
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSoftphone, type Softphone } from '../../src/create-softphone';
import { NullSessionDescriptionHandler, viewWhere, crmOfNobody } from '../support/node-sip';

const GRANTED_SEC = 2;

/** Answers REGISTER with 200 (listing the phone's contact, or someone else's), everything else with 489. */
function scriptedRegistrar() {
  const state = { listsPhone: true, registers: 0 };
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'sip' });
  const answer = (socket: WebSocket, raw: string) => {
    const lines = raw.split('\r\n');
    const [method = ''] = (lines[0] ?? '').split(' ');
    if (method === 'ACK' || raw.startsWith('SIP/2.0')) return;
    const header = (name: string) =>
      lines.filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
    const contact =
      header('Contact')[0]
        ?.replace(/^Contact:\s*/i, '')
        .replace(/;expires=\d+/, '') ?? '';
    const register = method === 'REGISTER';
    if (register) state.registers += 1;
    const listed = state.listsPhone ? contact : '<sip:someone-else@192.0.2.1;transport=ws>';
    socket.send(
      [
        register ? 'SIP/2.0 200 OK' : 'SIP/2.0 489 Bad Event',
        ...header('Via'),
        ...header('From'),
        `${header('To')[0] ?? 'To: <sip:x@y>'};tag=registrar`,
        ...header('Call-ID'),
        ...header('CSeq'),
        ...(register ? [`Contact: ${listed};expires=${GRANTED_SEC}`] : []),
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
    );
  };
  server.on('connection', (socket) => socket.on('message', (data) => answer(socket, String(data))));
  const ready = new Promise<string>((resolve) =>
    server.on('listening', () => resolve(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
  return {
    state,
    ready,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

describe('a registration the server stops listing', () => {
  let registrar: ReturnType<typeof scriptedRegistrar>;
  let softphone: Softphone;

  beforeEach(async () => {
    registrar = scriptedRegistrar();
    softphone = createSoftphone({
      sip: {
        server: await registrar.ready,
        aor: 'sip:agent@softphone.test',
        auth: { kind: 'digest', password: 'agent-pw' },
        sessionDescriptionHandlerFactory: () => new NullSessionDescriptionHandler(),
        microphoneCheck: async () => undefined,
        keepAlive: false,
        registerExpiresSec: 10,
      },
      crm: crmOfNobody,
      phone: { reconnect: { initialDelayMs: 200, maxDelayMs: 1_000, jitterRatio: 0, maxAttempts: 0 } },
      storage: { calls: null, local: null },
    });
    softphone.start();
    await viewWhere(softphone, (v) => v.registration === 'registered', 'registered');
  });

  afterEach(async () => {
    await softphone.stop();
    await registrar.close();
  });

  test('a refresh answered 200 without our contact is a lost registration; listed again, the phone is registered again', async () => {
    registrar.state.listsPhone = false;
    const lost = await viewWhere(softphone, (v) => v.registration === 'lost', 'the lost registration', 5_000);
    expect(lost.canDial).toBe(false);
    // It keeps registering again on the backoff while the server does not list it.
    const registers = registrar.state.registers;
    await viewWhere(softphone, () => registrar.state.registers > registers, 'a REGISTER again', 5_000);
    expect(softphone.view().registration).toBe('lost');

    registrar.state.listsPhone = true;
    await viewWhere(softphone, (v) => v.registration === 'registered', 'registered again', 5_000);
  });
});
