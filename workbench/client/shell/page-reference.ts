// EMULATION of the page reference Lightning gives CurrentPageReference for each page the shell shows (its
// hash routes): what a utility hears of the page around it, as Open CTI's adapter hears onNavigationChange.
import type { PageReference } from '../../../test/emulation/lightning/navigation.js';

/** The page reference of the shell's route `hash`; `objectOf` names a record's object (undefined: unknown). */
export function pageReferenceOf(hash: string, objectOf: (id: string) => string | undefined): PageReference {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [first = 'Contact', second] = path.split('/').map(decodeURIComponent);
  if (first === 'record' && second) {
    const objectApiName = objectOf(second);
    return {
      type: 'standard__recordPage',
      attributes: { recordId: second, actionName: 'view', ...(objectApiName ? { objectApiName } : {}) },
      state: {},
    };
  }
  if (first === 'new' && second) {
    const defaults = [...new URLSearchParams(query)].map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    return {
      type: 'standard__objectPage',
      attributes: { objectApiName: second, actionName: 'new' },
      state: { defaultFieldValues: defaults.join(',') },
    };
  }
  if (first === 'search') return { type: 'standard__search', state: { term: second ?? '' } };
  return {
    type: 'standard__objectPage',
    attributes: { objectApiName: first, actionName: 'home' },
    state: {},
  };
}
