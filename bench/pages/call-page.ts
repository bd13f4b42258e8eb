// Browser page of benchmarks B1 and B2 (bundled by esbuild, served on loopback): one SIP endpoint per
// page, either the softphone core (createSoftphone with SIP.js's WebRTC handler) or a bare SIP.js
// UserAgent, both with the same ICE settings. Times are performance.now() in this page.
import {
  Inviter,
  Registerer,
  RegistererState,
  SessionState,
  UserAgent,
  type Invitation,
  type LogConnector,
} from 'sip.js';
import { createSoftphone, type Softphone } from '../../src/create-softphone';
import type { CrmPort } from '../../src/crm';
import { defaultDialingSettings, provideNumberingPlans } from '../../src/dialing';
import * as numberingPlans from '../../src/dialing/numbering-plans-resource';
import type { SoftphoneView } from '../../src/view/softphone-view';

export interface PageStart {
  kind: 'softphone' | 'bare';
  server: string;
  domain: string;
  user: string;
  password: string;
  iceGatheringTimeoutMs: number;
  /** STUN/TURN servers (default none: loopback host candidates only). */
  iceServers?: RTCIceServer[];
  /** Time-limited credentials' user name (`<expiry>:<user>`, `password` their signature); default digest. */
  username?: string;
  /**
   * Softphone only, tests of credential lifetimes: the page mints time-limited credentials of this lifetime
   * with `password` as the SIP server's secret, as Apex does, and again at each renewal.
   */
  ttlSeconds?: number;
  /** Bare only: answer (true) or reject 486 (false) every incoming call. */
  answer?: boolean;
}

/** One incoming call as this page saw it (ms, page clock). */
export interface IncomingTiming {
  /** The INVITE's arrival on the WebSocket. */
  arrived: number;
  /** Bare: onInvite. Softphone: the view shows the call ringing. */
  ringing: number;
  /** Softphone: the CRM contact search was issued. */
  searched?: number;
}

export interface CallPage {
  start(options: PageStart): Promise<void>;
  /** Dials `user` and resolves with ms from the dial command to the remote answer; then hangs up. */
  call(user: string): Promise<number>;
  /** Softphone only: dials `user`, resolves with the Call-ID once answered, and leaves the call up. */
  dial(user: string): Promise<string>;
  /** Softphone only: an agent's action, as the LWC sends it. */
  send(event: Parameters<Softphone['send']>[0]): void;
  /** Softphone only: audio bytes received so far on a call's peer connection (getStats inbound-rtp). */
  bytesReceived(callId: string): Promise<number>;
  /** Bare only: calls `user`, who declines; resolves once the call is over. */
  offer(user: string): Promise<void>;
  /** Incoming calls seen so far. */
  incoming(): IncomingTiming[];
  /** Softphone only: what to do with incoming calls from now on (default: reject once searched). */
  onIncoming(policy: IncomingPolicy): void;
  /** Softphone only: the current view model. */
  view(): SoftphoneView | undefined;
  /** Softphone only: the INVITEs this page sent, as on the wire (their offers). */
  sentInvites(): string[];
  /** Microphone tracks this page opened (getUserMedia) that are still live. */
  openMicrophones(): number;
  stop(): Promise<void>;
}

const waitFor = (check: () => boolean, label: string, timeoutMs = 15_000) =>
  new Promise<void>((ok, fail) => {
    const end = performance.now() + timeoutMs;
    const poll = () => {
      if (check()) return ok();
      if (performance.now() > end) return fail(new Error(`timed out: ${label}`));
      setTimeout(poll, 1);
    };
    poll();
  });

/** What the softphone page does with a ringing call: decline it, answer it, or leave it ringing. */
export type IncomingPolicy = 'reject' | 'answer' | 'ring';

let softphone: Softphone | undefined;
let policy: IncomingPolicy = 'reject';
let ua: UserAgent | undefined;
let domain = '';
const timings: IncomingTiming[] = [];
/** Arrival time of each INVITE on the wire, by Call-ID. */
const arrivals = new Map<string, number>();

const sentInvites: string[] = [];
const microphones: MediaStreamTrack[] = [];
// Every microphone the page opens is noted, so a test can see whether one is held open between calls.
const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
navigator.mediaDevices.getUserMedia = async (constraints) => {
  const stream = await getUserMedia(constraints);
  microphones.push(...stream.getAudioTracks());
  return stream;
};

function noteArrival(direction: 'sent' | 'received', message: string): void {
  if (direction === 'sent' && message.startsWith('INVITE ')) sentInvites.push(message);
  if (direction !== 'received' || !message.startsWith('INVITE ')) return;
  const callId = /^(?:Call-ID|i):\s*(.+)$/im.exec(message)?.[1]?.trim();
  if (callId && !arrivals.has(callId)) arrivals.set(callId, performance.now());
}

const bareWireTap: LogConnector = (_level, _category, _label, content) => {
  const wire = /^(Sending|Received) WebSocket (?:text )?message:\n\n([\s\S]*)\n$/.exec(content);
  if (wire?.[2] !== undefined) noteArrival(wire[1] === 'Sending' ? 'sent' : 'received', wire[2]);
};

/** Time-limited credentials as Apex SoftphoneCredentials mints them: HMAC-SHA1 of `<expiry>:<user>`. */
async function mint(secret: string, user: string, ttlSeconds: number) {
  const username = `${Math.floor(Date.now() / 1000) + ttlSeconds}:${user}`;
  const bytes = (text: string) => new TextEncoder().encode(text);
  const key = await crypto.subtle.importKey('raw', bytes(secret), { name: 'HMAC', hash: 'SHA-1' }, false, [
    'sign',
  ]);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, bytes(username)));
  return { username, password: btoa(String.fromCharCode(...signature)), ttlSeconds };
}

async function softphoneAuth(o: PageStart) {
  const { ttlSeconds, password } = o;
  if (ttlSeconds !== undefined) {
    const refresh = () => mint(password, o.user, ttlSeconds);
    return { kind: 'ephemeral' as const, ...(await refresh()), refresh };
  }
  return o.username
    ? { kind: 'ephemeral' as const, username: o.username, password }
    : { kind: 'digest' as const, password };
}

async function startSoftphone(o: PageStart): Promise<void> {
  const searched = new Map<string, number>();
  const crm: CrmPort = {
    searchByNumber: async () => {
      // The call being searched for is the newest ringing one.
      const ringing = softphone?.view().calls.find((c) => c.status === 'ringing');
      if (ringing) searched.set(ringing.callId, performance.now());
      else searched.set('?', performance.now());
      return [];
    },
    searchByName: async () => [],
    screenPop: async () => undefined,
    logCall: async () => ({ taskId: '00T000000000001AAA' }),
    onClickToDial: () => () => undefined,
  };
  // As the utility does: the phone dials once its numbering plans have loaded.
  provideNumberingPlans(numberingPlans);
  const phone = createSoftphone({
    sip: {
      server: o.server,
      aor: `sip:${o.user}@${o.domain}`,
      auth: await softphoneAuth(o),
      iceServers: o.iceServers ?? [],
      iceGatheringTimeoutMs: o.iceGatheringTimeoutMs,
      keepAlive: false,
      wireTap: noteArrival,
    },
    crm,
    phone: { call: { wrapUpSeconds: 0 } },
    dialing: { ...defaultDialingSettings, extensionLengths: [4] },
    qualityIntervalMs: 0,
  });
  softphone = phone;
  const seen = new Set<string>();
  phone.subscribe((view: SoftphoneView) => {
    for (const call of view.calls) {
      if (call.direction !== 'incoming' || call.status !== 'ringing' || seen.has(call.callId)) continue;
      seen.add(call.callId);
      const ringing = performance.now();
      const arrived = arrivals.get(call.callId) ?? Number.NaN;
      // The search starts in the same transition as ringing or just after it: wait for it, then decline.
      void waitFor(() => searched.has(call.callId) || searched.has('?'), 'contact search', 5000)
        .then(() => {
          timings.push({ arrived, ringing, searched: searched.get(call.callId) ?? searched.get('?') });
          searched.clear();
        })
        .catch(() => timings.push({ arrived, ringing }))
        .finally(() => {
          if (policy === 'reject') phone.send({ type: 'ui.reject', callId: call.callId });
          if (policy === 'answer') phone.send({ type: 'ui.answer', callId: call.callId });
        });
    }
    for (const call of view.calls) {
      if (call.actions.dismiss) phone.send({ type: 'ui.dismiss', callId: call.callId });
      else if (call.actions.closeWrapUp && call.direction === 'incoming') {
        phone.send({ type: 'ui.wrapUp.close', callId: call.callId });
      }
    }
  });
  phone.start();
  await waitFor(() => phone.view().registration === 'registered', 'softphone registration');
}

async function startBare(o: PageStart): Promise<void> {
  const agent = new UserAgent({
    uri: UserAgent.makeURI(`sip:${o.user}@${o.domain}`),
    transportOptions: { server: o.server, traceSip: true },
    authorizationUsername: o.username ?? o.user,
    authorizationPassword: o.password,
    sessionDescriptionHandlerFactoryOptions: {
      iceGatheringTimeout: o.iceGatheringTimeoutMs,
      peerConnectionConfiguration: { iceServers: o.iceServers ?? [] },
    },
    logBuiltinEnabled: false,
    logLevel: 'log',
    logConnector: bareWireTap,
    delegate: {
      onInvite: (invitation: Invitation) => {
        const ringing = performance.now();
        timings.push({ arrived: arrivals.get(invitation.request.callId) ?? Number.NaN, ringing });
        if (o.answer) void invitation.accept().catch(() => undefined);
        else void invitation.reject({ statusCode: 486 }).catch(() => undefined);
      },
    },
  });
  ua = agent;
  await agent.start();
  const registerer = new Registerer(agent, { expires: 600 });
  await registerer.register();
  await waitFor(() => registerer.state === RegistererState.Registered, 'bare registration');
}

const page: CallPage = {
  async start(options) {
    domain = options.domain;
    if (options.kind === 'softphone') await startSoftphone(options);
    else await startBare(options);
  },
  async call(user) {
    if (softphone) {
      const phone = softphone;
      const t0 = performance.now();
      const callId = phone.dial(user);
      const call = () => phone.view().calls.find((c) => c.callId === callId);
      await waitFor(() => call()?.status === 'live', 'softphone call live');
      const ms = performance.now() - t0;
      phone.send({ type: 'ui.hangup', callId });
      await waitFor(() => call()?.wrapUp.active === true, 'softphone wrap-up');
      phone.send({ type: 'ui.wrapUp.close', callId });
      await waitFor(() => call() === undefined, 'softphone call cleared');
      return ms;
    }
    if (!ua) throw new Error('start() first');
    const target = UserAgent.makeURI(`sip:${user}@${domain}`);
    if (!target) throw new Error(`bad user ${user}`);
    const t0 = performance.now();
    const inviter = new Inviter(ua, target);
    await inviter.invite();
    await waitFor(() => inviter.state === SessionState.Established, 'bare call established');
    const ms = performance.now() - t0;
    await inviter.bye();
    await waitFor(() => inviter.state === SessionState.Terminated, 'bare call ended');
    return ms;
  },
  async dial(user) {
    const phone = softphone;
    if (!phone) throw new Error('dial() is for a softphone page');
    const callId = phone.dial(user);
    await waitFor(
      () => phone.view().calls.some((c) => c.callId === callId && c.status === 'live'),
      'call live',
    );
    return callId;
  },
  send(event) {
    if (!softphone) throw new Error('send() is for a softphone page');
    softphone.send(event);
  },
  async bytesReceived(callId) {
    const pc = softphone?.sip.media(callId)?.peerConnection;
    if (!pc) throw new Error(`call ${callId}: no peer connection`);
    let bytes = 0;
    (await pc.getStats()).forEach((report: { type: string; kind?: string; bytesReceived?: number }) => {
      if (report.type === 'inbound-rtp' && report.kind === 'audio') bytes += report.bytesReceived ?? 0;
    });
    return bytes;
  },
  async offer(user) {
    if (!ua) throw new Error('offer() is for a bare page');
    const target = UserAgent.makeURI(`sip:${user}@${domain}`);
    if (!target) throw new Error(`bad user ${user}`);
    const inviter = new Inviter(ua, target);
    await inviter.invite();
    await waitFor(() => inviter.state === SessionState.Terminated, 'declined call over');
  },
  incoming: () => [...timings],
  onIncoming(next) {
    policy = next;
  },
  view: () => softphone?.view(),
  sentInvites: () => [...sentInvites],
  openMicrophones: () => microphones.filter((t) => t.readyState === 'live').length,
  async stop() {
    await softphone?.stop();
    await ua?.stop();
  },
};

(window as unknown as { bench: CallPage }).bench = page;
document.title = 'ready';
