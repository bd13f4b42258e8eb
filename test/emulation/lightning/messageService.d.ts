// Types of the emulated lightning/messageService, for the workbench's TypeScript (the Open CTI emulator and
// the shell import the same module as the compiled LWC) and the contract tests.
import type { WireAdapterClass } from './host.js';
export declare const APPLICATION_SCOPE: symbol;
export interface MessageChannel {
  channelName: string;
}
export interface Subscription {
  readonly listener: (message: unknown) => void;
}
export interface MessageTransport {
  open(name: string): void;
  post(name: string, message: unknown): void;
  reset?(): void;
  close(): void;
}
export declare function createMessageContext(): object;
export declare function releaseMessageContext(context: object): void;
export declare function createMessageChannel(): void;
export declare const MessageContext: WireAdapterClass<object>;
export declare function connectMessageTransport(
  createTransport: (deliver: (name: string, message: unknown) => void) => MessageTransport,
): void;
export declare function publish(context: object, channel: MessageChannel | string, message: unknown): void;
export declare function subscribe(
  context: object,
  channel: MessageChannel | string,
  listener: (message: unknown) => void,
  subscriberOptions?: { scope?: symbol },
): Subscription;
export declare function unsubscribe(subscription: Subscription | undefined): void;
export declare function getSubscriberCount(channel: MessageChannel | string): number;
export declare function resetMessageService(): void;
