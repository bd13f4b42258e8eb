// The workbench's page around the emulated lightning/* modules — what Jest does not need. It makes the
// modules reach ACROSS FRAMES and bundles of one browser tab: Lightning Message Service over one
// BroadcastChannel per channel (the softphone LWC bundle, the shell's bundle and the Open CTI bridge
// iframe each load their own copy of messageService.js), and the page's requests (navigate, utility,
// toast) as `workbench:<type>` events on window for the shell to render. Like LMS, a message never
// reaches another tab (a second agent's page).
import { setHost } from './host.js';
import { connectMessageTransport, MessageContext } from './messageService.js';
import { CurrentPageReference } from './navigation.js';
import { EnclosingUtilityId } from './platformUtilityBarApi.js';

/** The utility id the workbench's components see, and their page until the shell shows one (showPage). */
export const WORKBENCH_UTILITY_ID = 'softphone-utility';
export const WORKBENCH_PAGE = {
  type: 'standard__navItemPage',
  attributes: { apiName: 'Workbench' },
  state: {},
};

/** One id per tab, shared by the top page and its frames, so two tabs never hear each other. */
function tabScope() {
  try {
    if (typeof window === 'undefined') return 'no-window';
    const top = window.top ?? window;
    top.__workbenchLmsScope ??= `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    return top.__workbenchLmsScope;
  } catch {
    // A cross-origin parent: this frame is its own scope.
    return 'isolated';
  }
}

/** BroadcastChannel never delivers to the posting object itself: messageService delivers locally. */
function broadcastChannelTransport(deliver) {
  const channels = new Map();
  const channelFor = (name) => {
    if (!channels.has(name)) {
      const channel = new BroadcastChannel(`workbench-lms:${tabScope()}:${name}`);
      channel.onmessage = (event) => deliver(name, event.data);
      channels.set(name, channel);
    }
    return channels.get(name);
  };
  const close = () => {
    for (const channel of channels.values()) channel.close();
    channels.clear();
  };
  return {
    open: channelFor,
    post: (name, message) => channelFor(name).postMessage(message),
    reset: close,
    close,
  };
}

function loadElement(kind, url) {
  return new Promise((resolve, reject) => {
    const element =
      kind === 'script'
        ? Object.assign(document.createElement('script'), { src: url })
        : Object.assign(document.createElement('link'), { rel: 'stylesheet', href: url });
    element.onload = () => resolve();
    element.onerror = () => reject(new Error(`Failed to load ${url}`));
    document.head.appendChild(element);
  });
}

const workbenchPage = {
  notify: (type, detail) => window.dispatchEvent(new CustomEvent(`workbench:${type}`, { detail })),
  load: loadElement,
  utilityVisible: () => document.querySelector('[data-utility-panel]')?.hidden === false,
  uiApi: async (adapter, config) => {
    const response = await fetch('/api/workbench/uiapi', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ adapter, config }),
    });
    const body = await response.json();
    if (!response.ok) throw { body, ok: false, status: response.status, statusText: response.statusText };
    return body;
  },
};

/** Every bundle of the page hears the page the shell shows on this event (its own CurrentPageReference). */
const PAGE_EVENT = 'workbench:page';

/**
 * The shell shows a page: CurrentPageReference of every component of this window (any bundle) hears its
 * page reference, as a utility hears the page around it in Lightning; a bundle loaded later starts from it.
 */
export function showPage(pageReference) {
  window.__workbenchPageReference = pageReference;
  window.dispatchEvent(new CustomEvent(PAGE_EVENT, { detail: pageReference }));
}

function followPages() {
  CurrentPageReference.provide(window.__workbenchPageReference ?? WORKBENCH_PAGE);
  window.addEventListener(PAGE_EVENT, (event) => {
    CurrentPageReference.provide(event.detail);
    CurrentPageReference.emit(event.detail);
  });
}

let enabled = false;

/** Installs the workbench's page; every bundle of the page calls it before its first platform call. */
export function enableAcrossFrames() {
  if (enabled) return;
  enabled = true;
  setHost(workbenchPage);
  connectMessageTransport(broadcastChannelTransport);
  MessageContext.provide({});
  followPages();
  EnclosingUtilityId.provide(WORKBENCH_UTILITY_ID);
}
