// EMULATION of lightning/navigation, shared by the LWC Jest tests and the workbench. NavigationMixin
// records the last request (tests assert screen pops with getNavigateCalledWith) and hands it to the page
// (the workbench's screen-pop pane renders it). Generated URLs are the page's hash routes.
import { notifyHost, wireAdapter } from './host.js';

export const CurrentPageReference = wireAdapter();

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

let navigateCalledWith = { pageReference: undefined, replace: undefined };
let generateUrlCalledWith = { pageReference: undefined };

function generateUrl(pageReference) {
  const attrs = pageReference?.attributes ?? {};
  return `#/${pageReference?.type ?? ''}/${attrs.objectApiName ?? ''}/${attrs.recordId ?? ''}`;
}

export function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](pageReference, replace) {
      navigateCalledWith = { pageReference, replace };
      notifyHost('navigate', { pageReference, replace: !!replace });
    }

    [GenerateUrl](pageReference) {
      generateUrlCalledWith = { pageReference };
      return Promise.resolve(generateUrl(pageReference));
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** Test helper: arguments of the last `this[NavigationMixin.Navigate](pageReference, replace)`. */
export const getNavigateCalledWith = () => navigateCalledWith;

/** Test helper: arguments of the last `this[NavigationMixin.GenerateUrl](pageReference)`. */
export const getGenerateUrlCalledWith = () => generateUrlCalledWith;

/** Test helper: forget recorded navigation; call from afterEach. */
export const resetNavigation = () => {
  navigateCalledWith = { pageReference: undefined, replace: undefined };
  generateUrlCalledWith = { pageReference: undefined };
};
