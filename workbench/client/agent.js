// The agent page's LWC entry: mounts the real `softphone` LWC in the emulated utility bar's panel, as
// Lightning Experience does (synthetic shadow, SLDS loaded globally by the page), and, in an org without
// Open CTI, the real `softphoneCallButton` on each record page the shell shows. The rest of the page
// (workspace, screen pops, utility bar, Open CTI frame) is the shell: agent-shell.ts.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import * as namespace from 'workbench:namespace';
import { loadNamespace } from '../lwc/runtime/namespace-loader.js';

// The package's namespace (`c` unpackaged) runs in its Lightning Web Security sandbox; the engine and this page stay outside.
const { softphone, softphoneCallButton } = await loadNamespace(namespace);
document
  .querySelector('[data-utility-panel="softphone"]')
  .appendChild(createElement('c-softphone', { is: softphone }));

/** The record page's component, given its record as Lightning gives it (recordId, objectApiName). */
function mountCallButton(slot) {
  if (slot.querySelector('c-softphone-call-button')) return;
  const button = createElement('c-softphone-call-button', { is: softphoneCallButton });
  button.recordId = slot.dataset.callButtonSlot;
  button.objectApiName = slot.dataset.objectApiName;
  slot.replaceChildren(button);
}

window.addEventListener('workbench:recordpage', (event) => mountCallButton(event.detail.slot));
// The shell (loaded first, as Lightning's bar is there before its utilities) may have shown a record page
// already, or did while the namespace was still loading: it gets its button now.
for (const slot of document.querySelectorAll('[data-call-button-slot]')) mountCallButton(slot);
