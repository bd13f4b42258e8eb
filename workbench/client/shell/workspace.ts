// The agent page's workspace: object homes and record pages of the emulated org (Contacts, Leads,
// Accounts), a search page, a new-record form for new-record pops, and the logged call Tasks. In an org
// with Open CTI phone numbers are click-to-dial: a click goes to the Open CTI adapter's onClickToDial
// listener, as in Lightning; without it they are plain text and record pages hold the call button.
import type { OpenCtiClickPayload } from '../../../src/bridge';
import type { OpenCtiNavigationPayload } from '../../../test/emulation/open-cti';
import type { ObjectName, RecordView, TaskView } from './crm-data';
import { h, replaceChildren } from './dom';

const OBJECTS: [ObjectName, string][] = [
  ['Contact', 'Contacts'],
  ['Lead', 'Leads'],
  ['Account', 'Accounts'],
];

export interface WorkspaceDeps {
  records: () => RecordView[];
  tasks: () => TaskView[];
  /** Absent in an org without Open CTI: numbers are not click-to-dial. */
  clickToDial?: (payload: OpenCtiClickPayload) => void;
  /** What a record page shows below its fields (the org's call button component), if anything. */
  recordPageExtras?: (record: RecordView) => HTMLElement | null;
  /** The list view's button bar for an object home's table (the package's list button), if any. */
  listViewButtons?: (table: HTMLElement, records: RecordView[]) => HTMLElement;
  /** Saves a new Contact; resolves with its id, rejects with the org's message. */
  createContact: (fields: Record<string, string>) => Promise<string>;
}

/** The fields of the emulated new-Contact form, in layout order (LastName is required, as in Salesforce). */
const CONTACT_FIELDS: [string, string, boolean][] = [
  ['FirstName', 'First Name', false],
  ['LastName', 'Last Name', true],
  ['Title', 'Title', false],
  ['Phone', 'Phone', false],
  ['MobilePhone', 'Mobile', false],
  ['Email', 'Email', false],
];

const digits = (text: string) => text.replace(/[^0-9]/g, '');

export class Workspace {
  constructor(
    private readonly root: HTMLElement,
    private readonly deps: WorkspaceDeps,
  ) {}

  /** Renders the current route (location.hash). */
  render(): void {
    const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
    const [first = 'Contact', second] = path.split('/').map(decodeURIComponent);
    if (first === 'record' && second) return this.showRecord(second);
    if (first === 'new' && second) return this.showNewRecord(second, new URLSearchParams(query));
    if (first === 'search') return this.showSearch(second ?? '');
    if (first === 'Task') return this.showTasks();
    const object = OBJECTS.find(([name]) => name === first)?.[0] ?? 'Contact';
    const records = this.deps.records().filter((r) => r.objectType === object);
    const table = this.recordTable(records);
    replaceChildren(
      this.root,
      h(
        'h2',
        { class: 'slds-text-heading_medium slds-m-bottom_small' },
        OBJECTS.find(([n]) => n === object)?.[1] ?? object,
      ),
      this.deps.listViewButtons?.(table, records) ?? null,
      table,
    );
  }

  /** What Lightning hands the Open CTI adapter's onNavigationChange listener for the page at `url`. */
  page(url: string): OpenCtiNavigationPayload {
    const [first, second] = new URL(url).hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? [];
    const record = first === 'record' && second ? this.find(decodeURIComponent(second)) : undefined;
    return record
      ? { url, recordId: record.Id, recordName: record.Name, objectType: record.objectType }
      : { url, recordId: '', recordName: '', objectType: '' };
  }

  private find(id: string): RecordView | undefined {
    return this.deps.records().find((r) => r.Id === id || r.Id.slice(0, 15) === id.slice(0, 15));
  }

  private phoneButton(record: RecordView, phone: { value: string; label: string }) {
    const payload: OpenCtiClickPayload = {
      number: phone.value,
      recordId: record.Id,
      recordName: record.Name,
      objectType: record.objectType,
    };
    const clickToDial = this.deps.clickToDial;
    if (!clickToDial) return h('span', { class: 'wb-phone-number', 'data-phone': phone.value }, phone.value);
    return h(
      'button',
      {
        type: 'button',
        class: 'slds-button wb-click-to-dial',
        'data-click-to-dial': phone.value,
        'data-record-id': record.Id,
        title: `Call ${phone.value} (${phone.label})`,
        onclick: () => clickToDial(payload),
      },
      phone.value,
    );
  }

  private recordTable(records: RecordView[]) {
    return h(
      'table',
      { class: 'slds-table slds-table_bordered slds-table_cell-buffer' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Name'),
          h('th', { scope: 'col' }, 'Details'),
          h('th', { scope: 'col' }, 'Phone numbers'),
        ),
      ),
      h(
        'tbody',
        {},
        records.map((r) =>
          h(
            'tr',
            { 'data-record-row': r.Id },
            h(
              'th',
              { scope: 'row' },
              h('a', { href: `#/record/${r.Id}` }, r.Name),
              ' ',
              h('span', { class: 'slds-badge' }, r.objectType),
            ),
            h('td', {}, r.details.map(([, v]) => v).join(' · ')),
            h(
              'td',
              {},
              r.phones.map((p) => h('span', { class: 'wb-phone' }, `${p.label}: `, this.phoneButton(r, p))),
            ),
          ),
        ),
      ),
    );
  }

  private showRecord(id: string): void {
    const record = this.find(id);
    if (!record) {
      replaceChildren(this.root, h('p', { role: 'alert' }, `No record ${id} in the sample data.`));
      return;
    }
    const related = this.deps.tasks().filter((t) => t.WhoId === record.Id || t.WhatId === record.Id);
    const account = record.accountId ? this.deps.records().find((r) => r.Id === record.accountId) : undefined;
    replaceChildren(
      this.root,
      h(
        'article',
        { class: 'slds-card', 'data-record-page': record.Id },
        h(
          'div',
          { class: 'slds-card__header' },
          h(
            'h2',
            { class: 'slds-text-heading_medium' },
            h('span', { class: 'slds-badge' }, record.objectType),
            ' ',
            record.Name,
          ),
        ),
        h(
          'div',
          { class: 'slds-card__body slds-card__body_inner' },
          h(
            'dl',
            { class: 'slds-dl_horizontal' },
            record.details.flatMap(([label, value]) => [
              h('dt', { class: 'slds-dl_horizontal__label' }, label),
              h(
                'dd',
                { class: 'slds-dl_horizontal__detail' },
                label === 'Account Name' && account
                  ? h('a', { href: `#/record/${account.Id}` }, value)
                  : value,
              ),
            ]),
            record.phones.flatMap((p) => [
              h('dt', { class: 'slds-dl_horizontal__label' }, p.label),
              h('dd', { class: 'slds-dl_horizontal__detail' }, this.phoneButton(record, p)),
            ]),
            h('dt', { class: 'slds-dl_horizontal__label' }, 'Record Id'),
            h('dd', { class: 'slds-dl_horizontal__detail' }, record.Id),
          ),
          this.deps.recordPageExtras?.(record) ?? null,
          h(
            'h3',
            { class: 'slds-text-heading_small slds-m-top_medium' },
            `Activity history (${related.length})`,
          ),
          this.taskTable(related),
        ),
      ),
    );
  }

  private showNewRecord(entity: string, defaults: URLSearchParams): void {
    if (entity !== 'Contact') {
      replaceChildren(
        this.root,
        h(
          'p',
          { role: 'alert' },
          `The workbench emulates the new-record form for Contacts only, not ${entity}.`,
        ),
      );
      return;
    }
    const error = h('p', { class: 'slds-text-color_error', role: 'alert', 'data-new-record-error': '' });
    const fields = contactFields(defaults);
    const save = async (event: Event) => {
      event.preventDefault();
      const values = Object.fromEntries(fields.map(([input]) => [input.name, input.value]));
      try {
        location.hash = `#/record/${await this.deps.createContact(values)}`;
      } catch (e) {
        error.textContent = e instanceof Error ? e.message : String(e);
      }
    };
    const body = [error, ...fields.map(([, element]) => element), formButtons()];
    replaceChildren(this.root, newRecordForm(entity, body, save));
  }

  private showSearch(term: string): void {
    const needle = term.toLowerCase();
    const needleDigits = digits(term);
    const found = this.deps
      .records()
      .filter(
        (r) =>
          r.Name.toLowerCase().includes(needle) ||
          (needleDigits.length >= 7 &&
            r.phones.some((p) => digits(p.value).endsWith(needleDigits.slice(-10)))),
      );
    replaceChildren(
      this.root,
      h(
        'h2',
        { class: 'slds-text-heading_medium slds-m-bottom_small', 'data-search-page': term },
        `Search results for "${term}" (${found.length})`,
      ),
      this.recordTable(found),
    );
  }

  private showTasks(): void {
    replaceChildren(
      this.root,
      h('h2', { class: 'slds-text-heading_medium slds-m-bottom_small' }, 'Tasks (logged calls)'),
      this.taskTable(this.deps.tasks()),
    );
  }

  taskTable(tasks: TaskView[]) {
    if (tasks.length === 0)
      return h('p', { class: 'slds-text-color_weak', 'data-tasks-empty': '' }, 'No calls logged yet.');
    return h(
      'table',
      { class: 'slds-table slds-table_bordered slds-table_cell-buffer wb-tasks' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            'Subject',
            'Name',
            'Related to',
            'Call type',
            'Duration',
            'Result',
            'Notes',
            'Assigned to',
            'Created',
          ].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        tasks.map((t) =>
          h(
            'tr',
            { 'data-task-id': t.Id, 'data-call-object': t.CallObject ?? '' },
            h('td', {}, t.Subject ?? ''),
            h('td', {}, t.WhoId ? h('a', { href: `#/record/${t.WhoId}` }, t.WhoName ?? t.WhoId) : ''),
            h('td', {}, t.WhatId ? h('a', { href: `#/record/${t.WhatId}` }, t.WhatName ?? t.WhatId) : ''),
            h('td', {}, t.CallType ?? ''),
            h('td', {}, t.CallDurationInSeconds === undefined ? '' : `${t.CallDurationInSeconds} s`),
            h('td', {}, t.CallDisposition ?? ''),
            h('td', {}, t.Description ?? ''),
            h('td', {}, t.OwnerName ?? t.OwnerId),
            h('td', {}, new Date(t.CreatedDate).toLocaleString()),
          ),
        ),
      ),
    );
  }
}

/** The new-Contact form's inputs, filled with the pop's default field values, each in its labelled element. */
function contactFields(defaults: URLSearchParams) {
  return CONTACT_FIELDS.map(([field, label, required]) => {
    const input = h('input', {
      class: 'slds-input',
      name: field,
      value: defaults.get(field) ?? '',
      required,
      'aria-required': required ? 'true' : undefined,
    });
    return [
      input,
      h(
        'div',
        { class: 'slds-form-element' },
        h('label', { class: 'slds-form-element__label' }, required ? `* ${label}` : label, input),
      ),
    ] as const;
  });
}

function formButtons() {
  return h(
    'div',
    { class: 'slds-m-top_small' },
    h(
      'button',
      { type: 'button', class: 'slds-button slds-button_neutral', onclick: () => history.back() },
      'Cancel',
    ),
    h('button', { type: 'submit', class: 'slds-button slds-button_brand', 'data-save-record': '' }, 'Save'),
  );
}

/** The emulated standard new-record form around its body (the error line, the fields, the buttons). */
function newRecordForm(entity: string, body: HTMLElement[], save: (event: Event) => Promise<void>) {
  return h(
    'form',
    {
      class: 'slds-card',
      'data-new-record': entity,
      'aria-label': `New ${entity}`,
      novalidate: true,
      onsubmit: (event) => void save(event),
    },
    h('div', { class: 'slds-card__header' }, h('h2', { class: 'slds-text-heading_medium' }, `New ${entity}`)),
    h(
      'div',
      { class: 'slds-card__body slds-card__body_inner' },
      h(
        'p',
        { class: 'slds-text-color_weak' },
        'Workbench emulation of the standard new-record form: the Contact is saved in the local data file.',
      ),
      body,
    ),
  );
}
