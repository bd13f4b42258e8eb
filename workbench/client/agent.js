// The agent page's entry: mounts the real `softphone` LWC in the emulated utility bar, as Lightning
// Experience does (synthetic shadow, SLDS loaded globally by the page).
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import Softphone from 'c/softphone';

const panel = document.querySelector('[data-utility-panel]');
const button = document.querySelector('[data-utility-button]');
panel.appendChild(createElement('c-softphone', { is: Softphone }));

function setOpen(open) {
  panel.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
}
button.addEventListener('click', () => setOpen(panel.hidden));

// EMULATION of the utility bar API's effects (lightning/platformUtilityBarApi stub).
window.addEventListener('workbench:utility', (event) => {
  const { action, options } = event.detail;
  if (action === 'open') setOpen(true);
  if (action === 'minimize') setOpen(false);
  if (action === 'update' && options) {
    if (options.label) button.querySelector('[data-label]').textContent = options.label;
    if ('highlighted' in options) button.classList.toggle('highlighted', !!options.highlighted);
  }
});
