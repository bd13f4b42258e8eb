// The agent page's shell: an EMULATION of the Lightning Experience around the real components — the
// workspace with the sample records, the screen-pop pane, the logged Tasks, the emulation log and the
// utility bar holding the real softphone LWC (mounted by agent.js) and the "Open CTI Softphone" item
// (an iframe with the emulated Open CTI and the real bridge bundle). `?org=lightning` is an org without
// Open CTI (org-flavour.ts): no call center, no bridge, record pages with the softphone's call button.
import type { OpenCtiClickPayload } from '../../src/bridge';
import { subscribe } from '../../test/emulation/lightning/messageService.js';
import { enableAcrossFrames, showPage } from '../../test/emulation/lightning/across-frames.js';
import { loadRecords, loadTasks, type RecordView, type TaskView } from './shell/crm-data';
import { h, replaceChildren } from './shell/dom';
import { EmulationLog } from './shell/emulation-log';
import {
  OPEN_CTI_SOURCE,
  SHELL_SOURCE,
  type OpenCtiToShell,
  type ShellToOpenCti,
} from './shell/frame-messages';
import { ScreenPopPane, fromOpenCti, fromPageReference } from './shell/screen-pops';
import { UtilityBar } from './shell/utility-bar';
import { Workspace } from './shell/workspace';
import { callButtonSlot, orgFlavour, withoutOpenCti } from './shell/org-flavour';
import { pageReferenceOf } from './shell/page-reference';
import { callListMessage, listViewButtons, postFromCallListPage } from './shell/list-view';
import { workbenchOrigins } from '../origins';
import { orgName } from '../namespace';
import { NAMESPACE_VARIABLE, packageNamespace } from '../../scripts/namespace';

// This bundle's copy of lightning/messageService hears the LWC bundle's and the other frames'.
enableAcrossFrames();
const agent = new URLSearchParams(location.search).get('agent') ?? '1';
/** This page is the emulated org's Lightning window; the package's Visualforce pages come from another origin. */
// The emulated org's namespace: the build's one input, put in this bundle by workbench/build.ts.
const NAMESPACE = packageNamespace({ [NAMESPACE_VARIABLE]: process.env.SOFTPHONE_NAMESPACE });
const VISUALFORCE = workbenchOrigins(location.port, NAMESPACE).visualforce;
const flavour = orgFlavour(location.search);
document.body.dataset.orgFlavour = flavour;
const $ = <T extends Element = HTMLElement>(selector: string) => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`The agent page has no ${selector}`);
  return found;
};

let records: RecordView[] = [];
let tasks: TaskView[] = [];
let clickToDialEnabled = false;

function toast(message: string, variant: 'info' | 'error' | 'success' | 'warning' = 'info'): void {
  const region = $('[data-toasts]');
  const item = h(
    'div',
    { class: `slds-notify slds-notify_toast slds-theme_${variant}`, role: 'status' },
    h('span', { class: 'slds-assistive-text' }, variant),
    message,
  );
  region.append(item);
  setTimeout(() => item.remove(), 6000);
}

if (flavour === 'lightning') withoutOpenCti(document);
const utilityBar = new UtilityBar(document);
const frame = h('iframe', {
  title: 'Open CTI Softphone',
  'data-opencti-frame': '',
  // The query parameters Lightning adds to the adapter URL (the emulation reads `agent` only).
  src: `${VISUALFORCE}/opencti-bridge.html?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(location.origin)}&nonce=workbench&agent=${encodeURIComponent(agent)}`,
});
if (flavour === 'opencti') $('[data-utility-panel="opencti"]').append(frame);

function toOpenCti(message: ShellToOpenCti): void {
  frame.contentWindow?.postMessage({ source: SHELL_SOURCE, ...message }, VISUALFORCE);
}

function clickToDial(payload: OpenCtiClickPayload): void {
  if (!clickToDialEnabled) {
    toast(
      'Click-to-dial is off: the Open CTI adapter has not called enableClickToDial (see the Open CTI Softphone utility).',
      'warning',
    );
    return;
  }
  toOpenCti({ type: 'clickToDial', payload });
}

/** EMULATION of saving the standard new-record form: the org creates the Contact, Lightning shows it. */
async function createContact(fields: Record<string, string>): Promise<string> {
  const response = await fetch('/api/workbench/contacts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  });
  const body = (await response.json()) as { id?: string; message?: string };
  if (!response.ok || !body.id) throw new Error(body.message ?? `The workbench answered ${response.status}`);
  records = await loadRecords();
  return body.id;
}

const workspace = new Workspace($('[data-workspace]'), {
  records: () => records,
  tasks: () => tasks,
  ...(flavour === 'opencti' ? { clickToDial } : { recordPageExtras: callButtonSlot }),
  createContact,
  listViewButtons: (table, shown) =>
    listViewButtons(table, shown, (selected) => {
      if (selected.length === 0) return toast('Select the records to call first.', 'warning');
      postFromCallListPage(document, VISUALFORCE, callListMessage(selected));
    }),
});
const log = new EmulationLog($('[data-emulation-log]'));
const pops = new ScreenPopPane($('[data-screen-pops]'), (route) => {
  if (location.hash === route) workspace.render();
  else location.hash = route;
});

function renderTasksPane(): void {
  const pane = $('[data-tasks-pane]');
  replaceChildren(pane, workspace.taskTable(tasks.slice(0, 10)));
}

async function refreshTasks(): Promise<void> {
  tasks = await loadTasks();
  renderTasksPane();
  workspace.render();
}

window.addEventListener('message', (event: MessageEvent<OpenCtiToShell & { source?: string }>) => {
  if (!event.isTrusted || event.origin !== VISUALFORCE) return;
  // What the package's pages post to the Lightning window for the utility (ADR 0007), shown as it travels.
  if (event.data?.source !== OPEN_CTI_SOURCE) return log.lms(event.data, `postMessage from ${event.origin}`);
  if (event.source !== frame.contentWindow) return;
  const message = event.data;
  switch (message.type) {
    case 'screenPop':
      pops.add(fromOpenCti(message.pop));
      break;
    case 'panelVisibility':
      utilityBar.setOpen('opencti', message.visible);
      break;
    case 'clickToDialEnabled':
      clickToDialEnabled = message.enabled;
      document.body.dataset.clickToDial = String(message.enabled);
      break;
    case 'clickToDialDelivered':
      if (!message.delivered) toast('Click-to-dial is off: no onClickToDial listener.', 'warning');
      break;
    case 'initializationComplete':
      document.body.dataset.openCtiReady = 'true';
      break;
    case 'log':
      log.openCti(message.method, message.args, message.response);
      break;
  }
});
if (flavour === 'opencti') {
  $('[data-utility-button="opencti"]').addEventListener('click', () =>
    toOpenCti({ type: 'panelVisibility', visible: utilityBar.isOpen('opencti') }),
  );
}

// EMULATION of lightning/navigation: the LWC's navigation requests become screen pops.
window.addEventListener('workbench:navigate', (event) => {
  const { pageReference } = (event as CustomEvent<{ pageReference: Parameters<typeof fromPageReference>[0] }>)
    .detail;
  pops.add(fromPageReference(pageReference ?? {}));
});
window.addEventListener('workbench:toast', (event) => {
  const detail = (event as CustomEvent<{ title?: string; message?: string; variant?: string }>).detail;
  const variant = (['error', 'success', 'warning'] as const).find((v) => v === detail.variant) ?? 'info';
  toast([detail.title, detail.message].filter(Boolean).join(': '), variant);
});

// Lightning Message Service on the package's channel (ns__Softphone__c in a namespaced org), as the softphone hears it.
subscribe({}, { channelName: orgName(NAMESPACE, 'Softphone__c') }, (message) => log.lms(message));

const objectOf = (id: string) => records.find((r) => r.Id.slice(0, 15) === id.slice(0, 15))?.objectType;

// Lightning tells the Open CTI adapter about every page change (onNavigationChange), and the utility's
// CurrentPageReference too.
function navigated(): void {
  workspace.render();
  toOpenCti({ type: 'navigation', payload: workspace.page(location.href) });
  showPage(pageReferenceOf(location.hash, objectOf));
}
window.addEventListener('hashchange', navigated);

async function start(): Promise<void> {
  const directory = (await (await fetch('/api/workbench/directory')).json()) as {
    users: { key: string; Name: string; Extension?: string }[];
  };
  const me = directory.users.find((u) => u.key === agent);
  $('[data-agent-name]').textContent = me
    ? `${me.Name}${me.Extension ? ` (ext. ${me.Extension})` : ''}`
    : `unknown agent ${agent}`;
  document.title = `${me?.Name ?? 'Agent'}: Softphone workbench`;
  [records, tasks] = await Promise.all([loadRecords(), loadTasks()]);
  workspace.render();
  showPage(pageReferenceOf(location.hash, objectOf));
  renderTasksPane();
  // Tasks change when the softphone logs a call (Apex) or the bridge saves a log (Open CTI).
  const events = new EventSource('/api/workbench/events');
  events.addEventListener('change', () => void refreshTasks());
  $('[data-refresh-tasks]').addEventListener('click', () => void refreshTasks());
  document.body.dataset.shellReady = 'true';
}

start().catch((e: unknown) =>
  toast(`The workbench shell failed to start: ${e instanceof Error ? e.message : String(e)}`, 'error'),
);
