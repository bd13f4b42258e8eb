// baresip (Debian baresip-core 1.0) as an independent SIP peer for tests: a headless user agent with a
// generated configuration, registered to the project's Kamailio over UDP, driven over ctrl_tcp
// (netstring JSON), playing a tone or a WAV file and recording what it hears (sndfile).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KamailioServer } from '../../scripts/sip-server/kamailio';
import { freeTcpPort, freeUdpPort } from '../../scripts/sip-server/ports';
import { currentFileHasFailed } from './test-failed';

const MODULES_DIR = process.env.BARESIP_MODULES ?? '/usr/lib/baresip/modules';

/** The ua events ctrl_tcp forwards (baresip 1.0 names). */
export type BaresipEventType =
  | 'REGISTERING'
  | 'REGISTER_OK'
  | 'REGISTER_FAIL'
  | 'UNREGISTERING'
  | 'SHUTDOWN'
  | 'CALL_INCOMING'
  | 'CALL_RINGING'
  | 'CALL_PROGRESS'
  | 'CALL_ESTABLISHED'
  | 'CALL_CLOSED'
  | 'CALL_DTMF_START'
  | 'CALL_DTMF_END'
  | 'CALL_RTPESTAB'
  | 'CALL_RTCP'
  | 'CALL_MENC'
  | 'CALL_LOCAL_SDP'
  | 'CALL_REMOTE_SDP'
  | 'AUDIO_ERROR'
  | 'VU_TX_REPORT'
  | 'VU_RX_REPORT'
  | 'MWI_NOTIFY';

/** One event as ctrl_tcp sends it: `{event: true, type, class, accountaor, ...}`. */
export interface BaresipEvent {
  type: BaresipEventType | (string & {});
  class?: string;
  accountaor?: string;
  direction?: 'incoming' | 'outgoing';
  peeruri?: string;
  peerdisplayname?: string;
  /** The SIP Call-ID of the call the event is about. */
  id?: string;
  /** Event detail: the key of CALL_DTMF_START, the reason of CALL_CLOSED, ... */
  param?: string;
  /** Milliseconds since the helper started, when the event arrived. */
  at: number;
}

export interface BaresipResponse {
  ok: boolean;
  data: string;
}

export interface ReceivedAudio {
  file: string;
  seconds: number;
  /** RMS of the 16-bit samples: PCMU silence decodes to < 10, a tone or a voice to hundreds or more. */
  rms: number;
}

export interface BaresipOptions {
  /** The SIP server baresip registers to (UDP, its port as outbound proxy). */
  sip: Pick<KamailioServer, 'domain' | 'udpPort'>;
  user: string;
  /** Digest password (with `authUser` for ephemeral credentials); none: register without auth. */
  password?: string;
  /** Digest username when it differs from `user` (ephemeral credentials: `<expiry>:<user>`). */
  authUser?: string;
  /** `auto` answers every call at once; `manual` waits for accept(). Default `auto`. */
  answerMode?: 'auto' | 'manual';
  /** What baresip sends: a sine tone (Hz) or a WAV file (S16LE, 8 kHz mono). Default 440 Hz tone. */
  audio?: { tone: number } | { wav: string };
  /** Audio codecs offered and accepted (baresip module names). Default `['g711']` (PCMU, PCMA). */
  codecs?: ('g711' | 'opus' | 'g722')[];
  /** Record received (and sent) audio to WAV files with sndfile. Default true. */
  record?: boolean;
  /** Print every SIP message in the log (`-s`). Default true. */
  sipTrace?: boolean;
  /** A label for the run directory. */
  name?: string;
  /** Keep the run directory after stop (also when SOFTPHONE_KEEP_SIP_LOGS=1). */
  keepLog?: boolean;
  /** Resolve startBaresip() only once registered (default true); false returns at once. */
  awaitRegistration?: boolean;
}

export interface WaitOptions {
  timeoutMs?: number;
  match?: (event: BaresipEvent) => boolean;
  /** Also accept an event that already arrived (default true). */
  includePast?: boolean;
}

export interface Baresip {
  readonly aor: string;
  readonly pid: number;
  readonly sipPort: number;
  readonly ctrlPort: number;
  readonly runDir: string;
  readonly logFile: string;
  readonly recordingsDir: string;
  /** Every event received so far, in order. */
  readonly events: readonly BaresipEvent[];
  /** Sends a ctrl_tcp command (a menu long command) and waits for its response. */
  command(command: string, params?: string, timeoutMs?: number): Promise<BaresipResponse>;
  /** Creates the account's user agent again (`uanew`) and waits for REGISTER_OK: the newest contact. */
  register(): Promise<void>;
  /** Deletes the account's user agent (`uadel`): baresip unregisters and can no longer be called. */
  unregister(): Promise<void>;
  dial(uri: string): Promise<void>;
  accept(): Promise<void>;
  hangup(): Promise<void>;
  /** Puts the current call on hold (re-INVITE with a=sendonly). */
  hold(): Promise<void>;
  resume(): Promise<void>;
  /** Sends digits as RFC 4733 telephone-events on the current call (menu command `sndcode`). */
  sendDtmf(digits: string): Promise<void>;
  /** The menu's call status text (`callstat`). */
  callStatus(): Promise<string>;
  /** The menu's registration text (`reginfo`). */
  registrationInfo(): Promise<string>;
  /** Listens to every future event; returns the unsubscribe function. */
  onEvent(listener: (event: BaresipEvent) => void): () => void;
  /** The first event of `type` (already received or future) matching `match`. */
  waitFor(type: BaresipEventType, options?: WaitOptions): Promise<BaresipEvent>;
  /** Forgets recorded events (so that waitFor only sees later ones). */
  clearEvents(): void;
  /** Recorded WAV files of received audio (sndfile `-dec.wav`), oldest first. */
  receivedRecordings(): string[];
  /** Length and loudness of the latest recording of received audio (after CALL_CLOSED). */
  receivedAudio(): ReceivedAudio | undefined;
  logTail(lines?: number): string;
  /** Stops baresip by PID; keeps the run directory when `failed` or `keepLog`. */
  stop(opts?: { failed?: boolean }): Promise<void>;
}

export class BaresipStartError extends Error {
  readonly code = 'BARESIP_START_FAILED';
  constructor(
    message: string,
    readonly logFile: string,
    readonly logTail = '',
  ) {
    super(
      `${message}. Log: ${logFile}. Is baresip installed? Run: npm run setup${logTail ? `\n${logTail}` : ''}`,
    );
    this.name = 'BaresipStartError';
  }
}

/** A SIP port whose UDP and TCP are free and whose TCP port + 1 (baresip's TLS listener) is free too. */
async function freeSipPort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freeUdpPort();
    if (port >= 65535) continue;
    if ((await tcpPortFree(port)) && (await tcpPortFree(port + 1))) return port;
  }
  throw new Error('no free SIP port pair for baresip');
}

function tcpPortFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const server = createServer();
    server.once('error', () => ok(false));
    server.listen(port, '127.0.0.1', () => server.close(() => ok(true)));
  });
}

function configText(o: {
  sipPort: number;
  ctrlPort: number;
  rtpPorts: string;
  audio: NonNullable<BaresipOptions['audio']>;
  codecs: string[];
  record: boolean;
  recordingsDir: string;
}): string {
  if ('wav' in o.audio && /[\s,]/.test(o.audio.wav)) {
    throw new Error(`baresip cannot read a WAV path with spaces or commas: ${o.audio.wav}`);
  }
  const source = 'tone' in o.audio ? `ausine,${o.audio.tone}` : `aufile,${o.audio.wav}`;
  // ausine only produces 48 kHz stereo; aufile needs the file's own format (8 kHz mono is expected).
  const sourceFormat =
    'tone' in o.audio
      ? ['ausrc_srate\t\t48000', 'ausrc_channels\t\t2']
      : ['ausrc_srate\t\t8000', 'ausrc_channels\t\t1'];
  return [
    'poll_method\t\tepoll',
    `sip_listen\t\t127.0.0.1:${o.sipPort}`,
    'net_interface\t\t127.0.0.1',
    'dns_server\t\t127.0.0.1:53',
    'call_local_timeout\t120',
    'call_max_calls\t\t4',
    `audio_source\t\t${source}`,
    ...sourceFormat,
    // aubridge with no matching source: a player that accepts and discards audio (no sound card).
    'audio_player\t\taubridge,nil',
    'audio_alert\t\taubridge,nil',
    `rtp_ports\t\t${o.rtpPorts}`,
    'rtp_timeout\t\t0',
    `module_path\t\t${MODULES_DIR}`,
    ...o.codecs.map((c) => `module\t\t\t${c}.so`),
    'module\t\t\tausine.so',
    'module\t\t\taufile.so',
    'module\t\t\taubridge.so',
    ...(o.record ? ['module\t\t\tsndfile.so', `snd_path\t\t${o.recordingsDir}`] : []),
    'module_app\t\taccount.so',
    'module_app\t\tmenu.so',
    'module_app\t\tctrl_tcp.so',
    `ctrl_tcp_listen\t\t127.0.0.1:${o.ctrlPort}`,
    '',
  ].join('\n');
}

function accountParam(name: string, value: string): string {
  if (/[;\s"<>]/.test(value)) throw new Error(`Unsafe value for a baresip account ${name}: ${value}`);
  return `;${name}=${value}`;
}

function accountLine(o: BaresipOptions): string {
  if (!/^[\w.+-]+$/.test(o.user)) throw new Error(`Unsafe baresip user: ${o.user}`);
  let line = `<sip:${o.user}@${o.sip.domain}>`;
  if (o.password !== undefined) {
    line += accountParam('auth_user', o.authUser ?? o.user) + accountParam('auth_pass', o.password);
  }
  line += `;outbound="sip:127.0.0.1:${o.sip.udpPort}"`;
  line += accountParam('answermode', o.answerMode ?? 'auto');
  line += ';regint=300;ptime=20';
  return `${line}\n`;
}

/** Netstring framing (`<len>:<bytes>,`) of ctrl_tcp. */
export function encodeNetstring(payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length}:`), body, Buffer.from(',')]);
}

/** Splits complete netstrings off `buffer`; returns them and the unconsumed rest. */
export function decodeNetstrings(buffer: Buffer): { messages: string[]; rest: Buffer } {
  const messages: string[] = [];
  let rest = buffer;
  for (;;) {
    const colon = rest.indexOf(':');
    if (colon < 0) break;
    const length = Number(rest.subarray(0, colon).toString());
    if (!Number.isInteger(length)) throw new Error(`bad netstring from ctrl_tcp: ${rest.toString()}`);
    if (rest.length < colon + 1 + length + 1) break;
    messages.push(rest.subarray(colon + 1, colon + 1 + length).toString('utf8'));
    rest = rest.subarray(colon + 1 + length + 1);
  }
  return { messages, rest };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok();
    else child.once('exit', () => ok());
  });
}

function connectCtrl(port: number, deadline: number): Promise<Socket> {
  return new Promise((ok, fail) => {
    const attempt = () => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => ok(socket));
      socket.once('error', (e) => {
        socket.destroy();
        if (Date.now() > deadline) fail(e);
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

export async function startBaresip(options: BaresipOptions): Promise<Baresip> {
  const label = (options.name ?? options.user).replace(/[^\w.-]+/g, '-');
  const runDir = join(
    tmpdir(),
    `softphone-baresip-${label}-${process.pid}-${randomBytes(3).toString('hex')}`,
  );
  const recordingsDir = join(runDir, 'recordings');
  mkdirSync(recordingsDir, { recursive: true });
  const logFile = join(runDir, 'baresip.log');
  // The account is created over ctrl_tcp once connected (`uanew`), so that REGISTER_OK reaches us.
  writeFileSync(join(runDir, 'accounts'), '');
  writeFileSync(join(runDir, 'contacts'), '');
  const started = Date.now();
  const aor = `sip:${options.user}@${options.sip.domain}`;

  let child: ChildProcess | undefined;
  let ctrl: Socket | undefined;
  let sipPort = 0;
  let ctrlPort = 0;
  const events: BaresipEvent[] = [];
  const listeners = new Set<(event: BaresipEvent) => void>();
  const pending = new Map<string, (response: BaresipResponse) => void>();
  let nextToken = 1;

  const onMessage = (text: string) => {
    const message = JSON.parse(text) as Record<string, unknown>;
    if (message.event === true) {
      const { event: _flag, ...fields } = message;
      const event = { ...fields, at: Date.now() - started } as BaresipEvent;
      events.push(event);
      for (const listener of [...listeners]) listener(event);
    } else if (message.response === true && typeof message.token === 'string') {
      pending.get(message.token)?.({ ok: message.ok === true, data: String(message.data ?? '') });
      pending.delete(message.token);
    }
  };

  const logTail = (lines = 60) =>
    existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n') : '';

  // Port choices can race with other processes: try a few times.
  for (let attempt = 1; ; attempt++) {
    sipPort = await freeSipPort();
    do ctrlPort = await freeTcpPort();
    while (ctrlPort === sipPort || ctrlPort === sipPort + 1);
    const rtpBase = 10_000 + 2 * Math.floor(Math.random() * 9_000);
    writeFileSync(
      join(runDir, 'config'),
      configText({
        sipPort,
        ctrlPort,
        rtpPorts: `${rtpBase}-${rtpBase + 999}`,
        audio: options.audio ?? { tone: 440 },
        codecs: options.codecs ?? ['g711'],
        record: options.record ?? true,
        recordingsDir,
      }),
    );
    const log = openSync(logFile, 'a');
    const args = ['-f', runDir, ...(options.sipTrace === false ? [] : ['-s'])];
    const proc = spawn('baresip', args, { stdio: ['ignore', log, log] });
    closeSync(log);
    const reap = () => proc.kill('SIGKILL');
    process.once('exit', reap);
    proc.once('exit', () => process.off('exit', reap));
    try {
      const spawnError = new Promise<never>((_, fail) => proc.once('error', fail));
      const earlyExit = exited(proc).then(() => {
        throw new Error(`baresip exited during start (code ${proc.exitCode})`);
      });
      earlyExit.catch(() => undefined);
      ctrl = await Promise.race([connectCtrl(ctrlPort, Date.now() + 5000), spawnError, earlyExit]);
      child = proc;
      break;
    } catch (e) {
      proc.kill('SIGKILL');
      await exited(proc);
      if (attempt >= 3) {
        throw new BaresipStartError(
          `baresip did not start: ${e instanceof Error ? e.message : String(e)}`,
          logFile,
          logTail(20),
        );
      }
    }
  }

  let buffered: Buffer = Buffer.alloc(0);
  ctrl.on('data', (chunk: Buffer) => {
    const { messages, rest } = decodeNetstrings(Buffer.concat([buffered, chunk]));
    buffered = rest;
    for (const message of messages) onMessage(message);
  });
  ctrl.on('error', () => undefined);

  const command = (name: string, params?: string, timeoutMs = 5000): Promise<BaresipResponse> => {
    const socket = ctrl;
    if (!socket || socket.destroyed) return Promise.reject(new Error('baresip control connection closed'));
    const token = String(nextToken++);
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => {
        pending.delete(token);
        fail(new Error(`baresip: no response to "${name}" within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(token, (response) => {
        clearTimeout(timer);
        ok(response);
      });
      socket.write(encodeNetstring(JSON.stringify({ command: name, params: params ?? '', token })));
    });
  };

  const checked = async (name: string, params?: string): Promise<string> => {
    const response = await command(name, params);
    if (!response.ok)
      throw new Error(`baresip refused "${name}${params ? ` ${params}` : ''}": ${response.data}`);
    return response.data;
  };

  // Resolves on REGISTER_OK; a REGISTER_FAIL (wrong password, no server) is an error that says so.
  const register = async (): Promise<void> => {
    const outcome = new Promise<BaresipEvent>((ok, fail) => {
      const timer = setTimeout(() => {
        listeners.delete(listener);
        fail(new Error(`baresip ${options.user}: no answer to REGISTER within 5 s (is the SIP server up?)`));
      }, 5000);
      const listener = (event: BaresipEvent) => {
        if (event.type !== 'REGISTER_OK' && event.type !== 'REGISTER_FAIL') return;
        clearTimeout(timer);
        listeners.delete(listener);
        ok(event);
      };
      listeners.add(listener);
    });
    await checked('uanew', accountLine(options).trim());
    const event = await outcome;
    if (event.type === 'REGISTER_FAIL') {
      throw new Error(`baresip ${options.user} could not register: ${event.param ?? ''}. Check its password`);
    }
  };
  const registered = register();
  if (options.awaitRegistration !== false) await registered;
  else registered.catch(() => undefined);

  const baresip: Baresip = {
    aor,
    get pid() {
      return child?.pid ?? -1;
    },
    sipPort,
    ctrlPort,
    runDir,
    logFile,
    recordingsDir,
    events,
    command,
    async register() {
      await register();
    },
    async unregister() {
      await checked('uadel', aor);
    },
    async dial(uri) {
      await checked('dial', uri);
    },
    async accept() {
      await checked('accept');
    },
    async hangup() {
      await checked('hangup');
    },
    async hold() {
      await checked('hold');
    },
    async resume() {
      await checked('resume');
    },
    async sendDtmf(digits) {
      if (!/^[0-9*#A-D]+$/.test(digits)) throw new Error(`Not DTMF digits: ${digits}`);
      await checked('sndcode', digits);
    },
    callStatus: () => checked('callstat'),
    registrationInfo: () => checked('reginfo'),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    waitFor(type, { timeoutMs = 5000, match = () => true, includePast = true } = {}) {
      const matches = (e: BaresipEvent) => e.type === type && match(e);
      const seen = includePast ? events.find(matches) : undefined;
      if (seen) return Promise.resolve(seen);
      return new Promise((ok, fail) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          const saw = events.map((e) => e.type).join(', ') || 'nothing';
          fail(new Error(`baresip ${options.user}: no ${type} within ${timeoutMs} ms; saw ${saw}`));
        }, timeoutMs);
        const listener = (event: BaresipEvent) => {
          if (!matches(event)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          ok(event);
        };
        listeners.add(listener);
      });
    },
    clearEvents() {
      events.length = 0;
    },
    receivedRecordings() {
      if (!existsSync(recordingsDir)) return [];
      return readdirSync(recordingsDir)
        .filter((f) => f.endsWith('-dec.wav'))
        .map((f) => join(recordingsDir, f))
        .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
    },
    receivedAudio() {
      const file = this.receivedRecordings().at(-1);
      if (!file) return undefined;
      const { sampleRate, samples } = readWav(file);
      return { file, seconds: sampleRate ? samples.length / sampleRate : 0, rms: rms(samples) };
    },
    logTail,
    async stop(opts = {}) {
      ctrl?.destroy();
      ctrl = undefined;
      for (const [token, resolve] of pending) {
        pending.delete(token);
        resolve({ ok: false, data: 'stopped' });
      }
      const proc = child;
      child = undefined;
      if (proc) {
        // SIGTERM lets baresip unregister; it gets a short grace period only.
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 1500);
        await exited(proc);
        clearTimeout(timer);
      }
      const keep = options.keepLog || opts.failed || process.env.SOFTPHONE_KEEP_SIP_LOGS === '1';
      if (!keep) rmSync(runDir, { recursive: true, force: true });
    },
  };
  return baresip;
}

/** Starts baresip for one test file (after the SIP server is up) and stops it afterwards. */
export function useBaresip(options: () => BaresipOptions): () => Baresip {
  let peer: Baresip | undefined;
  beforeAll(async () => {
    peer = await startBaresip(options());
  });
  afterAll(async () => {
    const failed = currentFileHasFailed();
    if (peer && failed) {
      process.stderr.write(`\nbaresip log kept at ${peer.logFile}; last lines:\n${peer.logTail(80)}\n`);
    }
    await peer?.stop({ failed });
  });
  return () => {
    if (!peer) throw new Error('baresip is not running (beforeAll failed?)');
    return peer;
  };
}

/** 16-bit PCM samples of a WAV file (first channel), and its sample rate. */
export function readWav(path: string): { sampleRate: number; channels: number; samples: Int16Array } {
  const data = readFileSync(path);
  if (data.toString('ascii', 0, 4) !== 'RIFF' || data.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${path} is not a WAV file`);
  }
  let offset = 12;
  let sampleRate = 0;
  let channels = 1;
  while (offset + 8 <= data.length) {
    const id = data.toString('ascii', offset, offset + 4);
    const size = data.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      channels = data.readUInt16LE(offset + 10);
      sampleRate = data.readUInt32LE(offset + 12);
    }
    if (id === 'data') {
      // A file still being written has no final size yet: read to the end.
      const end = size > 0 && offset + 8 + size <= data.length ? offset + 8 + size : data.length;
      const body = data.subarray(offset + 8, end - ((end - offset - 8) % (2 * channels)));
      const all = new Int16Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.length));
      const samples = new Int16Array(Math.floor(all.length / channels));
      for (let i = 0; i < samples.length; i++) samples[i] = all[i * channels] ?? 0;
      return { sampleRate, channels, samples };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error(`${path} has no data chunk`);
}

/** Root mean square of 16-bit samples, 0..32767 (silence ~0). */
export function rms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / samples.length);
}
