// The agent page's "Screen pops" pane (EMULATION of what Lightning opens): every pop as it happens, from
// the softphone LWC (lightning/navigation → 'workbench:navigate') and from the bridge (Open CTI screenPop).
import { h, time } from './dom';

export interface ShellPop {
  source: 'Open CTI screenPop' | 'lightning/navigation';
  /** SOBJECT, NEW_RECORD, SEARCH, URL, OBJECTHOME, LIST, FLOW. */
  kind: string;
  summary: string;
  /** The shell route it opens, when there is one. */
  route?: string;
  detail: unknown;
}

const TYPES: Record<string, string> = {
  sobject: 'SOBJECT',
  url: 'URL',
  objecthome: 'OBJECTHOME',
  list: 'LIST',
  search: 'SEARCH',
  newRecord: 'NEW_RECORD_MODAL',
  flow: 'FLOW',
};

const encode = (values: Record<string, unknown> | undefined) =>
  new URLSearchParams(Object.entries(values ?? {}).map(([k, v]) => [k, String(v)])).toString();

/** An Open CTI screenPop ({type: SCREENPOP_TYPE value, params, defaultFieldValues?}) as a shell pop. */
export function fromOpenCti(
  pop: { type: string; params: Record<string, unknown>; defaultFieldValues?: Record<string, unknown> },
  source: ShellPop['source'] = 'Open CTI screenPop',
): ShellPop {
  const kind = TYPES[pop.type] ?? pop.type;
  const p = pop.params;
  switch (pop.type) {
    case 'sobject':
      return {
        source,
        kind,
        summary: `Record ${String(p.recordId)}`,
        route: `#/record/${String(p.recordId)}`,
        detail: pop,
      };
    case 'newRecord':
      return {
        source,
        kind,
        summary: `New ${String(p.entityName)} ${encode(pop.defaultFieldValues)}`,
        route: `#/new/${String(p.entityName)}?${encode(pop.defaultFieldValues)}`,
        detail: pop,
      };
    case 'search':
      return {
        source,
        kind,
        summary: `Search "${String(p.searchString)}"`,
        route: `#/search/${encodeURIComponent(String(p.searchString))}`,
        detail: pop,
      };
    case 'objecthome':
      return { source, kind, summary: `${String(p.scope)} home`, route: `#/${String(p.scope)}`, detail: pop };
    default:
      return { source, kind, summary: JSON.stringify(p), detail: pop };
  }
}

/** decodeDefaultFieldValues of lightning/pageReferenceUtils: "Phone=123,FirstName=Ann". */
function decodeDefaults(text: unknown): Record<string, string> {
  if (typeof text !== 'string') return {};
  return Object.fromEntries(
    text
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [k = '', ...rest] = pair.split('=');
        return [decodeURIComponent(k), decodeURIComponent(rest.join('='))];
      }),
  );
}

/** A lightning/navigation page reference as a shell pop. */
export function fromPageReference(pageReference: {
  type?: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, unknown>;
}): ShellPop {
  const source = 'lightning/navigation';
  const a = pageReference.attributes ?? {};
  const s = pageReference.state ?? {};
  switch (pageReference.type) {
    case 'standard__recordPage':
      return {
        source,
        kind: 'SOBJECT',
        summary: `Record ${String(a.recordId)}`,
        route: `#/record/${String(a.recordId)}`,
        detail: pageReference,
      };
    case 'standard__objectPage':
      if (a.actionName === 'new') {
        const defaults = decodeDefaults(s.defaultFieldValues);
        return {
          source,
          kind: 'NEW_RECORD',
          summary: `New ${String(a.objectApiName)} ${encode(defaults)}`,
          route: `#/new/${String(a.objectApiName)}?${encode(defaults)}`,
          detail: pageReference,
        };
      }
      return {
        source,
        kind: 'OBJECTHOME',
        summary: `${String(a.objectApiName)} home`,
        route: `#/${String(a.objectApiName)}`,
        detail: pageReference,
      };
    case 'standard__search': {
      const term = String(s.term ?? a.term ?? '');
      return {
        source,
        kind: 'SEARCH',
        summary: `Search "${term}"`,
        route: `#/search/${encodeURIComponent(term)}`,
        detail: pageReference,
      };
    }
    default:
      return {
        source,
        kind: pageReference.type ?? 'unknown',
        summary: JSON.stringify(a),
        detail: pageReference,
      };
  }
}

export class ScreenPopPane {
  constructor(
    private readonly list: HTMLElement,
    private readonly open: (route: string) => void,
  ) {}

  add(pop: ShellPop): void {
    const item = h(
      'li',
      { class: 'slds-item wb-pop', 'data-pop-kind': pop.kind, 'data-pop-source': pop.source },
      h('div', { class: 'slds-text-title' }, `${time()} · ${pop.source} (emulated)`),
      h('div', {}, h('strong', {}, pop.kind), ' ', pop.summary),
      pop.route
        ? h(
            'button',
            { class: 'slds-button', type: 'button', onclick: () => this.open(pop.route ?? '') },
            'Open again',
          )
        : null,
    );
    this.list.prepend(item);
    while (this.list.children.length > 30) this.list.lastElementChild?.remove();
    // Lightning opens the pop in the workspace; the pane keeps the history.
    if (pop.route) this.open(pop.route);
  }
}
