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

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

/** One SIP message seen on an agent's WebSocket: its direction and start line summary. */
export interface WireMessage {
  direction: 'sent' | 'received';
  /** `INVITE`, `ACK`, ... for requests; `200 INVITE`, `180 INVITE`, ... for responses. */
  summary: string;
  raw: string;
}

function summarise(raw: string): string {
  const [start = ''] = raw.split('\r\n', 1);
  const cseqMethod = /^CSeq:\s*\d+\s+(\w+)/im.exec(raw)?.[1] ?? '?';
  const response = /^SIP\/2\.0 (\d{3})/.exec(start);
  return response ? `${response[1]} ${cseqMethod}` : (start.split(' ')[0] ?? '?');
}

/** A session description handler with no media: answers and offers a fixed PCMU audio SDP. */
export class NullSessionDescriptionHandler implements SessionDescriptionHandler {
  remoteSdp: string[] = [];
  dtmf: string[] = [];
  private readonly sessionId = Math.floor(Math.random() * 1e9);
  private version = 0;

  close(): void {}

  getDescription(
    options?: SessionDescriptionHandlerOptions & { hold?: boolean },
  ): Promise<BodyAndContentType> {
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
    return Promise.resolve({ body, contentType: 'application/sdp' });
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  setDescription(sdp: string): Promise<void> {
    this.remoteSdp.push(sdp);
    return Promise.resolve();
  }

  sendDtmf(tones: string): boolean {
    this.dtmf.push(tones);
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

export function createNodeAgent(server: KamailioServer, opts: NodeAgentOptions): NodeAgent {
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
