// A TLS front for the workbench's Kamailio (which speaks plain ws://): a browser test can then give an admin
// a real wss:// address, whose TLS handshake happens in the browser. The certificate is self-signed
// (sip-edge's test certificate), so the browser context that uses it must ignore certificate errors: what
// is tested is that the connection is encrypted, not who vouches for the certificate.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:tls';
import { testCertificate } from '../../sip-edge/edge';
import { pipeBothWays } from './tcp-relay';

export interface TlsRelay {
  /** `wss://127.0.0.1:<port>`, relayed to the target's WebSocket port. */
  wssUrl: string;
  close(): Promise<void>;
}

export async function tlsRelay(targetWsUrl: string): Promise<TlsRelay> {
  const { hostname, port } = new URL(targetWsUrl);
  const dir = mkdtempSync(join(tmpdir(), 'tls-relay-'));
  const files = await testCertificate(dir, '127.0.0.1');
  const sockets = new Set<Socket>();
  const server = createServer(
    { cert: readFileSync(files.certificate), key: readFileSync(files.privateKey) },
    (inbound) => pipeBothWays(inbound, connect(Number(port), hostname), sockets),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const listening = typeof address === 'object' && address ? address.port : 0;
  return {
    wssUrl: `wss://127.0.0.1:${listening}`,
    close: () =>
      new Promise<void>((ok) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          ok();
        });
      }),
  };
}
