// The emulated sforce.opencti (open-cti.ts) in an in-memory container, for tests that run the bridge
// without a browser or the workbench's org: Salesforce answers with the documented call center settings,
// finds no record, files every log as a new Task, and its Lightning Message Service delivers every
// published message at once to every subscriber of the channel, the publisher included, as LMS does.
import { newId } from '../../workbench/emulation/salesforce-id';
import { EmulatedOpenCti } from './open-cti';
import type { ContainerScreenPop, OpenCtiContainer } from './open-cti-container';
import { DOCUMENTED_SETTINGS } from './open-cti-documented';

type Listener = (message: unknown) => void;

/** Lightning Message Service within one page, as the Open CTI frame and the utility share it. */
export class MemoryLms {
  private readonly subscribers: { channelName: string; listener: Listener }[] = [];

  /** Another component (the utility, or anything else on the page) listens; returns its unsubscribe. */
  subscribe(channelName: string, listener: Listener): () => void {
    const subscriber = { channelName, listener };
    this.subscribers.push(subscriber);
    return () => {
      const index = this.subscribers.indexOf(subscriber);
      if (index >= 0) this.subscribers.splice(index, 1);
    };
  }

  publish(channelName: string, message: unknown): void {
    for (const subscriber of this.subscribers.filter((s) => s.channelName === channelName)) {
      subscriber.listener(message);
    }
  }
}

export interface MemoryOpenCti {
  openCti: EmulatedOpenCti;
  lms: MemoryLms;
  /** The screen pops Salesforce performed. */
  pops: ContainerScreenPop[];
}

/** Answers on a promise job, which Jest's fake timers do not hold back. */
export function memoryOpenCti(): MemoryOpenCti {
  const lms = new MemoryLms();
  const pops: ContainerScreenPop[] = [];
  let tasks = 0;
  let panelVisible = false;
  const container: OpenCtiContainer = {
    callCenterSettings: async () => ({ ...DOCUMENTED_SETTINGS }),
    search: async () => ({ records: {}, pop: null }),
    saveLog: async (value) => ({
      recordId: typeof value.Id === 'string' ? value.Id : newId('Task', ++tasks),
    }),
    screenPop: (pop) => pops.push(pop),
    setPanelVisibility: (visible) => (panelVisible = visible),
    isPanelVisible: () => panelVisible,
    clickToDialChanged: () => undefined,
    initializationComplete: () => undefined,
    lms,
  };
  const later = (deliver: () => void) => void Promise.resolve().then(deliver);
  return { openCti: new EmulatedOpenCti(container, { later }), lms, pops };
}
