// The admin page's LWC entry: mounts the real `softphoneSetup` LWC (the Softphone Setup tab) with its
// emulated Apex controller, as the sample admin user (<html data-workbench-user="admin">).
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import * as namespace from 'workbench:namespace';
import { loadNamespace } from '../lwc/runtime/namespace-loader.js';

const { softphoneSetup } = await loadNamespace(namespace);
document
  .querySelector('[data-setup]')
  .appendChild(createElement('c-softphone-setup', { is: softphoneSetup }));

// EMULATION of Lightning's toasts (lightning/platformShowToastEvent → 'workbench:toast').
window.addEventListener('workbench:toast', (event) => {
  const { title, message, variant } = event.detail ?? {};
  const region = document.querySelector('[data-toasts]');
  const toast = document.createElement('div');
  toast.className = `slds-notify slds-notify_toast slds-theme_${variant === 'error' || variant === 'success' || variant === 'warning' ? variant : 'info'}`;
  toast.setAttribute('role', 'status');
  toast.textContent = [title, message].filter(Boolean).join(': ');
  region.appendChild(toast);
  setTimeout(() => toast.remove(), 6000);
});
