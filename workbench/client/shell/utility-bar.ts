// EMULATION of the Lightning utility bar: one button and one panel per utility item. Panels stay in the
// page when closed (utilities keep running, as in Lightning); the softphone LWC drives its item through
// lightning/platformUtilityBarApi ('workbench:utility' events on window). A panel's pop-out button is
// enabled, as Lightning allows pop-out by default, until the utility refuses it (enablePopout(id, false));
// popping out itself is not emulated (the workbench logs the click).

export class UtilityBar {
  private readonly items = new Map<
    string,
    { button: HTMLButtonElement; panel: HTMLElement; popout: HTMLButtonElement | null }
  >();

  constructor(root: ParentNode) {
    for (const button of root.querySelectorAll<HTMLButtonElement>('[data-utility-button]')) {
      const id = button.dataset.utilityButton ?? '';
      const panel = root.querySelector<HTMLElement>(`[data-utility-panel="${id}"]`);
      if (!panel) continue;
      const popout = panel.querySelector<HTMLButtonElement>('[data-popout]');
      popout?.addEventListener('click', () => console.info(`workbench: pop-out of ${id} (not emulated)`));
      this.items.set(id, { button, panel, popout });
      button.addEventListener('click', () => this.setOpen(id, panel.hidden));
    }
    window.addEventListener('workbench:utility', (event) => {
      const { action, options } = (
        event as CustomEvent<{ action: string; options?: Record<string, unknown> }>
      ).detail;
      this.apply('softphone', action, options);
    });
  }

  isOpen(id: string): boolean {
    return this.items.get(id)?.panel.hidden === false;
  }

  setOpen(id: string, open: boolean): void {
    const item = this.items.get(id);
    if (!item) return;
    // One panel open at a time, as in Lightning.
    if (open) for (const other of this.items.keys()) if (other !== id) this.setOpen(other, false);
    item.panel.hidden = !open;
    item.button.setAttribute('aria-expanded', String(open));
  }

  apply(id: string, action: string, options?: Record<string, unknown>): void {
    const item = this.items.get(id);
    if (!item) return;
    if (action === 'open') this.setOpen(id, true);
    if (action === 'minimize') this.setOpen(id, false);
    if (action === 'popout' && item.popout) {
      const refused = options?.enabled === false;
      item.popout.disabled = refused;
      item.popout.title =
        refused && typeof options?.disabledText === 'string' ? options.disabledText : 'Pop out';
    }
    if (action === 'update' && options) {
      const label = item.button.querySelector('[data-label]');
      if (typeof options.label === 'string' && label) label.textContent = options.label;
      if ('highlighted' in options) item.button.classList.toggle('highlighted', options.highlighted === true);
    }
  }
}
