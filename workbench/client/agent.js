// The agent page's LWC entry: mounts the real `softphone` LWC in the emulated utility bar's panel, as
// Lightning Experience does (synthetic shadow, SLDS loaded globally by the page). The rest of the page
// (workspace, screen pops, utility bar, Open CTI frame) is the shell: agent-shell.ts.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import * as namespace from 'workbench:namespace/c';
import { loadNamespace } from '../lwc/runtime/namespace-loader.js';

// The `c` namespace runs in its Lightning Web Security sandbox; the engine and this page stay outside.
const { softphone } = await loadNamespace(namespace);
document
  .querySelector('[data-utility-panel="softphone"]')
  .appendChild(createElement('c-softphone', { is: softphone }));
