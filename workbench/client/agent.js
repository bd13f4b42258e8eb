// The agent page's LWC entry: mounts the real `softphone` LWC in the emulated utility bar's panel, as
// Lightning Experience does (synthetic shadow, SLDS loaded globally by the page). The rest of the page
// (workspace, screen pops, utility bar, Open CTI frame) is the shell: agent-shell.ts.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import Softphone from 'c/softphone';

document
  .querySelector('[data-utility-panel="softphone"]')
  .appendChild(createElement('c-softphone', { is: Softphone }));
