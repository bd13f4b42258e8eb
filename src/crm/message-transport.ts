// What the BridgeClient needs from Lightning Message Service; the utility adapts lightning/messageService to it.
import type { SoftphoneMessage } from '../protocol';

export interface MessageTransport {
  /** Publish on Softphone__c. May throw or reject when the channel is unavailable. */
  publish(message: SoftphoneMessage): void | Promise<void>;
  /** Listen on Softphone__c (every message, the sender's own included); returns the unsubscribe function. */
  subscribe(listener: (message: unknown) => void): () => void;
}
