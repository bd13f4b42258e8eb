// The envelope on the Softphone__c message channel: its four fields are the channel's four fields.
import type { MessagePayloads } from './message-payloads';
import type { MessageType } from './message-type';
import type { SchemaVersion } from './schema-version';

export type SoftphoneMessage<T extends MessageType = MessageType> = {
  [K in T]: {
    version: SchemaVersion;
    type: K;
    /** Requests: chosen by the utility, echoed by the response. Events: a fresh id per message. */
    requestId: string;
    payload: MessagePayloads[K];
  };
}[T];
