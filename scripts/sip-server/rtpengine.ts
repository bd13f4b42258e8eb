// rtpengine (Debian rtpengine-daemon, userspace only) as the media relay between WebRTC browsers and
// plain-RTP peers: started on loopback with free ports, stopped by PID. Used by the test fixture
// (test/support/rtpengine.ts) and the SIP edge's starter (sip-edge/edge.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeUdpPort } from './ports';

export interface RtpengineOptions {
  /** A label for the run directory. */
  name?: string;
  /** How many RTP ports to reserve (even number; default 200). */
  portCount?: number;
  /** The address media is relayed on (default 127.0.0.1; the host's public address in production). */
  interface?: string;
  /** Log level 0-7 (default 6: info, which includes each offer/answer). */
  logLevel?: number;
  keepLog?: boolean;
}

export interface Rtpengine {
  readonly pid: number;
  /** `127.0.0.1:<port>` of the ng control protocol, as Kamailio's `rtpengine` option expects. */
  readonly ngSocket: string;
  readonly ngPort: number;
  readonly portMin: number;
  readonly portMax: number;
  readonly runDir: string;
  readonly logFile: string;
  /** Sends an ng command (bencoded dictionary of strings) and returns the decoded reply. */
  ng(command: Record<string, string>): Promise<Record<string, unknown>>;
  logTail(lines?: number): string;
  stop(opts?: { failed?: boolean }): Promise<void>;
}

export class RtpengineStartError extends Error {
  readonly code = 'RTPENGINE_START_FAILED';
  constructor(
    message: string,
    readonly logFile: string,
  ) {
    super(`${message}. Log: ${logFile}. Is rtpengine-daemon installed? Run: npm run setup`);
    this.name = 'RtpengineStartError';
  }
}

/** Bencode of a flat dictionary of strings (all that ping/query need). */
export function bencode(dict: Record<string, string>): string {
  const keys = Object.keys(dict).sort();
  const str = (s: string) => `${Buffer.byteLength(s)}:${s}`;
  return `d${keys.map((k) => str(k) + str(dict[k] ?? '')).join('')}e`;
}

/** Decodes a bencoded value (dictionaries, lists, integers, strings). */
export function bdecode(text: Buffer): unknown {
  let i = 0;
  const value = (): unknown => {
    const c = String.fromCharCode(text[i] ?? 0);
    if (c === 'd') {
      i++;
      const out: Record<string, unknown> = {};
      while (text[i] !== 0x65) {
        const key = value() as string;
        out[key] = value();
      }
      i++;
      return out;
    }
    if (c === 'l') {
      i++;
      const out: unknown[] = [];
      while (text[i] !== 0x65) out.push(value());
      i++;
      return out;
    }
    if (c === 'i') {
      const end = text.indexOf(0x65, i);
      const n = Number(text.subarray(i + 1, end).toString());
      i = end + 1;
      return n;
    }
    const colon = text.indexOf(0x3a, i);
    if (colon < 0) throw new Error(`bad bencode at ${i}`);
    const length = Number(text.subarray(i, colon).toString());
    const s = text.subarray(colon + 1, colon + 1 + length).toString('utf8');
    i = colon + 1 + length;
    return s;
  };
  return value();
}

function ngRequest(port: number, command: Record<string, string>, timeoutMs: number) {
  return new Promise<Record<string, unknown>>((ok, fail) => {
    const socket = createSocket('udp4');
    const cookie = randomBytes(6).toString('hex');
    const timer = setTimeout(() => {
      socket.close();
      fail(new Error(`rtpengine: no answer to ${command.command ?? '?'} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('message', (msg) => {
      const space = msg.indexOf(0x20);
      if (msg.subarray(0, space).toString() !== cookie) return;
      clearTimeout(timer);
      socket.close();
      ok(bdecode(msg.subarray(space + 1)) as Record<string, unknown>);
    });
    socket.on('error', () => undefined);
    socket.send(`${cookie} ${bencode(command)}`, port, '127.0.0.1');
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok();
    else child.once('exit', () => ok());
  });
}

/** A random even-aligned block of ports in 40000-59999, each one free when probed. */
async function freePortRange(count: number): Promise<[number, number]> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const min = 40_000 + 2 * Math.floor(Math.random() * ((20_000 - count) / 2));
    const probes = [min, min + 1, min + Math.floor(count / 2), min + count - 1];
    const free = await Promise.all(probes.map((p) => udpPortFree(p)));
    if (free.every(Boolean)) return [min, min + count - 1];
  }
  throw new Error('no free RTP port range for rtpengine');
}

function udpPortFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = createSocket('udp4');
    socket.once('error', () => ok(false));
    socket.bind(port, '127.0.0.1', () => socket.close(() => ok(true)));
  });
}

export async function startRtpengine(options: RtpengineOptions = {}): Promise<Rtpengine> {
  const label = (options.name ?? 'rtpengine').replace(/[^\w.-]+/g, '-');
  const runDir = join(
    tmpdir(),
    `softphone-rtpengine-${label}-${process.pid}-${randomBytes(3).toString('hex')}`,
  );
  mkdirSync(runDir, { recursive: true });
  const logFile = join(runDir, 'rtpengine.log');
  const ngPort = await freeUdpPort();
  const [portMin, portMax] = await freePortRange(options.portCount ?? 200);
  const proc = spawnRtpengine(rtpengineArgs(options, ngPort, portMin, portMax), logFile);
  await whenReady(proc, ngPort, logFile);

  let child: ChildProcess | undefined = proc;
  return {
    get pid() {
      return child?.pid ?? -1;
    },
    ngSocket: `127.0.0.1:${ngPort}`,
    ngPort,
    portMin,
    portMax,
    runDir,
    logFile,
    ng: (command) => ngRequest(ngPort, command, 2000),
    logTail(lines = 60) {
      if (!existsSync(logFile)) return '';
      return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    },
    async stop(opts = {}) {
      const running = child;
      child = undefined;
      if (running) await terminate(running);
      const keep = options.keepLog || opts.failed || process.env.SOFTPHONE_KEEP_SIP_LOGS === '1';
      if (!keep) rmSync(runDir, { recursive: true, force: true });
    },
  };
}

function rtpengineArgs(options: RtpengineOptions, ngPort: number, portMin: number, portMax: number) {
  return [
    // Debian's /etc/rtpengine/rtpengine.conf asks for the kernel module and fixed ports: ignore it.
    '--config-file=none',
    '--table=-1',
    `--interface=${options.interface ?? '127.0.0.1'}`,
    `--listen-ng=127.0.0.1:${ngPort}`,
    `--port-min=${portMin}`,
    `--port-max=${portMax}`,
    '--foreground',
    '--log-stderr',
    `--log-level=${options.logLevel ?? 6}`,
    '--num-threads=2',
    '--delete-delay=0',
  ];
}

/** rtpengine in the foreground, logging to `logFile`, killed if this process exits first. */
function spawnRtpengine(args: string[], logFile: string): ChildProcess {
  const log = openSync(logFile, 'a');
  const proc = spawn('rtpengine', args, { stdio: ['ignore', log, log] });
  closeSync(log);
  const reap = () => proc.kill('SIGKILL');
  process.once('exit', reap);
  proc.once('exit', () => process.off('exit', reap));
  return proc;
}

/** Resolves once rtpengine answers ping; kills it and fails if it cannot start, exits, or stays silent 5 s. */
async function whenReady(proc: ChildProcess, ngPort: number, logFile: string): Promise<void> {
  const spawnError = new Promise<never>((_, fail) =>
    proc.once('error', (e) =>
      fail(new RtpengineStartError(`rtpengine could not start (${e.message})`, logFile)),
    ),
  );
  const earlyExit = exited(proc).then(() => {
    throw new RtpengineStartError(`rtpengine exited during start (code ${proc.exitCode})`, logFile);
  });
  earlyExit.catch(() => undefined);
  let starting = true;
  const ready = (async () => {
    const deadline = Date.now() + 5000;
    while (starting) {
      const reply = await ngRequest(ngPort, { command: 'ping' }, 200).catch(() => undefined);
      if (reply?.result === 'pong') return;
      if (Date.now() > deadline) throw new RtpengineStartError('rtpengine never answered ping', logFile);
    }
  })();
  try {
    await Promise.race([ready, spawnError, earlyExit]);
  } catch (e) {
    proc.kill('SIGKILL');
    await exited(proc);
    throw e;
  } finally {
    starting = false;
  }
}

/** SIGTERM, then SIGKILL if it is still running 3 s later. */
async function terminate(running: ChildProcess): Promise<void> {
  running.kill('SIGTERM');
  const timer = setTimeout(() => running.kill('SIGKILL'), 3000);
  await exited(running);
  clearTimeout(timer);
}
