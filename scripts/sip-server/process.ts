// Runs Kamailio processes for the project's scripts (the development server, scripts/sip-server/kamailio.ts,
// and the SIP edge, sip-edge/edge.ts): finding its modules, starting it in its own process group, waiting
// until it answers, and stopping it by PID.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { closeSync, existsSync, openSync, readdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

export class KamailioStartError extends Error {
  readonly code = 'KAMAILIO_START_FAILED';
  constructor(
    message: string,
    readonly logFile: string,
  ) {
    super(`${message}. Log: ${logFile}. Is kamailio installed? Run: npm run setup`);
    this.name = 'KamailioStartError';
  }
}

export function modulesDir(): string {
  const candidates = readdirSync('/usr/lib', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join('/usr/lib', d.name, 'kamailio/modules'))
    .concat(['/usr/lib/kamailio/modules', '/usr/local/lib64/kamailio/modules']);
  const found = candidates.find((dir) => existsSync(join(dir, 'websocket.so')));
  if (!found) throw new Error('Kamailio modules not found (websocket.so). Run: npm run setup');
  return found;
}

export function sipQuote(value: string): string {
  if (!/^[\w.\-+=/:@]+$/.test(value)) throw new Error(`Unsafe value for the Kamailio config: ${value}`);
  return value;
}

/** Sends SIP OPTIONS over UDP until Kamailio answers 200 (or the deadline passes). */
export async function waitForOptions(udpPort: number, deadline: number, host = '127.0.0.1'): Promise<void> {
  const socket = createSocket('udp4');
  await new Promise<void>((ok) => socket.bind(0, '127.0.0.1', ok));
  const { port: localPort } = socket.address();
  try {
    while (Date.now() < deadline) {
      const callId = randomBytes(8).toString('hex');
      const message = [
        `OPTIONS sip:${host}:${udpPort} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${localPort};branch=z9hG4bK${callId};rport`,
        'Max-Forwards: 70',
        `From: <sip:probe@127.0.0.1>;tag=${callId}`,
        `To: <sip:${host}:${udpPort}>`,
        `Call-ID: ${callId}`,
        'CSeq: 1 OPTIONS',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
      const answered = await new Promise<boolean>((ok) => {
        const timer = setTimeout(() => done(false), 150);
        const onMessage = (msg: Buffer) => {
          if (msg.toString().startsWith('SIP/2.0 200') && msg.includes(callId)) done(true);
        };
        const done = (value: boolean) => {
          clearTimeout(timer);
          socket.off('message', onMessage);
          ok(value);
        };
        socket.on('message', onMessage);
        socket.send(message, udpPort, host);
      });
      if (answered) return;
    }
    throw new Error(`no answer to OPTIONS on udp:127.0.0.1:${udpPort}`);
  } finally {
    socket.close();
  }
}

export async function waitForTcp(port: number, deadline: number, host = '127.0.0.1'): Promise<void> {
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((ok) => {
      const c = createConnection({ host, port }, () => {
        c.destroy();
        ok(true);
      });
      c.on('error', () => ok(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error(`TCP port ${port} never opened`);
}

/** Signals the process group led by the child (its PID), so forked workers stop with it. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok();
    else child.once('exit', () => ok());
  });
}

export interface KamailioLaunch {
  cfgFile: string;
  runDir: string;
  logFile: string;
  /** Ready once it answers OPTIONS on this UDP port and accepts connections on this TCP port. */
  udpPort: number;
  tcpPort: number;
  /** The address both listen on (default 127.0.0.1). */
  udpHost?: string;
  /** Shared and private memory, MB (default 64 and 8). */
  sharedMemoryMb?: number;
  privateMemoryMb?: number;
}

/** Starts Kamailio in the foreground in its own process group; resolves once it answers. */
export async function spawnKamailio(o: KamailioLaunch): Promise<ChildProcess> {
  const { logFile } = o;
  const log = openSync(logFile, 'a');
  const memory = [String(o.sharedMemoryMb ?? 64), '-M', String(o.privateMemoryMb ?? 8)];
  const proc = spawn('kamailio', ['-f', o.cfgFile, '-Y', o.runDir, '-DD', '-E', '-m', ...memory], {
    stdio: ['ignore', log, log],
    // Its own process group: Kamailio forks workers, and stopping must reach every one of them.
    detached: true,
  });
  closeSync(log);
  const spawnError = new Promise<never>((_, fail) =>
    proc.once('error', (e) =>
      fail(new KamailioStartError(`kamailio could not start (${e.message})`, logFile)),
    ),
  );
  const earlyExit = exited(proc).then(() => {
    throw new KamailioStartError(`kamailio exited during start (code ${proc.exitCode})`, logFile);
  });
  const deadline = Date.now() + 10_000;
  const ready = Promise.all([
    waitForOptions(o.udpPort, deadline, o.udpHost),
    waitForTcp(o.tcpPort, deadline, o.udpHost),
  ]);
  try {
    await Promise.race([ready, spawnError, earlyExit]);
  } catch (e) {
    killGroup(proc, 'SIGKILL');
    throw e instanceof KamailioStartError ? e : new KamailioStartError(String(e), logFile);
  }
  earlyExit.catch(() => undefined);
  // Never leave an orphan behind when the owning process exits without calling stop().
  const reap = () => killGroup(proc, 'SIGKILL');
  process.once('exit', reap);
  proc.once('exit', () => process.off('exit', reap));
  return proc;
}

/** SIGTERM to the process group, SIGKILL after 3 s; resolves when it exited. */
export async function stopKamailio(proc: ChildProcess): Promise<void> {
  killGroup(proc, 'SIGTERM');
  const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), 3000);
  await exited(proc);
  clearTimeout(timer);
}

/** The AORs with at least one contact and their contacts' addresses (kamcmd ul.dump; a few hundred at most). */
export async function readRegistrations(ctlSock: string): Promise<Map<string, string[]>> {
  const { stdout } = await promisify(execFile)('kamcmd', ['-s', `unix:${ctlSock}`, 'ul.dump'], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const result = new Map<string, string[]>();
  let aor: string | undefined;
  for (const line of stdout.split('\n')) {
    const a = /^\s*AoR:\s*(\S+)/.exec(line);
    if (a?.[1]) {
      aor = a[1];
      result.set(aor, []);
    }
    const c = /^\s*Address:\s*(\S+)/.exec(line);
    if (c?.[1] && aor) result.get(aor)?.push(c[1]);
  }
  return result;
}
