/**
 * Project-wide mock of lightning/navigation (replaces the sfdx-lwc-jest stub).
 * NavigationMixin records the last page reference so tests can assert screen pops.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

let navigateCalledWith = { pageReference: undefined, replace: undefined };
let generateUrlCalledWith = { pageReference: undefined };

export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageReference, replace) {
      navigateCalledWith = { pageReference, replace };
    }

    [GenerateUrl](pageReference) {
      generateUrlCalledWith = { pageReference };
      return Promise.resolve('https://www.example.com');
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** Arguments of the last `this[NavigationMixin.Navigate](pageReference, replace)`. */
export const getNavigateCalledWith = () => navigateCalledWith;

/** Arguments of the last `this[NavigationMixin.GenerateUrl](pageReference)`. */
export const getGenerateUrlCalledWith = () => generateUrlCalledWith;

/** Forget recorded navigation; call from afterEach. */
export const resetNavigation = () => {
  navigateCalledWith = { pageReference: undefined, replace: undefined };
  generateUrlCalledWith = { pageReference: undefined };
};
