// Calls a list view's selected records with the phone, one at a time: the rule is src/call/call-list.ts;
// this feeds it what the phone shows and the agent's Skip and Stop, and dials what it decides.
import { callListStep, type CallList, type CallListEntry, type CallListEvent } from '../call';
import type { CallListRequest } from '../protocol';
import { clickedRecord, type CrmDial } from './click-to-dial';

/** What the runner needs of the phone (the shared softphone is one). */
export interface CallListPhone {
  view(): { calls: readonly unknown[] };
  subscribe(listener: (view: { calls: readonly unknown[] }) => void): () => void;
  dial(number: string, options: CrmDial): string;
}

/** Where lists come from (the BridgeClient hears them on the Softphone__c channel). */
export interface CallListSource {
  onCallList(listener: (list: CallListRequest) => void): () => void;
}

export interface CallListRunnerOptions {
  phone: CallListPhone;
  source: CallListSource;
  /** A list call was dialled: its id (the host opens the panel on it). */
  dialled?: (callId: string) => void;
}

/** The entries of a list request: each dials like a click on its record's number. */
export function toCallListEntries(list: CallListRequest): CallListEntry[] {
  return list.entries.map((click) => {
    const record = clickedRecord(click);
    return { number: click.number, name: click.recordName || click.number, ...(record ? { record } : {}) };
  });
}

export class CallListRunner {
  private list: CallList | null = null;
  /** What the listeners heard last: a dial re-enters apply() as its call shows, and they hear each list once. */
  private heard: CallList | null = null;
  private readonly listeners = new Set<(list: CallList | null) => void>();
  private readonly stops: (() => void)[];

  constructor(private readonly options: CallListRunnerOptions) {
    const { phone, source } = options;
    this.stops = [
      source.onCallList((request) => this.apply({ type: 'list.start', entries: toCallListEntries(request) })),
      phone.subscribe((view) => this.apply({ type: 'phone.changed', busy: view.calls.length > 0 })),
    ];
  }

  /** The list as it stands: "next" is `remaining[0]`; null when no list runs. */
  state(): CallList | null {
    return this.list;
  }

  /** Hears every change of the list; returns the unsubscribe. */
  subscribe(listener: (list: CallList | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  skip(): void {
    this.apply({ type: 'list.skip' });
  }

  stop(): void {
    this.apply({ type: 'list.stop' });
  }

  dispose(): void {
    this.stops.splice(0).forEach((stop) => stop());
    this.listeners.clear();
  }

  private apply(event: CallListEvent): void {
    const busy = this.options.phone.view().calls.length > 0;
    const step = callListStep(this.list, event, event.type === 'phone.changed' ? event.busy : busy);
    this.list = step.list;
    if (step.dial) {
      const { number, record } = step.dial;
      this.options.dialled?.(this.options.phone.dial(number, { record, source: 'crm' }));
    }
    if (this.list === this.heard) return;
    this.heard = this.list;
    for (const listener of [...this.listeners]) listener(this.list);
  }
}
