// Where the BridgeClient listens: the utility adapts lightning/messageService (and the Visualforce door) to it.

export interface MessageTransport {
  /** Listen on Softphone__c (every message, the sender's own included); returns the unsubscribe function. */
  subscribe(listener: (message: unknown) => void): () => void;
}
