// The utility's side of the channel: requests to the Open CTI bridge with a timeout each, and its events.
import {
  createMessage,
  createRequestId,
  validateMessage,
  validateResult,
  type BridgeErrorCode,
  type BridgeStatus,
  type CallListRequest,
  type ClickToDial,
  type CrmLogger,
  type MessagePayloads,
  type RecordShown,
  type RequestResults,
  type RequestType,
  type SoftphoneMessage,
} from '../protocol';
import type { MessageTransport } from './message-transport';

export interface BridgeClientOptions {
  transport: MessageTransport;
  /** How long a request waits for its response before failing with TIMEOUT. Default 10 s. */
  timeoutMs?: number;
  logger?: CrmLogger;
  /** Request ids; random by default. */
  createRequestId?: () => string;
}

/** How a failed bridge request reaches the utility: a stable code and a message for the agent. */
export class BridgeRequestError extends Error {
  override readonly name = 'BridgeRequestError';
  readonly code: BridgeErrorCode;

  constructor(code: BridgeErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

interface Pending {
  type: RequestType;
  resolve(result: unknown): void;
  reject(error: BridgeRequestError): void;
  timer: ReturnType<typeof setTimeout>;
}

const silent: CrmLogger = { debug() {}, info() {}, warn() {}, error() {} };

const MESSAGES = {
  timeout:
    "Salesforce's phone bridge did not answer. Check that the Open CTI Softphone utility is in this app and that you are assigned to a Softphone call center, then reload the page.",
  unavailable: "The phone could not reach Salesforce's phone bridge. Reload the page and try again.",
  closed: 'The phone closed before Salesforce answered.',
  invalid:
    'The phone could not send this request to Salesforce. Reload the page; if it happens again, tell your administrator.',
};

export class BridgeClient {
  private readonly transport: MessageTransport;
  private readonly timeoutMs: number;
  private readonly logger: CrmLogger;
  private readonly createId: () => string;
  private readonly pending = new Map<string, Pending>();
  private readonly clickListeners = new Set<(click: ClickToDial) => void>();
  private readonly recordListeners = new Set<(record: RecordShown) => void>();
  private readonly statusListeners = new Set<(status: BridgeStatus) => void>();
  private readonly callListListeners = new Set<(list: CallListRequest) => void>();
  private readonly unsubscribe: () => void;
  private latestStatus: BridgeStatus | undefined;
  private disposed = false;

  constructor(options: BridgeClientOptions) {
    this.transport = options.transport;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.logger = options.logger ?? silent;
    this.createId = options.createRequestId ?? createRequestId;
    this.unsubscribe = this.transport.subscribe((message) => this.receive(message));
  }

  /** The last status the bridge announced, if any arrived since this client started. */
  get bridgeStatus(): BridgeStatus | undefined {
    return this.latestStatus;
  }

  /**
   * Sends one request and settles with its checked result, or rejects with a BridgeRequestError:
   * the bridge's own error, INVALID_REQUEST (payload refused before sending), BRIDGE_UNAVAILABLE or TIMEOUT.
   * A request never waits longer than its timeout.
   */
  request<T extends RequestType>(
    type: T,
    payload: MessagePayloads[T],
    options: { timeoutMs?: number } = {},
  ): Promise<RequestResults[T]> {
    return new Promise<RequestResults[T]>((resolve, reject) => {
      if (this.disposed) {
        reject(new BridgeRequestError('BRIDGE_UNAVAILABLE', MESSAGES.closed));
        return;
      }
      const built = createMessage(type, payload, this.createId());
      if (!built.ok) {
        this.logger.error(`Refused to send ${type}: ${built.reason}: ${built.detail}`);
        reject(new BridgeRequestError('INVALID_REQUEST', MESSAGES.invalid));
        return;
      }
      const { requestId } = built.value;
      const timer = setTimeout(() => {
        this.logger.warn(`${type} ${requestId} timed out`);
        this.settle(requestId, new BridgeRequestError('TIMEOUT', MESSAGES.timeout));
      }, options.timeoutMs ?? this.timeoutMs);
      this.pending.set(requestId, {
        type,
        resolve: resolve as (result: unknown) => void,
        reject,
        timer,
      });
      const unavailable = (error: unknown) => {
        this.logger.error(
          `Could not publish ${type}: ${error instanceof Error ? error.message : String(error)}`,
        );
        this.settle(requestId, new BridgeRequestError('BRIDGE_UNAVAILABLE', MESSAGES.unavailable));
      };
      try {
        // Registered before publishing: a synchronous transport may deliver the response right away.
        void Promise.resolve(this.transport.publish(built.value as SoftphoneMessage)).catch(unavailable);
      } catch (error) {
        unavailable(error);
      }
    });
  }

  /** Clicks on phone numbers in Salesforce; returns the function that stops listening. */
  onClickToDial(listener: (click: ClickToDial) => void): () => void {
    this.clickListeners.add(listener);
    return () => this.clickListeners.delete(listener);
  }

  /** Record pages the agent lands on, relayed from Open CTI onNavigationChange; returns the unsubscribe. */
  onRecordShown(listener: (record: RecordShown) => void): () => void {
    this.recordListeners.add(listener);
    return () => this.recordListeners.delete(listener);
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

  /** Stops listening and fails every pending request. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.unsubscribe();
    for (const requestId of [...this.pending.keys()]) {
      this.settle(requestId, new BridgeRequestError('BRIDGE_UNAVAILABLE', MESSAGES.closed));
    }
    this.clickListeners.clear();
    this.recordListeners.clear();
    this.statusListeners.clear();
    this.callListListeners.clear();
  }

  private settle(requestId: string, outcome: { result: unknown } | BridgeRequestError): void {
    const pending = this.pending.get(requestId);
    if (!pending) return;
    this.pending.delete(requestId);
    clearTimeout(pending.timer);
    if (outcome instanceof BridgeRequestError) pending.reject(outcome);
    else pending.resolve(outcome.result);
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
      case 'response': {
        const pending = this.pending.get(message.requestId);
        if (!pending) {
          this.logger.debug(
            `Ignored a response to ${message.requestId}: no request of this phone is waiting for it`,
          );
          return;
        }
        const answer = message.payload;
        if (!answer.ok) {
          this.settle(message.requestId, new BridgeRequestError(answer.error.code, answer.error.message));
          return;
        }
        const result = validateResult(pending.type, answer.result);
        if (!result.ok) {
          // Not acted on; the request keeps waiting for a valid answer or its timeout.
          this.logger.warn(`Ignored a response to ${pending.type} ${message.requestId}: ${result.detail}`);
          return;
        }
        this.settle(message.requestId, { result: result.value });
        return;
      }
      case 'clickToDial':
        this.notify(this.clickListeners, message.payload);
        return;
      case 'recordShown':
        this.notify(this.recordListeners, message.payload);
        return;
      case 'callList':
        this.notify(this.callListListeners, message.payload);
        return;
      case 'bridgeStatus':
        this.latestStatus = message.payload;
        this.notify(this.statusListeners, message.payload);
        return;
      default:
        // Requests: this phone's own, echoed back by Lightning Message Service.
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
