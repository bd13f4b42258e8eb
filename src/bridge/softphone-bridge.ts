// The Open CTI bridge: relays clicks on phone fields to the utility and announces whether Open CTI is live
// (ADR 0007). It speaks one way only, by the `post` it is given (the page posts to the Lightning window), and
// serves no request: the utility pops records, searches and logs calls itself.
import {
  createMessage,
  createRequestId,
  type BridgeFailure,
  type BridgeStatus,
  type CallCenterSettings,
  type CrmLogger,
  type MessagePayloads,
  type SoftphoneMessage,
  type MessageType,
} from '../protocol';
import type { OpenCti } from './open-cti';
import { OpenCtiError } from './open-cti-error';
import { parseCallCenterSettings } from './parse-call-center-settings';
import type { SoftphoneBridgeOptions } from './softphone-bridge-options';
import { toClickToDial } from './to-click-to-dial';

/**
 * How often the bridge repeats its status: a utility that starts after the bridge cannot ask (nothing crosses
 * towards Visualforce), so it learns the status from the next announcement. Well under the utility's 5 s wait.
 */
export const ANNOUNCE_EVERY_MS = 2000;

const UNEXPECTED: BridgeFailure = {
  code: 'GENERIC_ERROR',
  message:
    'The phone bridge failed unexpectedly. Reload the page; if it happens again, tell your administrator.',
};

export class SoftphoneBridge {
  private readonly openCti: OpenCti;
  private readonly logger: CrmLogger;
  private readonly post: SoftphoneBridgeOptions['post'];
  private readonly createId: () => string;
  private readonly onStatus: ((status: BridgeStatus) => void) | undefined;
  private readonly clickToDialAllowed: boolean;
  private readonly announceEveryMs: number;
  private current: BridgeStatus = { state: 'connecting', clickToDial: false };
  private started: Promise<BridgeStatus> | undefined;
  private announcer: ReturnType<typeof setInterval> | undefined;

  constructor(options: SoftphoneBridgeOptions) {
    this.openCti = options.openCti;
    this.logger = options.logger;
    this.post = options.post;
    this.createId = options.createRequestId ?? createRequestId;
    this.onStatus = options.onStatus;
    this.clickToDialAllowed = options.clickToDial ?? true;
    this.announceEveryMs = options.announceEveryMs ?? ANNOUNCE_EVERY_MS;
  }

  get status(): BridgeStatus {
    return this.current;
  }

  /** Starts once; later calls return the same outcome. */
  start(): Promise<BridgeStatus> {
    this.started ??= this.run();
    return this.started;
  }

  /** Stops the announcements (the page is going away). */
  stop(): void {
    clearInterval(this.announcer);
    this.announcer = undefined;
  }

  private async run(): Promise<BridgeStatus> {
    this.update({ state: 'connecting', clickToDial: false });
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
    await this.notifyInitializationComplete();
    this.update({
      state: 'ready',
      clickToDial,
      ...(settings ? { settings } : {}),
      ...(problem ? { error: problem } : {}),
    });
    this.announcer = setInterval(() => this.send('bridgeStatus', this.current), this.announceEveryMs);
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
    return settings;
  }

  private relayClick(payload: unknown): void {
    const { click, problems } = toClickToDial(payload);
    for (const problem of problems) this.logger.warn(`Click-to-dial: ${problem}`);
    if (!click) {
      this.logger.warn('Ignored a click-to-dial without a usable phone number');
      return;
    }
    this.send('clickToDial', click);
  }

  private update(status: BridgeStatus): void {
    this.current = status;
    this.onStatus?.(status);
    this.send('bridgeStatus', status);
  }

  private send<T extends MessageType>(type: T, payload: MessagePayloads[T]): void {
    const built = createMessage(type, payload, this.createId());
    if (!built.ok) {
      this.logger.error(`Did not send ${type}: ${built.reason}: ${built.detail}`);
      return;
    }
    try {
      this.post(built.value as SoftphoneMessage);
    } catch (error) {
      this.logger.error(`Could not post ${type}: ${this.describe(error)}`);
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
