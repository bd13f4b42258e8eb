// The workbench's HTTP server: pages, built assets, the static resources, and the emulated platform
// services (labelled as emulation): Apex (/api/apex), the org behind the emulated Open CTI (/api/opencti),
// the SIP credential service (/api/sip-credentials) and the shell's views of the emulated org (/api/workbench).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ephemeralCredentials } from '../scripts/sip-server/kamailio';
import { assetsDir } from './build';
import { apexErrorBody, ApexRequestError } from './emulation/apex-error';
import type { LocalSipServer } from './emulation/emulation-context';
import {
  getCallCenterSettings,
  OpenCtiServiceError,
  saveLog,
  searchAndScreenPop,
} from './emulation/open-cti-services';
import { fullName } from './emulation/sample-data';
import { RecordError, UnknownUserError, WorkbenchEmulation } from './emulation/workbench-emulation';

const pagesDir = resolve(__dirname, 'pages');
const sldsDir = resolve(__dirname, '../node_modules/@salesforce-ux/design-system/assets');
export const staticResourcesDir = resolve(__dirname, '../force-app/main/default/staticresources');
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** The header the workbench's pages send to say which sample user they run as (see lwc/runtime/user.js). */
export const USER_HEADER = 'x-workbench-user';

export interface WorkbenchServer {
  url: string;
  /** The emulated org (sample data, local store): tests read and reset it. */
  emulation: WorkbenchEmulation;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** The local SIP server (Kamailio): its WebSocket URL and domain. */
  sip: LocalSipServer;
  /** The secret shared with Kamailio's auth_ephemeral. */
  sipSecret: string;
  port?: number;
  iceGatheringTimeout?: number;
  /** Folder of workbench.local.json (default workbench/data). */
  dataDir?: string;
  /**
   * TEST ONLY: SIP credentials minted with this lifetime (seconds) instead of the org setting's 300..86400
   * (see EmulationContext.testCredentialTtlSeconds). `npm start` never sets it.
   */
  testCredentialTtlSeconds?: number;
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

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), types['.json']);

async function serveFile(res: ServerResponse, root: string, relative: string): Promise<void> {
  const path = normalize(join(root, relative));
  if (!path.startsWith(root)) return send(res, 403, 'Forbidden');
  try {
    send(res, 200, await readFile(path), types[extname(path)] ?? 'application/octet-stream');
  } catch {
    send(res, 404, 'Not found');
  }
}

/**
 * The names this server answers to: the loopback address it listens on and `localhost`, on its own port. A
 * page of another site whose DNS name was rebound to 127.0.0.1 sends its own name as Host: refusing it keeps
 * such a page from reading the emulated org or calling its Apex (DNS-rebinding protection).
 */
function servesHost(host: string | undefined, port: number): boolean {
  return host !== undefined && [`127.0.0.1:${port}`, `localhost:${port}`].includes(host.toLowerCase());
}

/**
 * Requests to /api/* that may change something carry JSON, declared as such. A cross-site form or a
 * `no-cors` fetch can send only text/plain, form or multipart bodies without the browser asking first, so
 * this also keeps another site's page from posting to the workbench.
 */
function acceptsBody(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let value: unknown;
  try {
    value = text ? JSON.parse(text) : {};
  } catch {
    throw new ApexRequestError('The request body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApexRequestError('The request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

export async function startWorkbenchServer(opts: WorkbenchOptions): Promise<WorkbenchServer> {
  const emulation = new WorkbenchEmulation({
    sip: opts.sip,
    sipSecret: opts.sipSecret,
    ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}),
    ...(opts.testCredentialTtlSeconds !== undefined
      ? { testCredentialTtlSeconds: opts.testCredentialTtlSeconds }
      : {}),
  });
  const events = new Set<ServerResponse>();
  const stopListening = emulation.context.store.onChange((what) => {
    for (const res of events) res.write(`event: change\ndata: ${JSON.stringify({ what })}\n\n`);
  });

  const userOf = (req: IncomingMessage, url: URL) => {
    const header = req.headers[USER_HEADER];
    return (typeof header === 'string' ? header : undefined) ?? url.searchParams.get('user') ?? '1';
  };

  const handleApex = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    cls: string,
    method: string,
  ) => {
    // EMULATION of an @AuraEnabled Apex call (see emulation/apex-controllers.ts).
    try {
      const params = await readJson(req);
      const result = emulation.apex.invoke(cls, method, params, emulation.callAs(userOf(req, url)));
      return sendJson(res, 200, { result });
    } catch (e) {
      if (e instanceof UnknownUserError) return sendJson(res, 400, { message: e.message });
      const { status, body } = apexErrorBody(e);
      return sendJson(res, status, body);
    }
  };

  const handleOpenCti = async (req: IncomingMessage, res: ServerResponse, url: URL, service: string) => {
    // EMULATION of the org behind sforce.opencti (see emulation/open-cti-services.ts).
    try {
      const call = emulation.callAs(userOf(req, url));
      if (service === 'call-center' && req.method === 'GET')
        return sendJson(res, 200, getCallCenterSettings(call));
      if (service === 'search' && req.method === 'POST') {
        return sendJson(res, 200, searchAndScreenPop(call, await readJson(req)));
      }
      if (service === 'save-log' && req.method === 'POST') {
        return sendJson(res, 200, saveLog(call, (await readJson(req)).value));
      }
      return send(res, 404, 'Not found');
    } catch (e) {
      if (e instanceof OpenCtiServiceError) {
        return sendJson(res, 422, { code: e.code, description: e.description });
      }
      return sendJson(res, 500, {
        code: 'SERVER_ERROR',
        description: e instanceof Error ? e.message : String(e),
      });
    }
  };

  // EMULATION of the standard new-record form saving a Contact (the workbench's "New contact" pops).
  const createContact = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    try {
      const contact = emulation.createContact(await readJson(req));
      return sendJson(res, 201, { id: contact.Id, name: fullName(contact) });
    } catch (e) {
      if (e instanceof RecordError) return sendJson(res, 400, { code: e.code, message: e.message });
      throw e;
    }
  };

  const handleShellApi = (req: IncomingMessage, res: ServerResponse, url: URL, what: string) => {
    const s = emulation.sample;
    switch (what) {
      case 'records': {
        const accountName = (id?: string) => s.accounts.find((a) => a.Id === id)?.Name;
        return sendJson(res, 200, {
          contacts: s.contacts.map((c) => ({
            ...c,
            Name: fullName(c),
            AccountName: accountName(c.AccountId),
          })),
          leads: s.leads.map((l) => ({ ...l, Name: fullName(l) })),
          accounts: s.accounts,
        });
      }
      case 'tasks':
        return sendJson(res, 200, emulation.tasks());
      case 'directory':
        return sendJson(res, 200, {
          users: s.users.map(({ key, Id, Name, Extension, sipUser, softphoneAdmin }) => ({
            key,
            Id,
            Name,
            Extension,
            sipUser,
            softphoneAdmin,
          })),
          customerPhones: s.customerPhones,
        });
      case 'events':
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': workbench emulation events\n\n');
        events.add(res);
        req.on('close', () => events.delete(res));
        return undefined;
      default:
        return send(res, 404, 'Not found');
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!servesHost(req.headers.host, port)) return send(res, 421, 'Misdirected request: unknown Host');
    const url = new URL(req.url ?? '/', 'http://workbench');
    if (url.pathname.startsWith('/api/') && !acceptsBody(req)) {
      return send(res, 415, 'Unsupported media type: send application/json');
    }
    if (url.pathname === '/api/config') {
      return sendJson(res, 200, {
        wsUrl: opts.sip.wsUrl,
        domain: opts.sip.domain,
        iceGatheringTimeout: opts.iceGatheringTimeout ?? 500,
      });
    }
    if (url.pathname === '/api/sip-credentials') {
      // EMULATION of the Apex credential service for the plain phone pages: HMAC credentials for one user.
      const user = url.searchParams.get('user') ?? '';
      if (!/^[a-z0-9_.-]{1,32}$/i.test(user)) return send(res, 400, 'Invalid user');
      return sendJson(res, 200, ephemeralCredentials(opts.sipSecret, user));
    }
    const apexCall = /^\/api\/apex\/(\w+)\/(\w+)$/.exec(url.pathname);
    if (apexCall && req.method === 'POST')
      return handleApex(req, res, url, apexCall[1] ?? '', apexCall[2] ?? '');
    const openCti = /^\/api\/opencti\/([\w-]+)$/.exec(url.pathname);
    if (openCti) return handleOpenCti(req, res, url, openCti[1] ?? '');
    const shell = /^\/api\/workbench\/(\w+)$/.exec(url.pathname);
    if (shell?.[1] === 'contacts') return createContact(req, res);
    if (shell && req.method === 'GET') return handleShellApi(req, res, url, shell[1] ?? '');
    if (url.pathname.startsWith('/resources/')) {
      // Static resources as $Resource / @salesforce/resourceUrl name them: without the file extension.
      const name = url.pathname.slice('/resources/'.length);
      const file =
        /^\w+$/.test(name) && existsSync(join(staticResourcesDir, `${name}.js`)) ? `${name}.js` : name;
      return serveFile(res, staticResourcesDir, file);
    }
    if (url.pathname.startsWith('/assets/'))
      return serveFile(res, assetsDir, url.pathname.slice('/assets/'.length));
    if (url.pathname.startsWith('/slds/'))
      return serveFile(res, sldsDir, url.pathname.slice('/slds/'.length));
    if (url.pathname === '/') return serveFile(res, pagesDir, 'index.html');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    return serveFile(res, pagesDir, url.pathname.slice(1));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, String(e)));
  });
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    emulation,
    close: () =>
      new Promise<void>((ok) => {
        stopListening();
        for (const res of events) res.end();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
