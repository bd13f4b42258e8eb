// The agent page's "Emulation log": every Lightning Message Service message on Softphone__c and every message
// the package's Visualforce pages post to the Lightning window (checked with the schema's own validateMessage,
// as the utility checks them), and every call the bridge makes on the emulated sforce.opencti. It shows what
// the real components say to each other.
import { validateMessage } from '../../../src/protocol';
import type { OpenCtiResponse } from '../../../src/bridge';
import { h, time } from './dom';

export class EmulationLog {
  constructor(private readonly list: HTMLElement) {}

  private add(item: HTMLLIElement): void {
    this.list.prepend(item);
    while (this.list.children.length > 60) this.list.lastElementChild?.remove();
  }

  /** `via`: how it travelled (the channel, or a post from an origin). */
  lms(message: unknown, via = 'LMS Softphone__c'): void {
    const checked = validateMessage(message);
    const raw = message as { type?: unknown; requestId?: unknown };
    const type = typeof raw?.type === 'string' ? raw.type : 'unknown';
    this.add(
      h(
        'li',
        {
          class: 'slds-item wb-log',
          'data-log': via.startsWith('LMS') ? 'lms' : 'post',
          'data-lms-type': type,
          'data-valid': String(checked.ok),
        },
        h('div', { class: 'slds-text-title' }, `${time()} · ${via}`),
        h(
          'div',
          {},
          h('strong', {}, type),
          ' ',
          checked.ok ? '✓ valid (schema v1)' : `✗ ${checked.reason}: ${checked.detail}`,
        ),
        h(
          'details',
          {},
          h('summary', {}, 'message'),
          h('pre', { 'data-message': '' }, JSON.stringify(message, null, 2)),
        ),
      ),
    );
  }

  openCti(method: string, args: Record<string, unknown>, response?: OpenCtiResponse): void {
    const outcome =
      response === undefined
        ? ''
        : response.success
          ? '→ success'
          : `→ ${response.errors?.[0]?.code ?? 'error'}`;
    this.add(
      h(
        'li',
        { class: 'slds-item wb-log', 'data-log': 'opencti', 'data-opencti-method': method },
        h('div', { class: 'slds-text-title' }, `${time()} · sforce.opencti (emulated)`),
        h('div', {}, h('strong', {}, method), ' ', outcome),
        h(
          'details',
          {},
          h('summary', {}, 'arguments and answer'),
          h('pre', {}, JSON.stringify({ args, response }, null, 2)),
        ),
      ),
    );
  }
}
