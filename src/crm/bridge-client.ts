// The utility's side of the channel: what the Open CTI bridge, a list view and the Call Button tell it. Nothing
// is sent back (ADR 0007): the utility pops records, searches and logs calls itself.
import {
  validateMessage,
  type BridgeStatus,
  type CallListRequest,
  type ClickToDial,
  type CrmLogger,
} from '../protocol';
import type { MessageTransport } from './message-transport';

export interface BridgeClientOptions {
  transport: MessageTransport;
  logger?: CrmLogger;
}

const silent: CrmLogger = { debug() {}, info() {}, warn() {}, error() {} };

export class BridgeClient {
  private readonly transport: MessageTransport;
  private readonly logger: CrmLogger;
  private readonly clickListeners = new Set<(click: ClickToDial) => void>();
  private readonly statusListeners = new Set<(status: BridgeStatus) => void>();
  private readonly callListListeners = new Set<(list: CallListRequest) => void>();
  private readonly unsubscribe: () => void;
  private latestStatus: BridgeStatus | undefined;
  private disposed = false;

  constructor(options: BridgeClientOptions) {
    this.transport = options.transport;
    this.logger = options.logger ?? silent;
    this.unsubscribe = this.transport.subscribe((message) => this.receive(message));
  }

  /** The last status the bridge announced, if any arrived since this client started. */
  get bridgeStatus(): BridgeStatus | undefined {
    return this.latestStatus;
  }

  /** Clicks on phone numbers in Salesforce; returns the function that stops listening. */
  onClickToDial(listener: (click: ClickToDial) => void): () => void {
    this.clickListeners.add(listener);
    return () => this.clickListeners.delete(listener);
  }

  /** Records selected in a list view, to be called one at a time; returns the unsubscribe. */
  onCallList(listener: (list: CallListRequest) => void): () => void {
    this.callListListeners.add(listener);
    return () => this.callListListeners.delete(listener);
  }

  onBridgeStatus(listener: (status: BridgeStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Stops listening. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.unsubscribe();
    this.clickListeners.clear();
    this.statusListeners.clear();
    this.callListListeners.clear();
  }

  private receive(raw: unknown): void {
    if (this.disposed) return;
    const checked = validateMessage(raw);
    if (!checked.ok) {
      this.logger.warn(`Ignored a message on the softphone channel: ${checked.reason}: ${checked.detail}`);
      return;
    }
    const message = checked.value;
    switch (message.type) {
      case 'clickToDial':
        this.notify(this.clickListeners, message.payload);
        return;
      case 'callList':
        this.notify(this.callListListeners, message.payload);
        return;
      case 'bridgeStatus':
        this.latestStatus = message.payload;
        this.notify(this.statusListeners, message.payload);
        return;
    }
  }

  private notify<T>(listeners: Set<(value: T) => void>, value: T): void {
    for (const listener of [...listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.logger.error(
          `A softphone channel listener failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}
