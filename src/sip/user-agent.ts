// The SIP.js UserAgent of a phone and its connection: the transport over the server list and the keep-alive
// that proves it. A loss is only reported: when and how often to connect again is the phone machine's
// decision (its `reconnecting` state), each attempt one connect(). What arrives on the connection (calls,
// messages) and what it does goes to one typed delegate; registration and calls are the phone's.
import {
  SIPExtension,
  UserAgent,
  UserAgentState,
  type Invitation,
  type LogLevel,
  type Message,
  type UserAgentOptions,
  type URI,
} from 'sip.js';
import { InvalidArgumentError, NetworkError, NotStartedError, type SipError } from './errors';
import { IcePrefetch, withTurnCredentials } from './ice-prefetch';
import { KeepAlive } from './keep-alive';
import {
  rollbackSessionDescriptionHandlerFactory,
  type IceSource,
} from './rollback-session-description-handler';
import { ServerList } from './server-list';
import type { SipPhoneConfig } from './sip-phone-config';
import type { SipPhoneSettings } from './sip-phone-settings';
import { parseSipUri } from './target-uri';

const INSTANCE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the connection tells its phone; the handlers are handed to SIP.js unbound. */
export interface UserAgentDelegate {
  onConnect: () => void;
  /** The transport was lost; it stays down until the next connect(). */
  onDisconnect: (error: SipError) => void;
  onInvite: (invitation: Invitation) => void;
  onMessage: (message: Message) => void;
}

function cleanDisplayName(name: string | undefined): string | undefined {
  const clean = name
    ?.replace(/[\p{Cc}\p{Cf}"\\]/gu, '')
    .trim()
    .slice(0, 64);
  return clean ? clean : undefined;
}

/** SIP.js's log lines: the WebSocket's SIP messages to the wire tap, the rest to the phone's logger. */
function logConnector(config: SipPhoneConfig, settings: SipPhoneSettings): UserAgentOptions['logConnector'] {
  const { wireTap } = config;
  const { logger } = settings;
  return (level: LogLevel, category: string, _label: string | undefined, content: string) => {
    const wire = /^(Sending|Received) WebSocket (?:text |binary )?message:\n\n([\s\S]*)\n$/.exec(content);
    if (wire?.[2] !== undefined) return wireTap?.(wire[1] === 'Sending' ? 'sent' : 'received', wire[2]);
    const line = `${category}: ${content}`;
    if (level === 'error') logger.error(line);
    else if (level === 'warn') logger.warn(line);
    else logger.debug(line);
  };
}

/** The SIP.js options of a phone: its identity, transport, media handlers and SIP extensions. */
function userAgentOptions(
  config: SipPhoneConfig,
  settings: SipPhoneSettings,
  uri: URI,
  delegate: UserAgentOptions['delegate'],
  ice: IceSource,
): UserAgentOptions {
  const { openMicrophone, wireTap } = config;
  return {
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
      rollbackSessionDescriptionHandlerFactory(openMicrophone && (() => openMicrophone()), ice),
    sessionDescriptionHandlerFactoryOptions: {
      iceGatheringTimeout: settings.iceGatheringTimeoutMs,
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
    logConnector: logConnector(config, settings),
    delegate,
  };
}

/**
 * A TURN server named without credentials takes the agent's time-limited SIP credentials; digest credentials
 * are a lasting password, which is not handed to another server.
 */
function checkIceServers(config: SipPhoneConfig): void {
  const bare = withTurnCredentials(config.iceServers ?? [], undefined);
  if (config.auth.kind === 'digest' && bare.some((s) => /turns?:/i.test(String(s.urls)) && !s.username)) {
    throw new InvalidArgumentError(
      'A TURN server without a user name and credential needs time-limited SIP credentials: give the TURN ' +
        "server's own credentials, or let it check the agents' time-limited ones (the SIP server's secret).",
    );
  }
}

/** The agent's address of record, checked: a user is needed, and the instance id must be a UUID. */
function checkedIdentity(config: SipPhoneConfig): URI {
  const uri = parseSipUri(config.aor);
  if (!uri.user)
    throw new InvalidArgumentError('The SIP address of record needs a user, like sip:alice@example.com.');
  if (config.instanceId !== undefined && !INSTANCE_ID.test(config.instanceId)) {
    throw new InvalidArgumentError('The SIP instance id must be a UUID.');
  }
  return uri;
}

/** Candidates are worth gathering ahead where a server is asked for them, with the browser's own handler. */
function prefetches(config: SipPhoneConfig): boolean {
  return (
    (config.iceServers?.length ?? 0) > 0 &&
    !config.sessionDescriptionHandlerFactory &&
    typeof RTCPeerConnection === 'function'
  );
}

export class SipUserAgent {
  readonly ua: UserAgent;
  /** The agent's address of record, parsed. */
  readonly uri: URI;
  private readonly keepAlive: KeepAlive | undefined;
  private readonly servers: ServerList;
  /** The next call's candidates, gathered ahead (browsers with ICE servers configured only). */
  readonly icePrefetch: IcePrefetch | undefined;
  /** Set by close(): the loss of the connection is no longer reported. */
  private isClosed = false;

  constructor(
    config: SipPhoneConfig,
    private readonly settings: SipPhoneSettings,
    private readonly delegate: UserAgentDelegate,
  ) {
    const uri = checkedIdentity(config);
    checkIceServers(config);
    this.uri = uri;
    this.servers = new ServerList(config.server, config.fallbackServers);
    // What arrives goes to the phone's own handlers as they are; only a lost connection is ours first.
    const { onConnect, onInvite, onMessage } = delegate;
    const configuration = () => this.iceConfiguration(config);
    const refused = (error: unknown) =>
      settings.logger.warn(`ICE servers refused by the browser, nothing gathered ahead: ${String(error)}`);
    this.icePrefetch = prefetches(config) ? new IcePrefetch(configuration, refused) : undefined;
    const ice: IceSource = { configuration, take: () => this.icePrefetch?.take() };
    this.ua = new UserAgent(
      userAgentOptions(
        config,
        settings,
        uri,
        { onConnect, onDisconnect: (error) => this.onTransportLost(error), onInvite, onMessage },
        ice,
      ),
    );
    this.keepAlive = this.createKeepAlive();
  }

  get closed(): boolean {
    return this.isClosed;
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

  /** No more keep-alive or loss reports, no more prepared peer connection; the connection goes with stop(). */
  close(): void {
    this.isClosed = true;
    this.keepAlive?.stop();
    this.icePrefetch?.close();
  }

  /** The calls' peer connection configuration now, with the current credentials on the TURN servers. */
  private iceConfiguration(config: SipPhoneConfig): RTCConfiguration {
    const { authorizationUsername: username, authorizationPassword: password } = this.ua.configuration;
    const current = config.auth.kind === 'ephemeral' ? { username, password } : undefined;
    return { iceServers: withTurnCredentials(config.iceServers ?? [], current) };
  }

  /** SIP.js's non-graceful stop, which drops every transaction and timer. */
  stop(): Promise<void> {
    this.close();
    return this.ua.stop().catch(() => undefined);
  }

  /** An OPTIONS ping that drops a connection the server no longer answers on, so the loss is reported. */
  private createKeepAlive(): KeepAlive | undefined {
    const { keepAlive, logger } = this.settings;
    if (!keepAlive) return undefined;
    const registrar = parseSipUri(`sip:${this.uri.host}`);
    return new KeepAlive(this.ua, registrar, keepAlive.intervalMs, keepAlive.timeoutMs, () => {
      logger.warn('keep-alive: no answer from the SIP server, dropping the connection');
      void this.ua.transport.disconnect().catch(() => undefined);
    });
  }

  private onTransportLost(cause?: Error): void {
    if (this.closed) return;
    this.keepAlive?.stop();
    this.settings.logger.warn(`transport lost${cause ? `: ${cause.message}` : ''}`);
    this.delegate.onDisconnect(new NetworkError());
  }
}
