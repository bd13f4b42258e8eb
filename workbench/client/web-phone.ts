// <wb-phone>: the workbench's plain WebRTC phone (lit). It registers with credentials minted by the
// workbench server (as the Apex credential service does in an org) and can call, answer and hang up.
// The agent's softphone proper is the LWC; this phone plays the customer and smoke-tests the stack.
import { LitElement, css, html } from 'lit';
import {
  Inviter,
  Registerer,
  RegistererState,
  SessionState,
  SIPExtension,
  UserAgent,
  type Invitation,
  type Referral,
  type Session,
  type URI,
} from 'sip.js';
import type { SessionDescriptionHandler } from 'sip.js/lib/platform/web';
import { dtmfFrequencies } from '../../src/media/dtmf-detector';
import { listenForKeys } from '../../src/media/listen-for-keys';

/** How long a keypad key sounds (in-band, like a desk phone that sends no RFC 4733 events). */
const KEY_TONE_SECONDS = 0.25;

interface PhoneConfig {
  wsUrl: string;
  domain: string;
  iceGatheringTimeout: number;
}

interface Credentials {
  username: string;
  password: string;
}

type Status = 'unregistered' | 'registering' | 'registered' | 'failed';

export class WbPhone extends LitElement {
  static override properties = {
    user: { type: String },
    status: { state: true },
    callState: { state: true },
    remote: { state: true },
    error: { state: true },
    messages: { state: true },
    dtmf: { state: true },
  };

  static override styles = css`
    :host {
      display: block;
      font:
        14px system-ui,
        sans-serif;
      border: 1px solid #c9c9c9;
      border-radius: 4px;
      padding: 12px;
      max-width: 22rem;
    }
    .row {
      display: flex;
      gap: 8px;
      margin: 8px 0;
    }
    [role='alert'] {
      color: #ba0517;
    }
  `;

  // Reactive properties are declared, not defined as class fields: a class field would shadow lit's
  // accessor (useDefineForClassFields) and updates would never render.
  declare user: string;
  declare status: Status;
  declare callState: string;
  declare remote: string;
  declare error: string;
  /** Bodies of the SIP MESSAGEs received (an agent's text reply to a rejected call), oldest first. */
  declare messages: string[];
  /** Keypad digits received in the current or last call: heard as tones (RFC 4733) or sent as SIP INFO. */
  declare dtmf: string;

  constructor() {
    super();
    this.user = '';
    this.status = 'unregistered';
    this.callState = 'idle';
    this.remote = '';
    this.error = '';
    this.messages = [];
    this.dtmf = '';
  }

  private ua?: UserAgent;
  private session?: Session;
  private incoming?: Invitation;
  private readonly audio = new Audio();
  /** The outgoing audio with the keypad's tones, per call (created on the first key). */
  private keyTones?: { session: Session; context: AudioContext; bus: MediaStreamAudioDestinationNode };
  private audioContext?: AudioContext;
  /** Stops hearing keys in the current call's audio. */
  private stopListening?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.audio.autoplay = true;
    void this.register();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.ua?.stop();
  }

  private async register(): Promise<void> {
    this.status = 'registering';
    try {
      const config = (await (await fetch('/api/config')).json()) as PhoneConfig;
      const credsResponse = await fetch(`/api/sip-credentials?user=${encodeURIComponent(this.user)}`);
      if (!credsResponse.ok) throw new Error(`credentials refused (${credsResponse.status})`);
      const creds = (await credsResponse.json()) as Credentials;
      const uri = UserAgent.makeURI(`sip:${this.user}@${config.domain}`);
      if (!uri) throw new Error(`invalid user ${this.user}`);
      this.ua = new UserAgent({
        uri,
        transportOptions: { server: config.wsUrl },
        authorizationUsername: creds.username,
        authorizationPassword: creds.password,
        logBuiltinEnabled: false,
        // An agent whose page reloaded takes the call back with INVITE + Replaces (RFC 3891).
        sipExtensionReplaces: SIPExtension.Supported,
        sessionDescriptionHandlerFactoryOptions: {
          iceGatheringTimeout: config.iceGatheringTimeout,
          peerConnectionConfiguration: { iceServers: [] },
        },
        delegate: {
          onInvite: (invitation) => this.onInvite(invitation),
          onMessage: (message) => {
            this.messages = [...this.messages, message.request.body];
            void message.accept();
          },
        },
      });
      await this.ua.start();
      const registerer = new Registerer(this.ua, { expires: 300 });
      registerer.stateChange.addListener((state) => {
        this.status = state === RegistererState.Registered ? 'registered' : 'unregistered';
      });
      await registerer.register({
        requestDelegate: {
          onReject: (r) => {
            this.status = 'failed';
            this.error = `Registration refused: ${r.message.statusCode} ${r.message.reasonPhrase}`;
          },
        },
      });
    } catch (e) {
      this.status = 'failed';
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  private onInvite(invitation: Invitation): void {
    // The far end of our call moved to a new leg (the agent's page reloaded): swap silently, no ringing;
    // SIP.js BYEs the replaced leg once the new one is accepted.
    if (invitation.replacee && invitation.replacee === this.session) {
      this.track(invitation);
      void invitation.accept().catch((e: unknown) => {
        this.error = `The call could not move to the agent's new page: ${e instanceof Error ? e.message : String(e)}`;
      });
      return;
    }
    if (this.session) {
      void invitation.reject({ statusCode: 486 });
      return;
    }
    this.incoming = invitation;
    this.remote = invitation.remoteIdentity.uri.user ?? '';
    this.track(invitation);
    this.callState = 'ringing';
  }

  /** `referredBy`: the call a transfer (REFER) came on, taken back if the transfer target never answers. */
  private track(session: Session, referredBy?: Session): void {
    this.session = session;
    this.dtmf = '';
    session.delegate = {
      // A transfer (REFER, with Replaces when supervised): call the target as a phone does, and carry on
      // with that call; the transferor then hangs up the old one.
      onRefer: (referral) => {
        void referral.accept().then(() => {
          const inviter = referral.makeInviter({ earlyMedia: true, extraHeaders: referToHeaders(referral) });
          this.remote = inviter.remoteIdentity.uri.user ?? '';
          this.track(inviter, session);
          this.callState = 'calling';
          return inviter.invite();
        });
      },
      onInfo: (info) => {
        const body = info.request.body;
        const signal =
          /^Signal\s*=\s*([0-9*#A-D])/im.exec(body)?.[1] ?? /^([0-9*#A-D])$/i.exec(body.trim())?.[1];
        if (signal) this.dtmf += signal.toUpperCase();
        void info.accept();
      },
    };
    session.stateChange.addListener((state) => {
      // A leg replaced by a newer one (a reloaded agent page, a transfer) ends without ending the call.
      if (this.session !== session) return;
      if (state === SessionState.Established) {
        this.callState = 'connected';
        this.attachAudio(session);
      }
      if (state === SessionState.Terminated && referredBy?.state === SessionState.Established) {
        // The transfer failed: the transferor still has the call (and takes it back, as it was told).
        this.session = referredBy;
        this.callState = 'connected';
        this.attachAudio(referredBy);
        return;
      }
      if (state === SessionState.Terminated) {
        this.callState = 'idle';
        this.session = undefined;
        this.incoming = undefined;
        this.stopListening?.();
        this.stopListening = undefined;
      }
    });
  }

  private attachAudio(session: Session): void {
    const sdh = session.sessionDescriptionHandler as SessionDescriptionHandler | undefined;
    const stream = sdh?.remoteMediaStream;
    if (!stream) return;
    this.audio.srcObject = stream;
    this.audioContext ??= new AudioContext();
    void this.audioContext.resume();
    this.stopListening?.();
    // Keys the agent presses arrive as RFC 4733 events, which Chromium plays out as tones: heard as a
    // person on the line hears them, with the detector the panel uses for deskphone keys.
    this.stopListening = listenForKeys(this.audioContext, stream, (digit) => {
      this.dtmf += digit;
    });
  }

  /** Places a call to a user of the same domain or a full SIP URI. */
  async call(target: string): Promise<void> {
    if (!this.ua || this.session) return;
    const uri = UserAgent.makeURI(target.includes('@') ? `sip:${target}` : `sip:${target}@${this.domain()}`);
    if (!uri) {
      this.error = `Cannot call "${target}"`;
      return;
    }
    this.error = '';
    this.remote = target;
    await this.invite(uri);
  }

  /** Calls `uri`, following a 3xx redirect to its first Contact as a desk phone does (SIP.js does not). */
  private async invite(uri: URI, hops = 0): Promise<void> {
    if (!this.ua) return;
    const inviter = new Inviter(this.ua, uri, { earlyMedia: true });
    this.track(inviter);
    this.callState = 'calling';
    await inviter.invite({
      requestDelegate: {
        onRedirect: (r) => {
          const contact = r.message.parseHeader('contact') as { uri?: URI } | undefined;
          if (contact?.uri && hops < 3) {
            void this.invite(contact.uri.clone(), hops + 1);
          } else {
            this.error = `Call failed: ${r.message.statusCode} ${r.message.reasonPhrase}`;
          }
        },
        onReject: (r) => {
          this.error = `Call failed: ${r.message.statusCode} ${r.message.reasonPhrase}`;
        },
      },
    });
  }

  async answer(): Promise<void> {
    await this.incoming?.accept();
  }

  async hangup(): Promise<void> {
    const s = this.session;
    if (!s) return;
    if (s.state === SessionState.Established) await s.bye();
    else if (s instanceof Inviter) await s.cancel();
    else await (s as Invitation).reject();
  }

  /**
   * Presses a keypad key during a call: the two DTMF tones go in-band, in the call's outgoing audio (what
   * the agent's panel decodes in deskphone mode), in place of the microphone from the first key on.
   */
  async pressKey(key: string): Promise<void> {
    const session = this.session;
    const pc = (session?.sessionDescriptionHandler as SessionDescriptionHandler | undefined)?.peerConnection;
    const sender = pc?.getSenders().find((candidate) => candidate.track?.kind === 'audio');
    if (!session || !sender) return;
    if (this.keyTones?.session !== session) {
      const context = this.keyTones?.context ?? new AudioContext();
      const bus = context.createMediaStreamDestination();
      this.keyTones = { session, context, bus };
      await sender.replaceTrack(bus.stream.getAudioTracks()[0] ?? null);
    }
    const { context, bus } = this.keyTones;
    await context.resume();
    const end = context.currentTime + KEY_TONE_SECONDS;
    for (const frequency of dtmfFrequencies(key)) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.value = 0.3;
      oscillator.connect(gain).connect(bus);
      oscillator.start();
      oscillator.stop(end);
    }
  }

  /**
   * Bytes of audio received and sent so far, and the received audio's energy and duration (getStats
   * inbound-rtp totalAudioEnergy / totalSamplesDuration: their ratio over an interval is its loudness).
   */
  async audioStats(): Promise<{
    bytesReceived: number;
    bytesSent: number;
    totalAudioEnergy: number;
    totalSamplesDuration: number;
  }> {
    const sdh = this.session?.sessionDescriptionHandler as SessionDescriptionHandler | undefined;
    const pc = sdh?.peerConnection;
    let bytesReceived = 0;
    let bytesSent = 0;
    let totalAudioEnergy = 0;
    let totalSamplesDuration = 0;
    if (pc) {
      (await pc.getStats()).forEach(
        (r: {
          type: string;
          kind?: string;
          bytesReceived?: number;
          bytesSent?: number;
          totalAudioEnergy?: number;
          totalSamplesDuration?: number;
        }) => {
          if (r.type === 'inbound-rtp' && r.kind === 'audio') {
            bytesReceived += r.bytesReceived ?? 0;
            totalAudioEnergy += r.totalAudioEnergy ?? 0;
            totalSamplesDuration += r.totalSamplesDuration ?? 0;
          }
          if (r.type === 'outbound-rtp' && r.kind === 'audio') bytesSent += r.bytesSent ?? 0;
        },
      );
    }
    return { bytesReceived, bytesSent, totalAudioEnergy, totalSamplesDuration };
  }

  private domain(): string {
    return this.ua?.configuration.uri.host ?? '';
  }

  override render() {
    const target = () => (this.renderRoot.querySelector('input') as HTMLInputElement | null)?.value ?? '';
    return html`
      <div>
        <strong>${this.user}</strong>
        <span role="status" aria-live="polite" data-status=${this.status}>${this.status}</span>
      </div>
      <div role="status" aria-live="assertive" data-call-state=${this.callState}>
        ${this.callState === 'idle' ? 'No call' : `${this.callState}: ${this.remote}`}
      </div>
      <div class="row">
        <label>Number <input name="target" autocomplete="off" /></label>
        <button
          @click=${() => this.call(target())}
          ?disabled=${this.status !== 'registered' || this.callState !== 'idle'}
        >
          Call
        </button>
      </div>
      <div class="row">
        <button @click=${() => this.answer()} ?disabled=${this.callState !== 'ringing'}>Answer</button>
        <button @click=${() => this.hangup()} ?disabled=${this.callState === 'idle'}>Hang up</button>
      </div>
      ${
        this.callState === 'connected'
          ? html`<div class="row" role="group" aria-label="Keypad">
              ${'123456789*0#'
                .split('')
                .map(
                  (key) =>
                    html`<button
                      data-key=${key}
                      aria-label=${`Key ${key}`}
                      @click=${() => this.pressKey(key)}
                    >
                      ${key}
                    </button>`,
                )}
            </div>`
          : ''
      }
      ${this.error ? html`<div role="alert">${this.error}</div>` : ''}
      ${this.dtmf ? html`<div>Keypad tones heard: <output data-dtmf-received>${this.dtmf}</output></div>` : ''}
      ${
        this.messages.length
          ? html`<section aria-label="Messages received">
              <ul data-messages>
                ${this.messages.map((m) => html`<li data-message>${m}</li>`)}
              </ul>
            </section>`
          : ''
      }
    `;
  }
}

customElements.define('wb-phone', WbPhone);

declare global {
  interface HTMLElementTagNameMap {
    'wb-phone': WbPhone;
  }
}

/**
 * RFC 3515 §2.1: the headers of the Refer-To URI go on the INVITE the REFER asks for, as a desk phone puts
 * them (the transferring agent's call context); SIP.js's makeInviter drops them. Replaces is SIP.js's own,
 * and a value that would break out of its header line is left out.
 */
function referToHeaders(referral: Referral): string[] {
  return Object.entries(referral.referTo.uri.headers)
    .filter(([name]) => /^[A-Za-z0-9-]+$/.test(name) && name.toLowerCase() !== 'replaces')
    .flatMap(([name, values]) => values.map((value) => [name, safeDecode(value)] as const))
    .filter(
      (header): header is readonly [string, string] => header[1] !== undefined && !/[\r\n]/.test(header[1]),
    )
    .map(([name, value]) => `${name}: ${value}`);
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
