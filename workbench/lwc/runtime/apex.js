// EMULATION of Apex for the workbench: @salesforce/apex/<Class>.<method> imports become calls to the
// workbench server's emulated controllers, as the page's sample user. The function works imperatively
// and, for cacheable methods, as a wire adapter — like the platform's.
import { workbenchUserKey } from './user.js';

/** The page's org flavour (`?org=lightning`: no Open CTI, no call center). */
const workbenchOrg = () => new URLSearchParams(location.search).get('org') ?? 'opencti';

// Lightning checks its client-side cache before calling a cacheable method, imperatively too, and keeps that
// cache in persistent browser storage across page loads; Salesforce documents no duration ("don't assume a
// cache duration"). The workbench keeps results for a long time, so a component that reads something
// changeable through a cacheable method sees it stale here as it would in an org.
const CACHE_PREFIX = 'workbench-apex-cache:';
const CACHE_SECONDS = 8 * 60 * 60;

function cached(key) {
  try {
    const entry = JSON.parse(localStorage.getItem(CACHE_PREFIX + key) ?? 'null');
    return entry && Date.now() - entry.at < CACHE_SECONDS * 1000 ? entry : undefined;
  } catch {
    return undefined;
  }
}

function withClientCache(path, call) {
  return async (params = {}) => {
    const key = JSON.stringify([workbenchUserKey(), workbenchOrg(), path, params ?? {}]);
    const hit = cached(key);
    if (hit) return hit.result;
    const result = await call(params);
    localStorage.setItem(CACHE_PREFIX + key, JSON.stringify({ at: Date.now(), result }));
    return result;
  };
}

/** `path`: the method's API path, its class under the org's namespace (workbench/namespace.ts apexPath). */
export function apexMethod(path, cacheable) {
  const server = async (params = {}) => {
    const res = await fetch(new URL(path, location.href), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-workbench-user': workbenchUserKey(),
        'x-workbench-org': workbenchOrg(),
      },
      body: JSON.stringify(params ?? {}),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      // The shape Lightning gives a failed Apex call: { body: { message, ... }, status, statusText }.
      throw {
        body: { ...body, message: body.message ?? res.statusText },
        status: res.status,
        statusText: res.statusText,
      };
    }
    return body.result;
  };
  const call = cacheable ? withClientCache(path, server) : server;
  call.adapter = class ApexWireAdapter {
    constructor(dataCallback) {
      this.dataCallback = dataCallback;
    }
    connect() {}
    update(config) {
      if (!cacheable) {
        this.dataCallback({
          data: undefined,
          error: {
            body: {
              message: `Apex method ${path} is not cacheable: @wire needs @AuraEnabled(cacheable=true). Call it imperatively.`,
            },
            status: 400,
            statusText: 'Bad Request',
          },
        });
        return;
      }
      call(config).then(
        (data) => this.dataCallback({ data, error: undefined }),
        (error) => this.dataCallback({ data: undefined, error }),
      );
    }
    disconnect() {}
  };
  return call;
}
