// The workbench's HTTP server: pages, built assets, and the emulated platform services (labelled as
// emulation), here the SIP credential service that Apex provides in an org.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ephemeralCredentials, type KamailioServer } from '../scripts/sip-server/kamailio';
import { assetsDir } from './build';
import { ApexError, apexControllers } from './emulation/apex-controllers';

const pagesDir = resolve(__dirname, 'pages');
const sldsDir = resolve(__dirname, '../node_modules/@salesforce-ux/design-system/assets');
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface WorkbenchServer {
  url: string;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  sip: KamailioServer;
  /** The secret shared with Kamailio's auth_ephemeral. */
  sipSecret: string;
  port?: number;
  iceGatheringTimeout?: number;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function serveFile(res: ServerResponse, root: string, relative: string): Promise<void> {
  const path = normalize(join(root, relative));
  if (!path.startsWith(root)) return send(res, 403, 'Forbidden');
  try {
    send(res, 200, await readFile(path), types[extname(path)] ?? 'application/octet-stream');
  } catch {
    send(res, 404, 'Not found');
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const value: unknown = text ? JSON.parse(text) : {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ApexError('Bad request', 400);
  return value as Record<string, unknown>;
}

export async function startWorkbenchServer(opts: WorkbenchOptions): Promise<WorkbenchServer> {
  const apex = apexControllers({ sip: opts.sip });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://workbench');
    if (url.pathname === '/api/config') {
      return send(
        res,
        200,
        JSON.stringify({
          wsUrl: opts.sip.wsUrl,
          domain: opts.sip.domain,
          iceGatheringTimeout: opts.iceGatheringTimeout ?? 500,
        }),
        types['.json'],
      );
    }
    if (url.pathname === '/api/sip-credentials') {
      // EMULATION of the Apex credential service: time-limited HMAC credentials for one user.
      const user = url.searchParams.get('user') ?? '';
      if (!/^[a-z0-9_.-]{1,32}$/i.test(user)) return send(res, 400, 'Invalid user');
      return send(res, 200, JSON.stringify(ephemeralCredentials(opts.sipSecret, user)), types['.json']);
    }
    const apexCall = /^\/api\/apex\/(\w+)\/(\w+)$/.exec(url.pathname);
    if (apexCall && req.method === 'POST') {
      // EMULATION of an @AuraEnabled Apex call.
      const method = apex[apexCall[1] ?? '']?.[apexCall[2] ?? ''];
      if (!method)
        return send(res, 404, JSON.stringify({ message: `No emulated Apex ${apexCall[1]}.${apexCall[2]}` }));
      try {
        const result = await method(await readJson(req));
        return send(res, 200, JSON.stringify({ result }), types['.json']);
      } catch (e) {
        const status = e instanceof ApexError ? e.status : 500;
        return send(
          res,
          status,
          JSON.stringify({ message: e instanceof Error ? e.message : String(e) }),
          types['.json'],
        );
      }
    }
    if (url.pathname.startsWith('/assets/'))
      return serveFile(res, assetsDir, url.pathname.slice('/assets/'.length));
    if (url.pathname.startsWith('/slds/'))
      return serveFile(res, sldsDir, url.pathname.slice('/slds/'.length));
    if (url.pathname === '/') return serveFile(res, pagesDir, 'index.html');
    return serveFile(res, pagesDir, url.pathname.slice(1));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, String(e)));
  });
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
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
