// The agent's ephemeral SIP credentials and the one timer that renews them before they expire. The lifetime
// is the admin's setting (Softphone Setup, minted by Apex as ttlSeconds/expiresAt); when to renew is decided
// here and nowhere else. SIP.js answers every digest challenge with what `apply` last wrote into its
// configuration, so a refresh REGISTER, an INVITE or a REFER sent at any moment carries valid credentials.
import type { EphemeralCredentials } from './sip-auth';
import type { SipLogger } from './sip-logger';

/** Renew at 80 % of the lifetime, spread ±5 % so a floor of agents signed in together does not renew at once. */
const RENEW_AT = 0.8;
const RENEW_SPREAD = 0.05;
/** After a failed renewal, try again every 5 % of the lifetime while the credentials are still valid. */
const RETRY_EVERY = 0.05;
/** setTimeout's ceiling (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface CredentialRenewalOptions {
  /** The credentials the phone starts with. */
  initial: EphemeralCredentials;
  /** Fetches new credentials (Apex SoftphoneCredentials.getSipCredentials in the product). */
  fetch?: () => Promise<EphemeralCredentials>;
  /** Hands credentials to SIP.js. */
  apply: (credentials: EphemeralCredentials) => void;
  random: () => number;
  logger: SipLogger;
  /** Unix milliseconds. */
  now?: () => number;
}

/**
 * How long credentials stay valid from the moment they arrived, in ms: the lifetime Apex reports, else what
 * is left until `expiresAt`, else the expiry written in the user name ("<expiry>:<user>"). The lifetime is
 * preferred because it does not depend on this computer's clock agreeing with the server's.
 */
export function credentialLifetimeMs(credentials: EphemeralCredentials, now: number): number | undefined {
  if (credentials.ttlSeconds !== undefined && credentials.ttlSeconds > 0)
    return credentials.ttlSeconds * 1000;
  const expiresAt = credentials.expiresAt ?? Number(/^(\d+):/.exec(credentials.username)?.[1]);
  const left = expiresAt * 1000 - now;
  return Number.isFinite(left) && left > 0 ? left : undefined;
}

export class CredentialRenewal {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<boolean> | undefined;
  /** Local time (ms) after which the current credentials are no longer accepted, when known. */
  private validUntil: number | undefined;
  private lifetimeMs: number | undefined;
  private started = false;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly options: CredentialRenewalOptions) {
    this.now = options.now ?? Date.now;
    this.took(options.initial);
  }

  /** Starts the renewal timer (once). Without a way to fetch credentials there is nothing to schedule. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.schedule(this.renewDelay());
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Fetches and applies new credentials now (a server refused the current ones, or the timer is due);
   * concurrent callers share one fetch. Resolves with whether new credentials were applied.
   */
  renew(): Promise<boolean> {
    if (!this.options.fetch || this.stopped) return Promise.resolve(false);
    this.running ??= this.fetchAndApply(this.options.fetch).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async fetchAndApply(fetch: () => Promise<EphemeralCredentials>): Promise<boolean> {
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      const fresh = await fetch();
      if (this.stopped) return false;
      this.took(fresh);
      this.options.apply(fresh);
      if (this.started) this.schedule(this.renewDelay());
      return true;
    } catch (error) {
      this.options.logger.warn(`ephemeral credentials could not be renewed: ${String(error)}`);
      if (this.started) this.schedule(this.retryDelay());
      return false;
    }
  }

  private took(credentials: EphemeralCredentials): void {
    const now = this.now();
    this.lifetimeMs = credentialLifetimeMs(credentials, now);
    this.validUntil = this.lifetimeMs === undefined ? undefined : now + this.lifetimeMs;
  }

  private renewDelay(): number | undefined {
    if (this.lifetimeMs === undefined || this.validUntil === undefined) return undefined;
    const share = RENEW_AT + RENEW_SPREAD * (2 * this.options.random() - 1);
    const elapsed = this.lifetimeMs - (this.validUntil - this.now());
    return Math.max(0, this.lifetimeMs * share - elapsed);
  }

  /** While the credentials are still valid, another try soon; once expired, the next refusal asks again. */
  private retryDelay(): number | undefined {
    if (this.lifetimeMs === undefined || this.validUntil === undefined) return undefined;
    const delay = Math.max(1000, this.lifetimeMs * RETRY_EVERY);
    return this.now() + delay < this.validUntil ? delay : undefined;
  }

  private schedule(delayMs: number | undefined): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (delayMs === undefined || this.stopped || !this.options.fetch) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.renew();
      },
      Math.min(delayMs, MAX_TIMER_MS),
    );
  }
}
