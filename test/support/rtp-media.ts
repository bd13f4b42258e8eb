// A session description handler for Node tests that carries real audio: plain RTP/AVP with PCMU on a
// loopback UDP socket. It decodes what the far end (baresip) sends into samples for listeners (the
// project's DTMF detector) and can send samples (the connect prompt), so deskphone mode's in-band key
// path runs against an independent phone without a browser.
import { createSocket, type Socket } from 'node:dgram';
import type {
  BodyAndContentType,
  SessionDescriptionHandler,
  SessionDescriptionHandlerOptions,
} from 'sip.js/lib/api/session-description-handler';

const SAMPLE_RATE = 8000;
const FRAME = 160;

/** G.711 µ-law byte to a linear sample in -1..1. */
export function decodeMuLaw(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << exponent) - 0x84;
  return ((u & 0x80) !== 0 ? -magnitude : magnitude) / 32768;
}

/** A linear sample in -1..1 to a G.711 µ-law byte. */
export function encodeMuLaw(sample: number): number {
  let pcm = Math.max(-32635, Math.min(32635, Math.round(sample * 32767)));
  const sign = pcm < 0 ? 0x80 : 0;
  if (pcm < 0) pcm = -pcm;
  pcm += 0x84;
  let exponent = 7;
  for (let mask = 0x4000; (pcm & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (pcm >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

export class RtpSessionDescriptionHandler implements SessionDescriptionHandler {
  /** The SIP Call-ID of the session this handler serves. */
  readonly callId: string;
  /** Packets of PCMU audio received so far. */
  packetsReceived = 0;
  private socket: Socket | undefined;
  private bound: Promise<number> | undefined;
  private remote: { address: string; port: number } | undefined;
  private readonly listeners = new Set<(samples: Float32Array) => void>();
  private sender: NodeJS.Timeout | undefined;
  private sequence = Math.floor(Math.random() * 0xffff);
  private timestamp = Math.floor(Math.random() * 0xffffffff);
  private readonly ssrc = Math.floor(Math.random() * 0xffffffff);
  private readonly sessionId = Math.floor(Math.random() * 1e9);
  private version = 0;

  constructor(callId: string) {
    this.callId = callId;
  }

  /** Receives every 20 ms frame of decoded audio; returns the unsubscribe. */
  onAudio(listener: (samples: Float32Array) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends `samples` (8 kHz) in a loop, one 20 ms packet at a time, until the returned stop is called. */
  playLoop(samples: Float32Array): () => void {
    this.stopPlaying();
    let offset = 0;
    this.sender = setInterval(() => {
      if (!this.socket || !this.remote) return;
      const payload = Buffer.alloc(FRAME);
      for (let i = 0; i < FRAME; i++) payload[i] = encodeMuLaw(samples[(offset + i) % samples.length] ?? 0);
      offset = (offset + FRAME) % samples.length;
      const header = Buffer.alloc(12);
      header[0] = 0x80;
      header[1] = 0;
      header.writeUInt16BE(this.sequence++ & 0xffff, 2);
      header.writeUInt32BE(this.timestamp >>> 0, 4);
      this.timestamp = (this.timestamp + FRAME) >>> 0;
      header.writeUInt32BE(this.ssrc >>> 0, 8);
      this.socket.send(Buffer.concat([header, payload]), this.remote.port, this.remote.address);
    }, 20);
    return () => this.stopPlaying();
  }

  close(): void {
    this.stopPlaying();
    this.socket?.close();
    this.socket = undefined;
  }

  async getDescription(
    options?: SessionDescriptionHandlerOptions & { hold?: boolean },
  ): Promise<BodyAndContentType> {
    const port = await this.bind();
    const body = [
      'v=0',
      `o=- ${this.sessionId} ${++this.version} IN IP4 127.0.0.1`,
      's=-',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      `m=audio ${port} RTP/AVP 0 101`,
      'a=rtpmap:0 PCMU/8000',
      'a=rtpmap:101 telephone-event/8000',
      'a=ptime:20',
      `a=${options?.hold ? 'sendonly' : 'sendrecv'}`,
      '',
    ].join('\r\n');
    return { body, contentType: 'application/sdp' };
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async setDescription(sdp: string): Promise<void> {
    await this.bind();
    const address = /^c=IN IP4 (\S+)/m.exec(sdp)?.[1];
    const port = Number(/^m=audio (\d+)/m.exec(sdp)?.[1]);
    if (address && port > 0) this.remote = { address, port };
  }

  sendDtmf(): boolean {
    return false;
  }

  private bind(): Promise<number> {
    this.bound ??= new Promise((ok, fail) => {
      const socket = createSocket('udp4');
      socket.once('error', fail);
      socket.on('message', (packet) => this.onPacket(packet));
      socket.bind(0, '127.0.0.1', () => ok(socket.address().port));
      this.socket = socket;
    });
    return this.bound;
  }

  private onPacket(packet: Buffer): void {
    if (packet.length < 12 || (packet[0] ?? 0) >> 6 !== 2) return;
    const payloadType = (packet[1] ?? 0) & 0x7f;
    if (payloadType !== 0) return;
    const csrcCount = (packet[0] ?? 0) & 0x0f;
    let offset = 12 + 4 * csrcCount;
    if (((packet[0] ?? 0) & 0x10) !== 0) offset += 4 + 4 * packet.readUInt16BE(offset + 2);
    const samples = new Float32Array(packet.length - offset);
    for (let i = 0; i < samples.length; i++) samples[i] = decodeMuLaw(packet[offset + i] ?? 0xff);
    this.packetsReceived++;
    for (const listener of this.listeners) listener(samples);
  }

  private stopPlaying(): void {
    if (this.sender) clearInterval(this.sender);
    this.sender = undefined;
  }
}

export { SAMPLE_RATE as RTP_SAMPLE_RATE };
