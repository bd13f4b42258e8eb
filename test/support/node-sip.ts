// SIP.js user agents in Node for integration tests: WebSocket from `ws`, a media-less session
// description handler (fixed SDP), and a recorder of the SIP messages each agent puts on the wire.
import { UserAgent, Registerer, RegistererState, type UserAgentOptions, type LogConnector } from 'sip.js';
import type {
  BodyAndContentType,
  SessionDescriptionHandler,
  SessionDescriptionHandlerOptions,
} from 'sip.js/lib/api/session-description-handler';
import WebSocket from 'ws';
import type { KamailioServer } from '../../scripts/sip-server/kamailio';
import { createSoftphone, type Softphone, type SoftphoneOptions } from '../../src/create-softphone';
import type { CrmPort } from '../../src/crm';
import { defaultDialingSettings } from '../../src/dialing';
import { SipPhone, type SipEvent, type SipEventOf, type SipPhoneConfig } from '../../src/sip';
import type { SoftphoneView } from '../../src/view/softphone-view';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

/** Where the agents connect: the development server or a node of the SIP edge. */
export type SipServerAddress = Pick<KamailioServer, 'wsUrl' | 'domain'>;

/** One SIP message seen on an agent's WebSocket: its direction and start line summary. */
export interface WireMessage {
  direction: 'sent' | 'received';
  /** `INVITE`, `ACK`, ... for requests; `200 INVITE`, `180 INVITE`, ... for responses. */
  summary: string;
  raw: string;
}

export function summarise(raw: string): string {
  const [start = ''] = raw.split('\r\n', 1);
  const cseqMethod = /^CSeq:\s*\d+\s+(\w+)/im.exec(raw)?.[1] ?? '?';
  const response = /^SIP\/2\.0 (\d{3})/.exec(start);
  return response ? `${response[1]} ${cseqMethod}` : (start.split(' ')[0] ?? '?');
}

/** A session description handler with no media: answers and offers a fixed PCMU audio SDP. */
export class NullSessionDescriptionHandler implements SessionDescriptionHandler {
  remoteSdp: string[] = [];
  dtmf: string[] = [];
  /** What each sendDtmf() asked for besides the tones (event duration and gap). */
  dtmfOptions: unknown[] = [];
  /** The options of every getDescription() call (hold, offerOptions.iceRestart, ...). */
  descriptionOptions: (SessionDescriptionHandlerOptions & Record<string, unknown>)[] = [];
  private readonly sessionId = Math.floor(Math.random() * 1e9);
  private version = 0;

  /**
   * `rfc4733: false` makes sendDtmf() report that RTP telephone-events are not available; `offerDelayMs`
   * makes each offer take that long, as a browser's does while it gathers ICE candidates.
   */
  constructor(private readonly capabilities: { rfc4733?: boolean; offerDelayMs?: number } = {}) {}

  close(): void {}

  async getDescription(
    options?: SessionDescriptionHandlerOptions & { hold?: boolean },
  ): Promise<BodyAndContentType> {
    if (this.capabilities.offerDelayMs)
      await new Promise((r) => setTimeout(r, this.capabilities.offerDelayMs));
    this.descriptionOptions.push({ ...options });
    const direction = options?.hold ? 'sendonly' : 'sendrecv';
    const body = [
      'v=0',
      `o=- ${this.sessionId} ${++this.version} IN IP4 127.0.0.1`,
      's=-',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      'm=audio 9 RTP/AVP 0 101',
      'a=rtpmap:0 PCMU/8000',
      'a=rtpmap:101 telephone-event/8000',
      `a=${direction}`,
      '',
    ].join('\r\n');
    return { body, contentType: 'application/sdp' };
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  setDescription(sdp: string): Promise<void> {
    this.remoteSdp.push(sdp);
    return Promise.resolve();
  }

  sendDtmf(tones: string, options?: unknown): boolean {
    if (this.capabilities.rfc4733 === false) return false;
    this.dtmf.push(tones);
    this.dtmfOptions.push(options);
    return true;
  }
}

export interface NodeAgent {
  ua: UserAgent;
  registerer: Registerer;
  aor: string;
  wire: WireMessage[];
  /** Start lines in order, e.g. `['sent REGISTER', 'received 401 REGISTER', ...]`. */
  wireSummary(filter?: (m: WireMessage) => boolean): string[];
  register(): Promise<void>;
  stop(): Promise<void>;
}

export interface NodeAgentOptions {
  user: string;
  password?: string;
  authorizationUsername?: string;
  userAgentOptions?: Partial<UserAgentOptions>;
}

export function createNodeAgent(server: SipServerAddress, opts: NodeAgentOptions): NodeAgent {
  const wire: WireMessage[] = [];
  const logConnector: LogConnector = (_level, _category, _label, content) => {
    const m = /^(Sending|Received) WebSocket (?:text )?message:\n\n([\s\S]*)\n$/.exec(content);
    if (m?.[2]) {
      wire.push({ direction: m[1] === 'Sending' ? 'sent' : 'received', summary: summarise(m[2]), raw: m[2] });
    }
  };
  const uri = UserAgent.makeURI(`sip:${opts.user}@${server.domain}`);
  if (!uri) throw new Error(`invalid user ${opts.user}`);
  const ua = new UserAgent({
    uri,
    transportOptions: { server: server.wsUrl, traceSip: true },
    authorizationUsername: opts.authorizationUsername ?? opts.user,
    authorizationPassword: opts.password,
    sessionDescriptionHandlerFactory: () => new NullSessionDescriptionHandler(),
    logBuiltinEnabled: false,
    logConnector,
    logLevel: 'log',
    ...opts.userAgentOptions,
  });
  const registerer = new Registerer(ua, { expires: 300 });

  return {
    ua,
    registerer,
    aor: uri.toString(),
    wire,
    wireSummary: (filter = () => true) => wire.filter(filter).map((m) => `${m.direction} ${m.summary}`),
    async register() {
      if (ua.isConnected() === false) await ua.start();
      await new Promise<void>((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`${opts.user} did not register within 5 s`)), 5000);
        registerer.stateChange.addListener((state) => {
          if (state === RegistererState.Registered) {
            clearTimeout(timer);
            ok();
          }
        });
        registerer
          .register({
            requestDelegate: {
              onReject: (response) => {
                clearTimeout(timer);
                fail(new Error(`${opts.user} registration rejected: ${response.message.statusCode}`));
              },
            },
          })
          .catch(fail);
      });
    },
    async stop() {
      await registerer.dispose().catch(() => undefined);
      await ua.stop();
    },
  };
}

/** Records SIP messages from a SipPhone's `wireTap`. */
export interface WireRecorder {
  wire: WireMessage[];
  tap(direction: 'sent' | 'received', raw: string): void;
  /** Start lines in order, e.g. `['sent INVITE', 'received 100 INVITE', ...]`. */
  summary(filter?: (m: WireMessage) => boolean): string[];
  /** The raw messages whose summary is `summary` (e.g. `sent REFER`). */
  find(summary: string): string[];
}

export function createWireRecorder(): WireRecorder {
  const wire: WireMessage[] = [];
  return {
    wire,
    tap: (direction, raw) => wire.push({ direction, summary: summarise(raw), raw }),
    summary: (filter = () => true) => wire.filter(filter).map((m) => `${m.direction} ${m.summary}`),
    find: (summary) => wire.filter((m) => `${m.direction} ${m.summary}` === summary).map((m) => m.raw),
  };
}

/** The phone's dialog event subscription (RFC 4235) to its own AOR: the SUBSCRIBE and its NOTIFYs. */
export const dialogEventTraffic = (m: WireMessage) =>
  /SUBSCRIBE$/.test(m.summary) || (/NOTIFY$/.test(m.summary) && /^Event:\s*dialog\b/im.test(m.raw));

/** Messages of calls only: no REGISTER, OPTIONS (keep-alive) or dialog event subscription. */
export const callTraffic = (m: WireMessage) =>
  !/(REGISTER|OPTIONS)$/.test(m.summary) && !dialogEventTraffic(m);

/** A SipPhone of the project wired for Node tests: media-less handlers, a wire recorder, an event log. */
export interface TestPhone {
  phone: SipPhone;
  user: string;
  aor: string;
  wire: WireRecorder;
  events: SipEvent[];
  /** The media handler of each call leg, in creation order. */
  handlers: NullSessionDescriptionHandler[];
  /** The first recorded (or next) event of `type` matching `match`; fails after `timeoutMs`. */
  waitFor<T extends SipEvent['type']>(
    type: T,
    match?: (event: SipEventOf<T>) => boolean,
    timeoutMs?: number,
  ): Promise<SipEventOf<T>>;
  /** The `n`th (1-based) event of `type`, recorded or future. */
  waitForNth<T extends SipEvent['type']>(type: T, n: number, timeoutMs?: number): Promise<SipEventOf<T>>;
  /** Recorded events of `type`. */
  eventsOf<T extends SipEvent['type']>(type: T): SipEventOf<T>[];
  /** Event types in order, optionally only those of `callId`. */
  eventTypes(callId?: string): string[];
}

export interface TestPhoneOptions {
  user: string;
  /** Digest password; default `<user>-pw`. */
  password?: string;
  config?: Partial<SipPhoneConfig>;
  /** Options of every media handler this phone creates. */
  media?: ConstructorParameters<typeof NullSessionDescriptionHandler>[0];
}

/** Short timers so failure paths run in milliseconds, not the seconds of production defaults. */
export const fastTimers: Partial<SipPhoneConfig> = {
  keepAlive: false,
  reinviteRetryDelay: ({ isCallIdOwner, statusCode, retryAfterSec }) =>
    statusCode === 500 ? (retryAfterSec ?? 0) * 50 : isCallIdOwner ? 150 : 20,
  transferTimeoutMs: 2000,
  connectionTimeoutMs: 1000,
  microphoneCheck: () => Promise.resolve(),
};

/** An event for a failure message: its type, and the code and status of its error if it has one. */
function describe(event: SipEvent): string {
  const error = 'error' in event ? event.error : undefined;
  return error ? `${event.type}(${error.code} ${error.statusCode ?? ''})` : event.type;
}

export function createTestPhone(server: SipServerAddress, opts: TestPhoneOptions): TestPhone {
  const wire = createWireRecorder();
  const events: SipEvent[] = [];
  const handlers: NullSessionDescriptionHandler[] = [];
  const waiters = new Set<(event: SipEvent) => void>();
  const aor = `sip:${opts.user}@${server.domain}`;
  const phone = new SipPhone({
    server: server.wsUrl,
    aor,
    auth: { kind: 'digest', password: opts.password ?? `${opts.user}-pw` },
    sessionDescriptionHandlerFactory: () => {
      const handler = new NullSessionDescriptionHandler(opts.media);
      handlers.push(handler);
      return handler;
    },
    wireTap: wire.tap,
    ...fastTimers,
    ...opts.config,
  });
  phone.subscribe((event) => {
    events.push(event);
    for (const waiter of [...waiters]) waiter(event);
  });
  const eventsOf = <T extends SipEvent['type']>(type: T) =>
    events.filter((e): e is SipEventOf<T> => e.type === type);
  return {
    phone,
    user: opts.user,
    aor,
    wire,
    events,
    handlers,
    eventsOf,
    eventTypes: (callId) =>
      events.filter((e) => callId === undefined || ('callId' in e && e.callId === callId)).map((e) => e.type),
    waitForNth(type, n, timeoutMs) {
      return this.waitFor(type, (e) => eventsOf(type).indexOf(e) === n - 1, timeoutMs);
    },
    waitFor(type, match = () => true, timeoutMs = 5000) {
      const seen = eventsOf(type).find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `${opts.user}: no ${type} within ${timeoutMs} ms; saw ${events.map(describe).join(', ')}; wire: ${wire
                .summary(callTraffic)
                .join(', ')}`,
            ),
          );
        }, timeoutMs);
        const waiter = (event: SipEvent) => {
          if (event.type !== type || !match(event as SipEventOf<typeof type>)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(event as SipEventOf<typeof type>);
        };
        waiters.add(waiter);
      });
    },
  };
}

/**
 * A test host's retry after a lost connection (in the product the phone machine decides when to
 * reconnect): once the loss is reported, one reconnect(), which settles when registered again.
 */
export async function reconnectAfterLoss(p: TestPhone, timeoutMs?: number): Promise<void> {
  await p.waitFor('sip.transport.disconnected', undefined, timeoutMs);
  await p.phone.reconnect();
}

/**
 * The SIP settings of a whole softphone core running in Node: the media-less handler, no microphone to
 * check or mute, no keep-alive. `wireTap` records what it sends and receives.
 */
export function nodeSoftphoneSip(
  server: KamailioServer,
  user: string,
  password: string,
  wireTap?: SoftphoneOptions['sip']['wireTap'],
): SoftphoneOptions['sip'] {
  return {
    server: server.wsUrl,
    aor: `sip:${user}@${server.domain}`,
    auth: { kind: 'digest', password },
    sessionDescriptionHandlerFactory: () => new NullSessionDescriptionHandler(),
    microphoneCheck: async () => undefined,
    muteHook: () => undefined,
    keepAlive: false,
    ...(wireTap ? { wireTap } : {}),
  };
}

/** Resolves with the first view of `softphone` that satisfies `predicate` (checked on every change). */
export function viewWhere<V extends SoftphoneView>(
  softphone: { view(): V; subscribe(listener: (view: V) => void): () => unknown },
  predicate: (view: V) => boolean,
  label: string,
  timeoutMs = 10_000,
): Promise<V> {
  return new Promise((ok, fail) => {
    let unsubscribe: () => unknown = () => undefined;
    const timer = setTimeout(() => {
      unsubscribe();
      fail(new Error(`timed out waiting for ${label}: ${JSON.stringify(softphone.view(), null, 1)}`));
    }, timeoutMs);
    const check = (view: V) => {
      if (!predicate(view)) return;
      clearTimeout(timer);
      unsubscribe();
      ok(view);
    };
    unsubscribe = softphone.subscribe(check);
    check(softphone.view());
  });
}

/** A CRM that knows nobody and logs every call: for tests of the phone, not of the CRM. */
export const crmOfNobody: CrmPort = {
  searchByNumber: async () => [],
  searchByName: async () => [],
  screenPop: async () => undefined,
  logCall: async () => ({ taskId: '00T000000000001AAA' }),
  onClickToDial: () => () => undefined,
};

/**
 * The whole core as user `agent`, registered: a site that dials national numbers as they are and bars
 * premium-rate 1-900 numbers, no wrap-up. For the dial-plan tests on the wire.
 */
export async function startBarringSoftphone(
  server: KamailioServer,
  tap: SoftphoneOptions['sip']['wireTap'],
): Promise<Softphone> {
  const softphone = createSoftphone({
    sip: nodeSoftphoneSip(server, 'agent', 'agent-pw', tap),
    crm: crmOfNobody,
    phone: { call: { wrapUpSeconds: 0 } },
    dialing: { ...defaultDialingSettings, extensionLengths: [4], dialPlan: { allow: [], deny: ['+1900'] } },
    qualityIntervalMs: 0,
  });
  softphone.start();
  await viewWhere(softphone, (v) => v.registration === 'registered', 'registered');
  return softphone;
}
