// The emulated org's flavour: `opencti` (a call center, the "Open CTI Softphone" utility with the bridge,
// click-to-dial on phone fields) or `lightning` (`?org=lightning`: what a new Agentforce Service org gets,
// no Open CTI and no call center; admins put the softphone's call button on record pages).
import type { RecordView } from './crm-data';
import { h } from './dom';

export type OrgFlavour = 'opencti' | 'lightning';

export const orgFlavour = (search: string): OrgFlavour =>
  new URLSearchParams(search).get('org') === 'lightning' ? 'lightning' : 'opencti';

/** No "Open CTI Softphone" item in the utility bar: the org has no call center to point it at. */
export function withoutOpenCti(page: Document): void {
  page.querySelector('[data-utility-button="opencti"]')?.remove();
  page.querySelector('[data-utility-panel="opencti"]')?.remove();
  const logTitle = page.querySelector('#log-title');
  if (logTitle?.firstChild) logTitle.firstChild.textContent = 'Emulation log: LMS (no Open CTI in this org)';
}

/**
 * Where a record page holds the softphone's call button (the admin placed it in the page layout); the
 * LWC bundle (agent.js) mounts the real c-softphone-call-button there once the page shows it.
 */
export function callButtonSlot(record: RecordView): HTMLElement {
  const slot = h('div', {
    class: 'slds-m-top_medium',
    'data-call-button-slot': record.Id,
    'data-object-api-name': record.objectType,
  });
  queueMicrotask(() => {
    if (slot.isConnected) window.dispatchEvent(new CustomEvent('workbench:recordpage', { detail: { slot } }));
  });
  return slot;
}
