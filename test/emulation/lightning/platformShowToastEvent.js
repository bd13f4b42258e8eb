// EMULATION of lightning/platformShowToastEvent, shared by the LWC Jest tests and the workbench: a real
// bubbling, composed event (tests listen for ShowToastEventName and read event.detail), also handed to the
// page, which shows the toast (the workbench shell).
import { notifyHost } from './host.js';

export const ShowToastEventName = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super(ShowToastEventName, { composed: true, bubbles: true, cancelable: true, detail: toast });
    notifyHost('toast', toast);
  }
}
