// The Open CTI bridge: relays click-to-dial to the utility and serves the utility's requests over
// Lightning Message Service. Whatever arrives on the channel is checked first; anything that fails
// the schema, is not a request, or repeats a requestId is logged and never acted on.
import {
  createMessage,
  createRequestId,
  isRequestType,
  validateMessage,
  validateResult,
  type BridgeFailure,
  type BridgeResponse,
  type BridgeStatus,
  type CallCenterSettings,
  type CrmLogger,
  type MessagePayloads,
  type MessageType,
  type RecordShown,
  type RequestResults,
  type RequestType,
  type SearchAndScreenPopResult,
  type SoftphoneMessage,
} from '../protocol';
import { isRecord } from './is-record';
import type { OpenCti } from './open-cti';
import { OpenCtiError } from './open-cti-error';
import type { OpenCtiScreenPopData } from './open-cti-screen-pop-data';
import { parseCallCenterSettings } from './parse-call-center-settings';
import type { SoftphoneBridgeOptions } from './softphone-bridge-options';
import { toClickToDial } from './to-click-to-dial';

export const SOFTPHONE_CHANNEL = 'Softphone__c';

/** Request ids remembered to refuse replays. */
const REMEMBERED_REQUESTS = 500;

const UNEXPECTED: BridgeFailure = {
  code: 'GENERIC_ERROR',
  message:
    'The phone bridge failed unexpectedly. Reload the page; if it happens again, tell your administrator.',
};

const EXPIRED: BridgeFailure = {
  code: 'EXPIRED',
  message: 'That screen pop is no longer available. Search for the caller again.',
};

const UNUSABLE: BridgeFailure = {
  code: 'GENERIC_ERROR',
  message:
    'Salesforce answered with data the phone cannot use. Try again; if it keeps happening, tell your administrator.',
};

export class SoftphoneBridge {
  private readonly openCti: OpenCti;
  private readonly logger: CrmLogger;
  private readonly channelName: string;
  private readonly createId: () => string;
  private readonly onStatus: ((status: BridgeStatus) => void) | undefined;
  private readonly maxDeferredPops: number;
  private readonly clickToDialAllowed: boolean;
  private readonly deferredPops = new Map<string, OpenCtiScreenPopData>();
  private readonly seenRequests = new Set<string>();
  private current: BridgeStatus = { state: 'connecting', clickToDial: false };
  private subscribed = false;
  private started: Promise<BridgeStatus> | undefined;

  constructor(options: SoftphoneBridgeOptions) {
    this.openCti = options.openCti;
    this.logger = options.logger;
    this.channelName = options.channelName ?? SOFTPHONE_CHANNEL;
    this.createId = options.createRequestId ?? createRequestId;
    this.onStatus = options.onStatus;
    this.maxDeferredPops = options.maxDeferredPops ?? 20;
    this.clickToDialAllowed = options.clickToDial ?? true;
  }

  get status(): BridgeStatus {
    return this.current;
  }

  /** Starts once; later calls return the same outcome. */
  start(): Promise<BridgeStatus> {
    this.started ??= this.run();
    return this.started;
  }

  private async run(): Promise<BridgeStatus> {
    this.update({ state: 'connecting', clickToDial: false });
    try {
      await this.openCti.subscribe(this.channelName, (message) => {
        this.receive(message).catch((error: unknown) =>
          this.logger.error(`A message on ${this.channelName} failed: ${this.describe(error)}`),
        );
      });
      this.subscribed = true;
    } catch (error) {
      const failure = this.toFailure(error);
      this.logger.error(`Could not subscribe to ${this.channelName}: ${this.describe(error)}`);
      await this.notifyInitializationComplete();
      this.update({ state: 'error', clickToDial: false, error: failure });
      return this.current;
    }

    let settings: CallCenterSettings | undefined;
    let problem: BridgeFailure | undefined;
    try {
      settings = await this.readSettings();
    } catch (error) {
      problem = this.toFailure(error);
      this.logger.warn(`Call center settings unavailable, defaults apply: ${this.describe(error)}`);
    }

    let clickToDial = false;
    try {
      clickToDial = await this.setUpClickToDial();
    } catch (error) {
      problem = this.toFailure(error);
      this.logger.warn(`Click-to-dial not set up: ${this.describe(error)}`);
    }

    try {
      this.openCti.onNavigationChange((payload) => this.relayRecordShown(payload));
    } catch (error) {
      // Not fatal: only "New contact" loses its automatic link to the record the agent creates.
      this.logger.warn(`Navigation changes not followed: ${this.describe(error)}`);
    }

    await this.notifyInitializationComplete();
    this.update({
      state: 'ready',
      clickToDial,
      ...(settings ? { settings } : {}),
      ...(problem ? { error: problem } : {}),
    });
    return this.current;
  }

  /** As the admin chose; resolves with whether clicks on phone numbers now dial. */
  private async setUpClickToDial(): Promise<boolean> {
    if (!this.clickToDialAllowed) {
      // Phone numbers stay plain text: "This option has to be specifically enabled by your administrator."
      await this.openCti.disableClickToDial();
      this.logger.info('Click-to-dial is turned off in the softphone settings');
      return false;
    }
    // Listen first, then enable: no click may arrive before someone relays it.
    this.openCti.onClickToDial((payload) => this.relayClick(payload));
    await this.openCti.enableClickToDial();
    return true;
  }

  private async notifyInitializationComplete(): Promise<void> {
    try {
      await this.openCti.notifyInitializationComplete();
    } catch (error) {
      this.logger.warn(`notifyInitializationComplete failed: ${this.describe(error)}`);
    }
  }

  private async readSettings(): Promise<CallCenterSettings> {
    const { settings, warnings } = parseCallCenterSettings(await this.openCti.getCallCenterSettings());
    for (const warning of warnings) this.logger.warn(warning);
    if (
      JSON.stringify(settings) !== JSON.stringify(this.current.settings) &&
      this.current.state !== 'connecting'
    ) {
      this.update({ ...this.current, settings });
    }
    return settings;
  }

  private relayClick(payload: unknown): void {
    const { click, problems } = toClickToDial(payload);
    for (const problem of problems) this.logger.warn(`Click-to-dial: ${problem}`);
    if (!click) {
      this.logger.warn('Ignored a click-to-dial without a usable phone number');
      return;
    }
    void this.send('clickToDial', click, this.createId());
  }

  /** Only landings on a record are relayed (list views, homes and the new-record form itself are not). */
  private relayRecordShown(payload: unknown): void {
    if (!isRecord(payload)) return;
    const { recordId, objectType, recordName } = payload;
    if (typeof recordId !== 'string' || !recordId || typeof objectType !== 'string' || !objectType) return;
    const record: RecordShown = { recordId, objectType };
    if (typeof recordName === 'string' && recordName) record.recordName = recordName;
    void this.send('recordShown', record, this.createId());
  }

  private async receive(raw: unknown): Promise<void> {
    const checked = validateMessage(raw);
    if (!checked.ok) {
      this.logger.warn(`Ignored a message on ${this.channelName}: ${checked.reason}: ${checked.detail}`);
      return;
    }
    const message = checked.value;
    if (!isRequestType(message.type)) {
      // The bridge's own events and responses come back to it; a forged one is not acted on either.
      this.logger.debug(`Ignored ${message.type} ${message.requestId}: the bridge serves requests only`);
      return;
    }
    if (this.seenRequests.has(message.requestId)) {
      this.logger.warn(`Ignored ${message.type} ${message.requestId}: this requestId was already served`);
      return;
    }
    this.remember(message.requestId);
    const response = await this.serve(message as SoftphoneMessage<RequestType>);
    await this.send('response', response, message.requestId);
  }

  private remember(requestId: string): void {
    this.seenRequests.add(requestId);
    if (this.seenRequests.size > REMEMBERED_REQUESTS) {
      const oldest = this.seenRequests.values().next().value;
      if (oldest !== undefined) this.seenRequests.delete(oldest);
    }
  }

  private async serve(message: SoftphoneMessage<RequestType>): Promise<BridgeResponse> {
    let result: RequestResults[RequestType];
    try {
      result = await this.perform(message);
    } catch (error) {
      if (error instanceof Failure) return { ok: false, error: error.failure };
      this.logger.warn(`${message.type} ${message.requestId} failed: ${this.describe(error)}`);
      return { ok: false, error: this.toFailure(error) };
    }
    // Never answer with what the utility would refuse: it would wait for its timeout instead.
    const checked = validateResult(message.type, result);
    if (!checked.ok) {
      this.logger.error(`${message.type} ${message.requestId}: unusable result: ${checked.detail}`);
      return { ok: false, error: UNUSABLE };
    }
    return { ok: true, result: checked.value };
  }

  private async perform(message: SoftphoneMessage<RequestType>): Promise<RequestResults[RequestType]> {
    switch (message.type) {
      case 'screenPop':
        await this.openCti.screenPop(message.payload);
        return null;
      case 'screenPopDeferred': {
        const data = this.deferredPops.get(message.payload.popToken);
        if (!data) throw new Failure(EXPIRED);
        this.deferredPops.delete(message.payload.popToken);
        await this.openCti.replayScreenPop(data);
        return null;
      }
      case 'searchAndScreenPop': {
        const found = await this.openCti.searchAndScreenPop(message.payload);
        const result: SearchAndScreenPopResult = { matches: found.matches };
        if (message.payload.deferred && found.screenPopData) {
          result.popToken = this.keepDeferredPop(found.screenPopData);
        }
        return result;
      }
      case 'saveLog':
        return this.openCti.saveLog(message.payload.value);
      case 'setPanelVisibility':
        await this.openCti.setSoftphonePanelVisibility(message.payload.visible);
        return null;
      case 'getCallCenterSettings':
        return this.readSettings();
      case 'getBridgeStatus':
        return this.current;
    }
  }

  private keepDeferredPop(data: OpenCtiScreenPopData): string {
    const token = this.createId();
    this.deferredPops.set(token, data);
    while (this.deferredPops.size > this.maxDeferredPops) {
      const oldest = this.deferredPops.keys().next().value;
      if (oldest === undefined) break;
      this.deferredPops.delete(oldest);
    }
    return token;
  }

  private update(status: BridgeStatus): void {
    this.current = status;
    this.onStatus?.(status);
    if (this.subscribed) void this.send('bridgeStatus', status, this.createId());
  }

  private async send<T extends MessageType>(
    type: T,
    payload: MessagePayloads[T],
    requestId: string,
  ): Promise<void> {
    const built = createMessage(type, payload, requestId);
    if (!built.ok) {
      this.logger.error(`Did not send ${type} ${requestId}: ${built.reason}: ${built.detail}`);
      return;
    }
    try {
      await this.openCti.publish(this.channelName, built.value);
    } catch (error) {
      this.logger.error(`Could not publish ${type} ${requestId}: ${this.describe(error)}`);
    }
  }

  private toFailure(error: unknown): BridgeFailure {
    if (error instanceof OpenCtiError) return { code: error.code, message: error.message };
    return UNEXPECTED;
  }

  private describe(error: unknown): string {
    if (error instanceof OpenCtiError) return `${error.method} ${error.code}: ${error.description}`;
    return error instanceof Error ? error.message : String(error);
  }
}

/** A request refused by the bridge itself (not by Open CTI). */
class Failure extends Error {
  constructor(readonly failure: BridgeFailure) {
    super(failure.message);
  }
}
