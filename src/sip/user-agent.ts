// The SIP.js UserAgent of a phone and its connection: the transport over the server list, the keep-alive
// that proves it, and getting it back after a loss. What arrives on it (calls, messages) and what the
// connection does goes to one typed delegate; registration and calls are the phone's.
import {
  SIPExtension,
  UserAgent,
  UserAgentState,
  type Invitation,
  type LogLevel,
  type Message,
  type URI,
} from 'sip.js';
import { InvalidArgumentError, NetworkError, NotStartedError, type SipError } from './errors';
import { KeepAlive } from './keep-alive';
import { reconnectDelay } from './reconnect-delay';
import { rollbackSessionDescriptionHandlerFactory } from './rollback-session-description-handler';
import { ServerList } from './server-list';
import type { SipPhoneConfig } from './sip-phone-config';
import type { SipPhoneSettings } from './sip-phone-settings';
import { parseSipUri } from './target-uri';

const INSTANCE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the connection tells its phone. */
export interface UserAgentDelegate {
  onConnect(): void;
  /** The transport was lost; the user agent is getting it back. */
  onDisconnect(error: SipError): void;
  onReconnecting(attempt: number, delayMs: number): void;
  /** Connected again after a loss: a new route (register again, tell the far ends). */
  onReconnect(): void;
  /** The reconnect policy's attempts are used up. */
  onReconnectFailed(error: SipError): void;
  onInvite(invitation: Invitation): void;
  onMessage(message: Message): void;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

function cleanDisplayName(name: string | undefined): string | undefined {
  const clean = name
    ?.replace(/[\p{Cc}\p{Cf}"\\]/gu, '')
    .trim()
    .slice(0, 64);
  return clean ? clean : undefined;
}

export class SipUserAgent {
  readonly ua: UserAgent;
  /** The agent's address of record, parsed. */
  readonly uri: URI;
  private readonly keepAlive: KeepAlive | undefined;
  private readonly servers: ServerList;
  /** Aborted by close(): ends the reconnect loop and silences transport callbacks. */
  private readonly lifecycle = new AbortController();
  /** The running reconnect loop, so a second loss while it runs does not start another. */
  private reconnecting: Promise<void> | undefined;

  constructor(
    config: SipPhoneConfig,
    private readonly settings: SipPhoneSettings,
    private readonly delegate: UserAgentDelegate,
  ) {
    const uri = parseSipUri(config.aor);
    if (!uri.user)
      throw new InvalidArgumentError('The SIP address of record needs a user, like sip:alice@example.com.');
    this.uri = uri;
    this.servers = new ServerList(config.server, config.fallbackServers);
    if (config.instanceId !== undefined && !INSTANCE_ID.test(config.instanceId)) {
      throw new InvalidArgumentError('The SIP instance id must be a UUID.');
    }
    const { logger, iceGatheringTimeoutMs } = settings;
    const wireTap = config.wireTap;
    const openMicrophone = config.openMicrophone;
    this.ua = new UserAgent({
      uri,
      displayName: cleanDisplayName(config.displayName),
      authorizationUsername:
        config.auth.kind === 'ephemeral' ? config.auth.username : (config.auth.username ?? uri.user),
      authorizationPassword: config.auth.password,
      transportOptions: {
        server: config.server,
        connectionTimeout: settings.connectionTimeoutMs / 1000,
        traceSip: wireTap !== undefined,
      },
      sessionDescriptionHandlerFactory:
        config.sessionDescriptionHandlerFactory ??
        rollbackSessionDescriptionHandlerFactory(openMicrophone && (() => openMicrophone())),
      sessionDescriptionHandlerFactoryOptions: {
        iceGatheringTimeout: iceGatheringTimeoutMs,
        peerConnectionConfiguration: { iceServers: config.iceServers ?? [] },
      },
      // Attended transfers arrive as INVITE with Replaces; GRUU keeps in-dialog requests routable across
      // reconnections (the registrar resolves it to the current connection).
      sipExtensionReplaces: SIPExtension.Supported,
      sipExtensionExtraSupported: ['gruu'],
      instanceIdAlwaysAdded: true,
      ...(config.instanceId ? { instanceId: config.instanceId.toLowerCase() } : {}),
      gracefulShutdown: false,
      noAnswerTimeout: settings.noAnswerTimeoutSec,
      userAgentString: config.userAgentString ?? 'open-softphone',
      logBuiltinEnabled: false,
      logLevel: wireTap ? 'log' : 'warn',
      logConnector: (level: LogLevel, category: string, _label: string | undefined, content: string) => {
        const wire = /^(Sending|Received) WebSocket (?:text |binary )?message:\n\n([\s\S]*)\n$/.exec(content);
        if (wire?.[2] !== undefined) return wireTap?.(wire[1] === 'Sending' ? 'sent' : 'received', wire[2]);
        const line = `${category}: ${content}`;
        if (level === 'error') logger.error(line);
        else if (level === 'warn') logger.warn(line);
        else logger.debug(line);
      },
      delegate: {
        onConnect: () => delegate.onConnect(),
        onDisconnect: (error) => this.onTransportLost(error),
        onInvite: (invitation) => delegate.onInvite(invitation),
        onMessage: (message) => delegate.onMessage(message),
      },
    });
    const { keepAlive } = settings;
    if (keepAlive) {
      const registrar = parseSipUri(`sip:${uri.host}`);
      this.keepAlive = new KeepAlive(this.ua, registrar, keepAlive.intervalMs, keepAlive.timeoutMs, () => {
        settings.logger.warn('keep-alive: no answer from the SIP server, reconnecting');
        void this.ua.transport.disconnect().catch(() => undefined);
      });
    }
  }

  get closed(): boolean {
    return this.lifecycle.signal.aborted;
  }

  isConnected(): boolean {
    return this.ua.isConnected();
  }

  /** The domain of the agent's address, for targets given without one. */
  domain(): string {
    return this.ua.configuration.uri.host;
  }

  /** Connects, trying each server once in order; rejects with a NetworkError when none answered. */
  async connect(): Promise<void> {
    if (this.closed) throw new NotStartedError('This phone was stopped; create a new one.');
    for (let tried = 1; !this.ua.isConnected(); tried++) {
      try {
        // A failed start() leaves SIP.js "Started" without a connection: connect again with reconnect().
        await (this.ua.state === UserAgentState.Started ? this.ua.reconnect() : this.ua.start());
      } catch {
        if (tried < this.servers.size) {
          this.servers.advance(this.ua.transport);
          continue;
        }
        throw new NetworkError(
          'The phone system cannot be reached. Check your network and the SIP server address in the settings.',
        );
      }
    }
    this.keepAlive?.start();
  }

  /** Not connected: never started (sign in first) or reconnecting (a network problem). */
  requireConnection(): void {
    if (this.ua.isConnected()) return;
    throw this.ua.state === UserAgentState.Started && !this.closed
      ? new NetworkError(
          'The connection to the phone system is down; the softphone is reconnecting. Try again in a moment.',
        )
      : new NotStartedError();
  }

  /** No more reconnecting or keep-alive; the connection itself goes with stop(). */
  close(): void {
    this.lifecycle.abort();
    this.keepAlive?.stop();
  }

  /** SIP.js's non-graceful stop, which drops every transaction and timer. */
  stop(): Promise<void> {
    this.close();
    return this.ua.stop().catch(() => undefined);
  }

  private onTransportLost(cause?: Error): void {
    if (this.closed || this.reconnecting) return;
    this.keepAlive?.stop();
    this.settings.logger.warn(`transport lost${cause ? `: ${cause.message}` : ''}`);
    this.delegate.onDisconnect(new NetworkError());
    this.reconnecting = this.reconnect().finally(() => {
      this.reconnecting = undefined;
    });
  }

  /** Backoff with jitter until connected; the next server after each failed attempt. */
  private async reconnect(): Promise<void> {
    const { reconnect: policy, random } = this.settings;
    const signal = this.lifecycle.signal;
    for (let attempt = 1; !signal.aborted; attempt++) {
      if (attempt > policy.maxAttempts) {
        this.delegate.onReconnectFailed(
          new NetworkError('The phone system stayed unreachable. Check your network, then sign in again.'),
        );
        return;
      }
      const delayMs = reconnectDelay(attempt, policy, random);
      this.delegate.onReconnecting(attempt, delayMs);
      await sleep(delayMs, signal);
      if (signal.aborted) return;
      try {
        await this.ua.reconnect();
      } catch {
        this.servers.advance(this.ua.transport);
        continue;
      }
      break;
    }
    if (signal.aborted) return;
    this.keepAlive?.start();
    // After this loop has ended, so that a loss during what follows starts a new one.
    queueMicrotask(() => this.delegate.onReconnect());
  }
}
