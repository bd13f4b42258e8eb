// The workbench server's /api/*: the emulated platform services (labelled as emulation): Apex
// (/api/apex), the org behind the emulated Open CTI (/api/opencti), the SIP credential service
// (/api/sip-credentials) and the shell's views of the emulated org (/api/workbench).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ephemeralCredentials } from '../scripts/sip-server/kamailio';
import { apexErrorBody } from './emulation/apex-error';
import type { LocalSipServer } from './emulation/emulation-context';
import {
  getCallCenterSettings,
  OpenCtiServiceError,
  saveLog,
  searchAndScreenPop,
} from './emulation/open-cti-services';
import { fullName } from './emulation/sample-data';
import { sipUserOf } from './emulation/apex/sip-users';
import { objectInfo, record, UiApiError } from './emulation/ui-api';
import { RecordError, UnknownUserError, type WorkbenchEmulation } from './emulation/workbench-emulation';
import { readJson, send, sendJson } from './http';

/** The header the workbench's pages send to say which sample user they run as (see lwc/runtime/user.js). */
export const USER_HEADER = 'x-workbench-user';
/** The org flavour of the calling page: `lightning` orgs have no call center (client/shell/org-flavour.ts). */
export const ORG_HEADER = 'x-workbench-org';

/** What the API serves from: the emulated org, the local SIP server, and the shell's open event streams. */
export interface ApiContext {
  emulation: WorkbenchEmulation;
  sip: LocalSipServer;
  sipSecret: string;
  iceGatheringTimeout: number | undefined;
  events: Set<ServerResponse>;
  /** The pages' default for Lightning Web Security (lwc/runtime/namespace-loader.js; `?lws=` overrides). */
  lws: boolean;
  /** The package's namespace in the emulated org ('' unpackaged): its Apex classes answer only under it. */
  namespace: string;
}

/** Answers one /api/* request; an unknown one gets 404. */
export async function handleApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  if (url.pathname === '/api/config') {
    return sendJson(res, 200, {
      wsUrl: ctx.sip.wsUrl,
      domain: ctx.sip.domain,
      iceGatheringTimeout: ctx.iceGatheringTimeout ?? 500,
    });
  }
  if (url.pathname === '/api/sip-credentials') return sipCredentials(ctx, res, url);
  const apexCall = /^\/api\/apex\/(?:(\w+)\/)?(\w+)\/(\w+)$/.exec(url.pathname);
  if (apexCall && req.method === 'POST') {
    // The org has the package's classes under its namespace only, as `ns.Class` (workbench/namespace.ts).
    if ((apexCall[1] ?? '') !== ctx.namespace) {
      return sendJson(res, 404, {
        message: `No Apex class ${[apexCall[1], apexCall[2]].filter(Boolean).join('.')} in this org`,
      });
    }
    return handleApex(ctx, req, res, url, apexCall[2] ?? '', apexCall[3] ?? '');
  }
  const openCti = /^\/api\/opencti\/([\w-]+)$/.exec(url.pathname);
  if (openCti) return handleOpenCti(ctx, req, res, url, openCti[1] ?? '');
  const shell = /^\/api\/workbench\/(\w+)$/.exec(url.pathname);
  if (shell?.[1] === 'contacts') return createContact(ctx, req, res);
  if (shell?.[1] === 'uiapi') return uiApi(ctx, req, res);
  if (shell && req.method === 'GET') return handleShellApi(ctx, req, res, shell[1] ?? '');
  return send(res, 404, 'Not found');
}

const userOf = (req: IncomingMessage, url: URL) => {
  const header = req.headers[USER_HEADER];
  return (typeof header === 'string' ? header : undefined) ?? url.searchParams.get('user') ?? '1';
};

// EMULATION of the Apex credential service for the plain phone pages: HMAC credentials for one user.
function sipCredentials(ctx: ApiContext, res: ServerResponse, url: URL) {
  const user = url.searchParams.get('user') ?? '';
  if (!/^[a-z0-9_.-]{1,32}$/i.test(user)) return send(res, 400, 'Invalid user');
  return sendJson(res, 200, ephemeralCredentials(ctx.sipSecret, user));
}

// EMULATION of an @AuraEnabled Apex call (see emulation/apex-controllers.ts).
async function handleApex(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  cls: string,
  method: string,
) {
  try {
    const params = await readJson(req);
    const call = ctx.emulation.callAs(userOf(req, url));
    // An org without Open CTI has no call center, so none is assigned to the running user there.
    const inOrg =
      req.headers[ORG_HEADER] === 'lightning' ? { ...call, user: { ...call.user, callCenter: '' } } : call;
    const result = ctx.emulation.apex.invoke(cls, method, params, inOrg);
    return sendJson(res, 200, { result });
  } catch (e) {
    if (e instanceof UnknownUserError) return sendJson(res, 400, { message: e.message });
    const { status, body } = apexErrorBody(e);
    return sendJson(res, status, body);
  }
}

// EMULATION of the org behind sforce.opencti (see emulation/open-cti-services.ts).
async function handleOpenCti(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  service: string,
) {
  try {
    const call = ctx.emulation.callAs(userOf(req, url));
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
}

// EMULATION of the standard new-record form saving a Contact (the workbench's "New contact" pops).
async function createContact(ctx: ApiContext, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
  try {
    const contact = ctx.emulation.createContact(await readJson(req));
    return sendJson(res, 201, { id: contact.Id, name: fullName(contact) });
  } catch (e) {
    if (e instanceof RecordError) return sendJson(res, 400, { code: e.code, message: e.message });
    throw e;
  }
}

function handleShellApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, what: string) {
  switch (what) {
    case 'records':
      return sendJson(res, 200, records(ctx.emulation));
    case 'tasks':
      return sendJson(res, 200, ctx.emulation.tasks());
    case 'directory':
      return sendJson(res, 200, directory(ctx.emulation));
    case 'platform':
      return sendJson(res, 200, { lws: ctx.lws });
    case 'events':
      return streamEvents(ctx, req, res);
    default:
      return send(res, 404, 'Not found');
  }
}

// EMULATION of the UI API behind getObjectInfo and getRecord (the workbench's page asks it for
// test/emulation/lightning/uiObjectInfoApi.js and uiRecordApi.js).
async function uiApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
  const { adapter, config = {} } = (await readJson(req)) as {
    adapter?: string;
    config?: Record<string, unknown>;
  };
  try {
    if (adapter === 'getObjectInfo') return sendJson(res, 200, objectInfo(config.objectApiName));
    if (adapter === 'getRecord') return sendJson(res, 200, record(ctx.emulation.sample, config));
    return sendJson(res, 404, { message: `The workbench emulates no adapter ${String(adapter)}` });
  } catch (e) {
    if (e instanceof UiApiError) return sendJson(res, e.status, { message: e.message });
    throw e;
  }
}

/** The shell's record lists: contacts and leads with their full names, contacts with their account's. */
function records({ sample: s }: WorkbenchEmulation) {
  const accountName = (id?: string) => s.accounts.find((a) => a.Id === id)?.Name;
  return {
    contacts: s.contacts.map((c) => ({ ...c, Name: fullName(c), AccountName: accountName(c.AccountId) })),
    leads: s.leads.map((l) => ({ ...l, Name: fullName(l) })),
    accounts: s.accounts,
  };
}

/** The sample users (without their secrets) and the customers' phones the shell can call from. */
function directory({ sample: s, context }: WorkbenchEmulation) {
  return {
    users: s.users.map((user) => ({
      key: user.key,
      Id: user.Id,
      Name: user.Name,
      Extension: user.Extension,
      // As the user's phone signs in: a SIP user assigned in Softphone Setup wins over the sample's.
      sipUser: sipUserOf(context, user),
      softphoneAdmin: user.softphoneAdmin,
    })),
    customerPhones: s.customerPhones,
  };
}

/** Server-sent events: the shell hears each change of the emulated org until it goes away. */
function streamEvents(ctx: ApiContext, req: IncomingMessage, res: ServerResponse) {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': workbench emulation events\n\n');
  ctx.events.add(res);
  req.on('close', () => ctx.events.delete(res));
  return undefined;
}
