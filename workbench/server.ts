// The workbench's HTTP server: pages, built assets, the static resources, and the emulated platform
// services under /api (labelled as emulation, see api.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { provideNumberingPlans } from '../src/dialing';
import * as numberingPlans from '../src/dialing/numbering-plans-resource';
import { handleApi, type ApiContext } from './api';
import { assetsDir } from './build';
import type { LocalSipServer } from './emulation/emulation-context';
import { WorkbenchEmulation } from './emulation/workbench-emulation';
import { effectiveSettings } from './emulation/apex/settings-controller';
import { acceptsBody, send, serveFile, servesHost } from './http';
import { packageNamespace } from '../scripts/namespace';
import { orgName } from './namespace';
import { visualforceHost, workbenchOrigins } from './origins';

const pagesDir = resolve(__dirname, 'pages');
const sldsDir = resolve(__dirname, '../node_modules/@salesforce-ux/design-system/assets');
export const staticResourcesDir = resolve(__dirname, '../force-app/main/default/staticresources');

export { USER_HEADER } from './api';

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
  /**
   * Run the namespace's LWC and the scripts they load in Lightning Web Security's sandbox, as an org does
   * (default on; WORKBENCH_LWS=off turns it off, and a page's `?lws=off` for that page).
   */
  lws?: boolean;
  /** The emulated org's namespace for the package (default: SOFTPHONE_NAMESPACE, '' unpackaged). */
  namespace?: string;
}

/** WORKBENCH_LWS=off: the pages run the namespace without Lightning Web Security, to compare. */
export const lwsDefault = () => process.env.WORKBENCH_LWS !== 'off';

export async function startWorkbenchServer(opts: WorkbenchOptions): Promise<WorkbenchServer> {
  // The emulated org matches stored numbers with the core's own search variants (emulation/apex/contact-search.ts).
  provideNumberingPlans(numberingPlans);
  const emulation = emulationOf(opts);
  const events = new Set<ServerResponse>();
  const stopListening = emulation.context.store.onChange((what) => {
    for (const res of events) res.write(`event: change\ndata: ${JSON.stringify({ what })}\n\n`);
  });
  const api: ApiContext = {
    emulation,
    sip: opts.sip,
    sipSecret: opts.sipSecret,
    iceGatheringTimeout: opts.iceGatheringTimeout,
    events,
    lws: opts.lws ?? lwsDefault(),
    namespace: opts.namespace ?? packageNamespace(),
  };
  let port = 0;
  const server = createServer((req, res) => {
    handle(api, port, req, res).catch((e: unknown) => send(res, 500, String(e)));
  });
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
  emulation.context.origins = workbenchOrigins(port, api.namespace);
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

function emulationOf(opts: WorkbenchOptions): WorkbenchEmulation {
  return new WorkbenchEmulation({
    sip: opts.sip,
    sipSecret: opts.sipSecret,
    ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}),
    ...(opts.testCredentialTtlSeconds !== undefined
      ? { testCredentialTtlSeconds: opts.testCredentialTtlSeconds }
      : {}),
  });
}

async function handle(api: ApiContext, port: number, req: IncomingMessage, res: ServerResponse) {
  if (!servesHost(req.headers.host, port, visualforceHost(api.namespace)))
    return send(res, 421, 'Misdirected request: unknown Host');
  const url = new URL(req.url ?? '/', 'http://workbench');
  if (url.pathname.startsWith('/api/')) {
    if (!acceptsBody(req)) return send(res, 415, 'Unsupported media type: send application/json');
    return handleApi(api, req, res, url);
  }
  if (url.pathname === '/opencti-bridge.html') return serveBridgePage(api, port, res, url);
  if (url.pathname === '/call-list.html')
    return serveVisualforcePage(api.namespace, 'call-list.html', port, res);
  return serveStatic(api.namespace, res, url.pathname);
}

const CLICK_TO_DIAL_MERGE_FIELD = '{!$Setup.Softphone_Settings__c.Click_To_Dial_Enabled__c}';
const LIGHTNING_ORIGIN_MERGE_FIELD = '{!lightningOrigin}';

/**
 * EMULATION of Visualforce: a page's {!lightningOrigin} (SoftphoneOrigins, DomainCreator.getLightningHostname())
 * and {!$Resource.name}, which a package's page resolves in its own namespace.
 */
async function visualforcePage(namespace: string, name: string, port: number): Promise<string> {
  const page = await readFile(join(pagesDir, name), 'utf8');
  return page
    .replaceAll(LIGHTNING_ORIGIN_MERGE_FIELD, workbenchOrigins(port, namespace).lightning)
    .replace(
      /\{!\$Resource\.(\w+)\}/g,
      (_m, resource: string) => `/resources/${orgName(namespace, resource)}`,
    );
}

async function serveVisualforcePage(namespace: string, name: string, port: number, res: ServerResponse) {
  send(res, 200, await visualforcePage(namespace, name, port), 'text/html; charset=utf-8');
}

/** EMULATION of Visualforce: the bridge page's merge fields, for the agent the page was opened for. */
async function serveBridgePage(api: ApiContext, port: number, res: ServerResponse, url: URL) {
  const page = await visualforcePage(api.namespace, 'opencti-bridge.html', port);
  let enabled = false;
  try {
    enabled = effectiveSettings(api.emulation.callAs(url.searchParams.get('agent'))).clickToDialEnabled;
  } catch {
    // An unknown agent gets the page without the switch, as an org user without settings would.
  }
  send(res, 200, page.replace(CLICK_TO_DIAL_MERGE_FIELD, String(enabled)), 'text/html; charset=utf-8');
}

/**
 * The file of a static resource as $Resource / @salesforce/resourceUrl name it: without the file extension, and
 * in a namespaced org under the package's prefix (a package resource has no unprefixed name there).
 */
function staticResourceFile(namespace: string, requested: string): string | undefined {
  const prefix = orgName(namespace, '');
  const name = prefix && requested.startsWith(prefix) ? requested.slice(prefix.length) : requested;
  // A script's source map is a JSON resource (scripts/source-maps.ts).
  const ext = ['.js', '.json'].find(
    (e) => /^\w+$/.test(name) && existsSync(join(staticResourcesDir, name + e)),
  );
  if (ext && prefix && name === requested) return undefined;
  return `${name}${ext ?? ''}`;
}

/** Pages, built assets, SLDS and the static resources. */
function serveStatic(namespace: string, res: ServerResponse, pathname: string) {
  if (pathname.startsWith('/resources/')) {
    const file = staticResourceFile(namespace, pathname.slice('/resources/'.length));
    return file === undefined ? send(res, 404, 'Not found') : serveFile(res, staticResourcesDir, file);
  }
  if (pathname.startsWith('/assets/')) return serveFile(res, assetsDir, pathname.slice('/assets/'.length));
  if (pathname.startsWith('/slds/')) return serveFile(res, sldsDir, pathname.slice('/slds/'.length));
  if (pathname === '/') return serveFile(res, pagesDir, 'index.html');
  if (pathname === '/favicon.ico') {
    res.writeHead(204);
    return res.end();
  }
  return serveFile(res, pagesDir, pathname.slice(1));
}
