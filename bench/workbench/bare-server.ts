// Serves B7's and B8's bare page (bench/pages/bare-agent.ts bundled by esbuild, minified as the static
// resources are) and its credentials, minted as the workbench's Apex emulation mints the agents'
// (Kamailio auth_ephemeral). Same caching as the workbench (none), so cold and warm compare alike.
import { build } from 'esbuild';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { ephemeralCredentials, type KamailioServer } from '../../scripts/sip-server/kamailio';

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

function page(sip: KamailioServer, user: string): string {
  const start = `performance.mark('bare:start');
window.bareStart = {
  server: ${JSON.stringify(sip.wsUrl)},
  domain: ${JSON.stringify(sip.domain)},
  user: ${JSON.stringify(user)},
  credentials: fetch('/credentials?user=${encodeURIComponent(user)}').then((r) => r.json()),
};
const script = document.createElement('script');
script.src = '/bare-agent.js';
document.head.append(script);`;
  return `<!doctype html><title>bare SIP.js</title><body><script>${start}</script></body>`;
}

function send(res: ServerResponse, type: string, body: string): void {
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export async function serveBarePage(sip: KamailioServer, sipSecret: string): Promise<BareServer> {
  const bundle = await build({
    entryPoints: [resolve(__dirname, '../pages/bare-agent.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    const user = url.searchParams.get('user') ?? '';
    if (url.pathname === '/bare-agent.js') return send(res, 'text/javascript', script);
    if (url.pathname === '/credentials') {
      return send(res, 'application/json', JSON.stringify(ephemeralCredentials(sipSecret, user)));
    }
    return send(res, 'text/html; charset=utf-8', page(sip, user));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
