// EMULATION of lightning/navigation for the workbench: navigation requests go to the page's
// screen-pop pane through a DOM event on window (the workbench shell renders them).
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function navigate(pageReference, replace) {
  window.dispatchEvent(
    new CustomEvent('workbench:navigate', { detail: { pageReference, replace: !!replace } }),
  );
}

function generateUrl(pageReference) {
  const attrs = pageReference?.attributes ?? {};
  return Promise.resolve(
    `#/${pageReference?.type ?? ''}/${attrs.objectApiName ?? ''}/${attrs.recordId ?? ''}`,
  );
}

export function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](pageReference, replace) {
      navigate(pageReference, replace);
    }
    [GenerateUrl](pageReference) {
      return generateUrl(pageReference);
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export class CurrentPageReference {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }
  connect() {
    this.dataCallback({ type: 'standard__navItemPage', attributes: { apiName: 'Workbench' }, state: {} });
  }
  update() {}
  disconnect() {}
}
