// EMULATION of lightning/platformShowToastEvent: the workbench shell shows the toast.
export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', { composed: true, bubbles: true, cancelable: true, detail: toast });
    window.dispatchEvent(new CustomEvent('workbench:toast', { detail: toast }));
  }
}
