// The workbench's stand-in for opencti_min.js on /opencti-bridge.html (the page mirrors the SoftphoneBridge
// Visualforce page: this script first, then the REAL softphoneBridge static resource). It defines an
// EMULATED sforce.opencti whose container is the agent page (postMessage) and whose org is the workbench
// server. Opened outside the agent page's Open CTI utility, it defines nothing — like the real library,
// which fails outside the Open CTI iframe — and the bridge says so.
import type { OpenCtiErrorEntry } from '../../src/bridge';
import { publish, subscribe, unsubscribe } from '../../test/emulation/lightning/messageService.js';
import { enableAcrossFrames } from '../../test/emulation/lightning/across-frames.js';
import { EmulatedOpenCti } from '../../test/emulation/open-cti';
import type { OpenCtiContainer } from '../../test/emulation/open-cti-container';
import {
  SHELL_SOURCE,
  OPEN_CTI_SOURCE,
  type ShellToOpenCti,
  type OpenCtiToShell,
} from './shell/frame-messages';

const query = new URLSearchParams(location.search);
const user = query.get('agent') ?? '1';
// The Lightning window that framed this page, as Lightning names it in the adapter URL.
const lightningOrigin = query.get('sfdcIframeOrigin') ?? '';
// This bundle's copy of lightning/messageService hears the LWC bundle's and the other frames'.
enableAcrossFrames();
const framed = window.parent !== window;

function toShell(message: OpenCtiToShell): void {
  if (lightningOrigin) window.parent.postMessage({ source: OPEN_CTI_SOURCE, ...message }, lightningOrigin);
}

async function server<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-user': user },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => ({}))) as T & Partial<OpenCtiErrorEntry>;
  if (!res.ok) {
    const entry: OpenCtiErrorEntry = {
      code: json.code ?? 'SERVER_ERROR',
      description: json.description ?? `The workbench server answered ${res.status}`,
    };
    throw entry;
  }
  return json;
}

let panelVisible = false;

const container: OpenCtiContainer = {
  callCenterSettings: () => server('/api/opencti/call-center'),
  search: (request) => server('/api/opencti/search', request),
  saveLog: (value) => server('/api/opencti/save-log', { value }),
  screenPop: (pop) => toShell({ type: 'screenPop', pop }),
  setPanelVisibility: (visible) => {
    panelVisible = visible;
    toShell({ type: 'panelVisibility', visible });
  },
  isPanelVisible: () => panelVisible,
  clickToDialChanged: (enabled) => toShell({ type: 'clickToDialEnabled', enabled }),
  initializationComplete: () => toShell({ type: 'initializationComplete' }),
  lms: {
    subscribe: (channelName, listener) => {
      const subscription = subscribe({}, channelName, listener);
      return () => unsubscribe(subscription);
    },
    publish: (channelName, message) => publish({}, channelName, message),
  },
  log: ({ method, args, response }) =>
    toShell({
      type: 'log',
      method,
      args: JSON.parse(JSON.stringify(args)) as Record<string, unknown>,
      ...(response ? { response: JSON.parse(JSON.stringify(response)) as typeof response } : {}),
    }),
};

if (framed) {
  const openCti = new EmulatedOpenCti(container);
  (window as unknown as { sforce: { opencti: EmulatedOpenCti } }).sforce = { opencti: openCti };
  window.addEventListener('message', (event: MessageEvent<ShellToOpenCti & { source?: string }>) => {
    if (event.origin !== lightningOrigin || event.source !== window.parent) return;
    if (event.data?.source !== SHELL_SOURCE) return;
    if (event.data.type === 'clickToDial') {
      // Salesforce calls the adapter's onClickToDial listener when the agent clicks a phone field.
      toShell({ type: 'clickToDialDelivered', delivered: openCti.click(event.data.payload) });
    }
    if (event.data.type === 'navigation') openCti.navigated(event.data.payload);
    if (event.data.type === 'panelVisibility') panelVisible = event.data.visible;
  });
}

document.addEventListener('DOMContentLoaded', () => {
  const note = document.querySelector('[data-emulation-note]');
  if (note && !framed) {
    note.textContent =
      'Workbench emulation: this is the Open CTI adapter page. Opened on its own it has no Open CTI (as in Salesforce); open /agent.html, which loads it in the "Open CTI Softphone" utility.';
  }
});
