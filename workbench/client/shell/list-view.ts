// EMULATION of a list view with the package's list button: a checkbox per row and "Call selected", which
// in an org opens the Softphone Call List page (a Visualforce list button with a standard set controller,
// docs/deploy.md step 11) that posts the selected records to the Lightning window as one `callList` message
// (ADR 0007). Here the button loads the workbench's copy of that page from the Visualforce origin, which posts.
import { createMessage, type ClickToDial } from '../../../src/protocol';
import type { RecordView } from './crm-data';
import { h } from './dom';

/** The message the Softphone Call List page posts for the selected records (each with its first number). */
export function callListMessage(selected: RecordView[]) {
  const entries: ClickToDial[] = selected.flatMap((record) => {
    const phone = record.phones[0];
    return phone
      ? [{ number: phone.value, recordId: record.Id, recordName: record.Name, objectType: record.objectType }]
      : [];
  });
  const built = createMessage('callList', { entries });
  if (!built.ok) throw new Error(`The call list page built an invalid message: ${built.detail}`);
  return built.value;
}

/** Loads the call-list page from the Visualforce origin with `message`; it posts once and the frame goes. */
export function postFromCallListPage(document: Document, visualforceOrigin: string, message: unknown): void {
  const frame = h('iframe', {
    title: 'Softphone call list',
    hidden: '',
    src: `${visualforceOrigin}/call-list.html#${encodeURIComponent(JSON.stringify(message))}`,
  });
  frame.addEventListener('load', () => frame.remove(), { once: true });
  document.body.append(frame);
}

/**
 * Adds a selection checkbox to each row of `table` (rows carry data-record-row) and returns the list view's
 * button bar; `start` hears the selected records in the list's order.
 */
export function listViewButtons(
  table: HTMLElement,
  records: RecordView[],
  start: (selected: RecordView[]) => void,
): HTMLElement {
  for (const row of table.querySelectorAll<HTMLElement>('[data-record-row]')) {
    const record = records.find((r) => r.Id === row.dataset.recordRow);
    const box = h('input', { type: 'checkbox', 'data-select-record': row.dataset.recordRow ?? '' });
    box.setAttribute('aria-label', `Select ${record?.Name ?? row.dataset.recordRow ?? ''}`);
    row.prepend(h('td', {}, box));
  }
  table
    .querySelector('thead tr')
    ?.prepend(h('th', { scope: 'col' }, h('span', { class: 'slds-assistive-text' }, 'Select')));
  const selected = () =>
    records.filter((r) => table.querySelector<HTMLInputElement>(`[data-select-record="${r.Id}"]`)?.checked);
  return h(
    'div',
    { class: 'slds-m-bottom_small', 'data-list-view-buttons': '' },
    h(
      'button',
      {
        type: 'button',
        class: 'slds-button slds-button_neutral',
        'data-list-button': 'Softphone_Call_List',
        onclick: () => start(selected()),
      },
      'Call selected',
    ),
  );
}
