// The phone's registration: REGISTER and un-REGISTER (every REGISTER, SIP.js's refreshes included, takes
// one path: its outcome is reported, a refusal of the credentials renews them and sends once more), and the
// ephemeral credentials with their renewal timer.
import { NameAddrHeader, RegistererState, RequestPendingError, type UserAgent } from 'sip.js';
import { CredentialRenewal } from './credential-renewal';
import {
  AuthenticationFailedError,
  ForbiddenError,
  NetworkError,
  NotStartedError,
  ServerError,
  errorForStatus,
  refusesCredentials,
  responseError,
  type SipError,
} from './errors';
import { RefreshingRegisterer } from './refreshing-registerer';
import type { SipAuth } from './sip-auth';
import type { SipEvent } from './sip-event';
import type { SipPhoneSettings } from './sip-phone-settings';

/** A REGISTER transaction lasts at most 32 s (Timer F): wait that long for one in flight. */
const PENDING_RETRY_MS = 250;
const PENDING_RETRIES = 130;

type IncomingResponse = Parameters<typeof responseError>[0];

export interface RegistrationOptions {
  readonly ua: UserAgent;
  readonly aor: string;
  readonly auth: SipAuth;
  readonly settings: SipPhoneSettings;
  emit(event: SipEvent): void;
  /** The phone is stopping or gone: its registration reports nothing more by itself. */
  closed(): boolean;
  /** Registered (the dialog watch subscribes once there is a registration). */
  onRegistered(): void;
  /** New credentials were applied (what was made with the old ones is made again). */
  onRenewed?(): void;
}

export class Registration {
  private readonly registerer: RefreshingRegisterer;
  /** Ephemeral credentials and their renewal timer (none for digest credentials, which do not expire). */
  private readonly credentials: CredentialRenewal | undefined;
  /** REGISTERs of ours in flight: their outcome is reported by register(), not by the Registerer's state. */
  private registering = 0;

  constructor(private readonly options: RegistrationOptions) {
    const { ua, auth, settings } = options;
    this.credentials =
      auth.kind === 'ephemeral'
        ? new CredentialRenewal({
            initial: auth,
            ...(auth.refresh ? { fetch: auth.refresh } : {}),
            apply: (fresh) => {
              ua.configuration.authorizationUsername = fresh.username;
              ua.configuration.authorizationPassword = fresh.password;
              options.onRenewed?.();
            },
            random: settings.random,
            logger: settings.logger,
          })
        : undefined;
    // SIP.js refreshes the registration on its own timer: the refresh takes the same path as register().
    this.registerer = new RefreshingRegisterer(ua, { expires: settings.registerExpiresSec }, () => {
      if (!options.closed()) this.register().catch(() => undefined);
    });
    this.registerer.stateChange.addListener((state) => {
      // A REGISTER of ours reports its own outcome (after its one retry with fresh credentials); what is
      // left is the registration ending by itself (it expired unrefreshed) or on purpose (unregister).
      if (state === RegistererState.Unregistered && this.registering === 0 && !options.closed()) {
        options.emit({ type: 'sip.registration.unregistered', aor: options.aor });
      }
    });
  }

  get registered(): boolean {
    return this.registerer.state === RegistererState.Registered;
  }

  /** Starts the credentials' renewal timer (ephemeral credentials only). */
  start(): void {
    this.credentials?.start();
  }

  /** New ephemeral credentials now (shared with a renewal already running); false when none could be had. */
  renewCredentials(): Promise<boolean> {
    return this.credentials?.renew() ?? Promise.resolve(false);
  }

  /** Renewed credentials after a reconnect, when they are ephemeral (they may have expired meanwhile). */
  async afterReconnect(): Promise<void> {
    if (this.options.auth.kind === 'ephemeral') await this.renewCredentials();
  }

  /**
   * Sends a REGISTER; settles on the registrar's answer (`sip.registration.registered` / `.failed`). A refusal
   * of the credentials (401/403/407) renews them and sends once more before giving up. `renewCredentials`:
   * renew them first (registering again after the registration was lost, when they may be the cause).
   */
  async register(options: { renewCredentials?: boolean } = {}): Promise<void> {
    if (!this.options.ua.isConnected()) return this.failed(new NotStartedError());
    this.registering += 1;
    try {
      if (options.renewCredentials) await this.renewCredentials();
      const outcome = await this.sendRegister();
      if (!outcome) return;
      if (refusesCredentials(outcome.statusCode) && (await this.renewCredentials())) {
        const retry = await this.sendRegister();
        if (!retry) return;
        return this.failed(retry);
      }
      return this.failed(outcome);
    } finally {
      this.registering -= 1;
    }
  }

  /** Reports a registration that could not be had, and throws it. */
  failed(error: SipError): never {
    this.options.emit({ type: 'sip.registration.failed', error });
    throw error;
  }

  /** Removes the registration; settles on the registrar's answer. */
  async unregister(): Promise<void> {
    if (!this.options.ua.isConnected()) throw new NotStartedError();
    await new Promise<void>((resolve, reject) => {
      const send = (attempt: number) =>
        this.registerer
          .unregister({
            all: false,
            requestDelegate: {
              onAccept: () => resolve(),
              onReject: (response) => reject(responseError(response.message)),
            },
          })
          .catch((error: unknown) => {
            if (error instanceof RequestPendingError && attempt < PENDING_RETRIES) {
              setTimeout(() => send(attempt + 1), PENDING_RETRY_MS);
            } else reject(new NetworkError());
          });
      send(1);
    });
  }

  /** Clears SIP.js's re-REGISTER timer, which its non-graceful stop would leave running. */
  dispose(): Promise<void> {
    return this.registerer.dispose();
  }

  /**
   * The page is going away: SIP.js's dispose un-REGISTERs (written to the socket at once) when registered.
   * It clears the registration's expiry timer only once the un-REGISTER is answered, which this connection
   * will not live to hear: left running, the timer would keep a Node process alive for the registration's life.
   */
  abandon(): void {
    void this.registerer.dispose().catch(() => undefined);
    this.clearTimers();
  }

  /**
   * Ends SIP.js's refresh and expiry timers now. Its dispose clears them only once the un-REGISTER is
   * answered; a stop on a connection that has just died hears no answer, and the expiry timer would keep
   * the stopped phone (and a Node process) alive for the registration's whole life.
   */
  clearTimers(): void {
    (this.registerer as unknown as { clearTimers(): void }).clearTimers();
  }

  /** Stops the credentials' renewal timer. */
  stopRenewal(): void {
    this.credentials?.stop();
  }

  /**
   * One REGISTER transaction: undefined when registered, else the error. A REGISTER already in flight
   * (SIP.js's own refresh) must finish first: SIP.js refuses a second one with RequestPendingError.
   */
  private sendRegister(): Promise<SipError | undefined> {
    return new Promise((resolve) => {
      let settled = false;
      let sent = false;
      const settle = (outcome: SipError | undefined) => {
        if (settled) return;
        settled = true;
        stopWatching();
        resolve(outcome);
      };
      // SIP.js drops some answers without telling the request's delegate (a 200 that no longer lists this
      // phone's contact): the registration is then gone, and that must not go unnoticed.
      const stopWatching = this.registerer.onRequestDone(() => {
        if (sent)
          settle(
            new ServerError(
              'The phone server no longer lists this phone as registered, so calls would not reach it.',
            ),
          );
      });
      const send = (attempt: number) =>
        this.registerer
          .register({
            requestDelegate: {
              onAccept: (response) => {
                this.options.emit({
                  type: 'sip.registration.registered',
                  aor: this.options.aor,
                  expiresSec: this.grantedExpiry(response.message),
                });
                this.options.onRegistered();
                settle(undefined);
              },
              onReject: (response) => settle(this.registrationError(response.message)),
              onRedirect: (response) => settle(errorForStatus(response.message.statusCode ?? 302)),
            },
          })
          .then(() => {
            sent = true;
          })
          .catch((error: unknown) => {
            if (error instanceof RequestPendingError && attempt < PENDING_RETRIES) {
              setTimeout(() => send(attempt + 1), PENDING_RETRY_MS);
            } else settle(new NetworkError());
          });
      send(1);
    });
  }

  private registrationError(message: IncomingResponse): SipError {
    const status = message.statusCode;
    if (status === 401 || status === 407) return new AuthenticationFailedError(undefined, status);
    if (status === 403) {
      return new ForbiddenError(
        'The phone system does not let this user sign in. Check the SIP credentials or ask your administrator.',
        status,
      );
    }
    return responseError(message);
  }

  private grantedExpiry(message: IncomingResponse): number {
    const count = message.getHeaders('contact').length;
    for (let i = 0; i < count; i++) {
      const contact: unknown = message.parseHeader('contact', i);
      if (contact instanceof NameAddrHeader && contact.uri.user === this.options.ua.contact.uri.user) {
        const expires = Number(contact.getParam('expires'));
        if (Number.isFinite(expires)) return expires;
      }
    }
    return Number(message.getHeader('expires') ?? this.options.settings.registerExpiresSec);
  }
}
