import type { CrmLogger } from './crm-logger';
import type { MessageTransport } from './message-transport';

export interface BridgeClientOptions {
  transport: MessageTransport;
  /** How long a request waits for its response before failing with TIMEOUT. Default 10 s. */
  timeoutMs?: number;
  logger?: CrmLogger;
  /** Request ids; random by default. */
  createRequestId?: () => string;
}
