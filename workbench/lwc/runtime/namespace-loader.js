// Loads a namespace's LWC bundle (lwc/namespace-bundle.ts) the way Lightning does under Lightning Web
// Security: the bundle's source is evaluated in the namespace's sandbox (@locker/sandbox, one sandbox per
// key), its `define` hands the modules it imports in from the page's registry, each through the sandbox's
// `wrapDependency` (the `lwc` facade; `lightning/platformResourceLoader` loading scripts INTO the sandbox).
// With LWS off (`?lws=off`, or WORKBENCH_LWS=off for the server) the same bundle runs in the page itself.
import { evaluateInSandbox, wrapDependency } from '@locker/sandbox';

/** `?lws=off|on` on the page wins over the server's default (GET /api/workbench/platform). */
async function lwsEnabled() {
  const asked = new URLSearchParams(location.search).get('lws');
  if (asked === 'off' || asked === 'on') return asked === 'on';
  const response = await fetch('/api/workbench/platform');
  if (!response.ok) throw new Error(`The workbench answered ${response.status} for its platform settings`);
  return (await response.json()).lws !== false;
}

function resolver(key, modules, lws) {
  return (name) => {
    if (name === 'exports') return undefined;
    if (!(name in modules)) throw new Error(`The ${key} namespace imports ${name}, which the page lacks`);
    return lws ? wrapDependency(modules[name], name, key) : modules[name];
  };
}

async function sourceOf(key, url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The ${key} namespace bundle failed to load (${response.status})`);
  return response.text();
}

/**
 * Evaluates the namespace bundle and resolves with its exports (the root components by bundle name).
 * `namespace`: the `workbench:namespace/<key>` module (key, source URL, module registry); the bundle is
 * fetched while the page learns whether LWS is on (a reload's time to audio counts every round trip).
 */
export async function loadNamespace(namespace) {
  const { key, source, modules } = namespace;
  const [code, lws] = await Promise.all([sourceOf(key, source), lwsEnabled()]);
  const resolve = resolver(key, modules, lws);
  let exports;
  const define = (dependencies, factory) => {
    exports = {};
    factory(...Array.from(dependencies, (name) => (name === 'exports' ? exports : resolve(name))));
  };
  if (lws) evaluateInSandbox(key, code, undefined, { define });
  else new Function('define', code)(define);
  if (!exports) throw new Error(`The ${key} namespace bundle did not define its modules`);
  document.documentElement.dataset.lws = lws ? 'on' : 'off';
  return exports;
}
