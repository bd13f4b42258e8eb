// Starts the project's Kamailio on free loopback ports and stops it by PID. The one helper used by the
// integration and browser tests, the workbench (`npm start`) and the benchmarks.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import type { DialingSettings } from '../../src/dialing';
import { readDialingSettings } from '../../src/dialing/read-dialing-settings';
import { freeTcpPort, freeUdpPort } from './ports';

const execFileAsync = promisify(execFile);
const TEMPLATE = resolve(__dirname, 'kamailio.cfg');

export type KamailioAuth =
  | { kind: 'none' }
  /** Digest authentication; each user's password. */
  | { kind: 'digest'; users: Record<string, string> }
  /** Time-limited HMAC credentials (`auth_ephemeral`), see {@link ephemeralCredentials}. */
  | { kind: 'ephemeral'; secret: string };

export interface KamailioOptions {
  /** The SIP domain users register in (default `softphone.test`). */
  domain?: string;
  auth?: KamailioAuth;
  /** rtpengine control socket (`host:port`) to bridge WebRTC and plain-RTP peers. */
  rtpengine?: string;
  /**
   * The dialog event package (RFC 4235): calls through the proxy publish their state, and a SUBSCRIBE
   * (Event: dialog) to a user gets NOTIFYs with application/dialog-info+xml. State in db_text files.
   */
  dialogEvents?: boolean;
  /**
   * The admin's dialing settings (the call center's): INVITEs to numbers their dial plan denies are
   * answered 403 by the server, whatever the browser decided. The browser is the agent's machine, so
   * its dial plan is a convenience; this is the control.
   */
  dialing?: DialingSettings;
  /** A label for the run directory and the kept log (e.g. the test file's name). */
  name?: string;
  /** Keep the configuration and log after stop (also when SOFTPHONE_KEEP_SIP_LOGS=1). */
  keepLog?: boolean;
}

export interface KamailioServer {
  readonly domain: string;
  /** `ws://127.0.0.1:<port>` for SIP over WebSocket. */
  readonly wsUrl: string;
  readonly wsPort: number;
  readonly udpPort: number;
  /** `sip:127.0.0.1:<udp port>` for UDP peers' outbound proxy. */
  readonly udpProxy: string;
  readonly pid: number;
  readonly runDir: string;
  readonly logFile: string;
  /** The AORs with at least one registered contact (read through kamcmd). */
  registrations(): Promise<Map<string, string[]>>;
  /** Kill and start again on the same ports (reconnection tests). */
  restart(): Promise<void>;
  /** Stop by PID; keeps the log when `keepLog` is true or `failed` says a test failed. */
  stop(opts?: { failed?: boolean }): Promise<void>;
  /** The last lines of Kamailio's log. */
  logTail(lines?: number): string;
}

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

/** `username`/`password` as Kamailio's auth_ephemeral expects: `<expiry>:<user>`, base64(HMAC-SHA1). */
export function ephemeralCredentials(secret: string, user: string, ttlSeconds = 3600, now = Date.now()) {
  const username = `${Math.floor(now / 1000) + ttlSeconds}:${user}`;
  const password = createHmac('sha1', secret).update(username).digest('base64');
  return { username, password };
}

function modulesDir(): string {
  const candidates = readdirSync('/usr/lib', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join('/usr/lib', d.name, 'kamailio/modules'))
    .concat(['/usr/lib/kamailio/modules', '/usr/local/lib64/kamailio/modules']);
  const found = candidates.find((dir) => existsSync(join(dir, 'websocket.so')));
  if (!found) throw new Error('Kamailio modules not found (websocket.so). Run: npm run setup');
  return found;
}

function sipQuote(value: string): string {
  if (!/^[\w.\-+=/:@]+$/.test(value)) throw new Error(`Unsafe value for the Kamailio config: ${value}`);
  return value;
}

/**
 * A POSIX regex for Kamailio matching a Request-URI user that dials one of the denied E.164 prefixes
 * ("+1900"), in the forms this server's OUTSIDE_LINE route reads: E.164 with "+", international with
 * "00"/"011" (after an outside-line "9"), and for NANP prefixes the national number with or without the
 * long-distance "1". No "$" anchor: Kamailio reads "$" as a variable, and a longer string is no number
 * anyway (refusing it errs on the safe side). Null when nothing is denied.
 */
export function denyPattern(dialing: DialingSettings): string | null {
  const read = readDialingSettings(dialing);
  if (!read.ok) throw new Error(`Dialing settings for the SIP server: ${read.message}`);
  const forms = read.settings.dialPlan.deny.flatMap((prefix) => {
    const digits = prefix.slice(1);
    const national = digits.startsWith('1') ? digits.slice(1) : undefined;
    return [
      `^[+]${digits}`,
      `^9?(00|011)${digits}`,
      ...(national !== undefined && national.length <= 10
        ? [`^9?1?${national}[0-9]{${10 - national.length}}`]
        : []),
    ];
  });
  return forms.length > 0 ? forms.join('|') : null;
}

function renderConfig(o: {
  domain: string;
  wsPort: number;
  udpPort: number;
  ctlSock: string;
  auth: KamailioAuth;
  rtpengine?: string;
  /** db_text directory, when the dialog event package is on. */
  dbDir?: string;
  deny?: string | null;
}): string {
  const header = [
    '#!KAMAILIO',
    `#!substdef "!WS_PORT!${o.wsPort}!g"`,
    `#!substdef "!UDP_PORT!${o.udpPort}!g"`,
    `#!substdef "!SIP_DOMAIN!${sipQuote(o.domain)}!g"`,
    `#!substdef "!CTL_SOCK!${o.ctlSock}!g"`,
    `#!substdef "!MODULES_DIR!${modulesDir()}!g"`,
  ];
  const footer: string[] = [];
  if (o.auth.kind === 'digest') {
    header.push('#!define WITH_AUTH');
    footer.push('event_route[htable:mod-init] {');
    for (const [user, password] of Object.entries(o.auth.users)) {
      footer.push(`\t$sht(users=>${sipQuote(user)}) = "${sipQuote(password)}";`);
    }
    footer.push('}');
  }
  if (o.auth.kind === 'ephemeral') {
    header.push('#!define WITH_EPHEMERAL', `#!substdef "!EPHEMERAL_SECRET!${sipQuote(o.auth.secret)}!g"`);
  }
  if (o.rtpengine) {
    header.push('#!define WITH_RTPENGINE', `#!substdef "!RTPENGINE_SOCK!${sipQuote(o.rtpengine)}!g"`);
  }
  if (o.dbDir) {
    header.push('#!define WITH_DIALOGINFO', `#!substdef "!DB_DIR!${sipQuote(o.dbDir)}!g"`);
  }
  if (o.deny) {
    // Built from digits only by denyPattern, so nothing in it can end the substdef ("!") or the string.
    header.push('#!define WITH_DENY_LIST', `#!substdef "!DENY_REGEX!${o.deny}!g"`);
  }
  const body = readFileSync(TEMPLATE, 'utf8').replace(/^#!KAMAILIO\n/, '');
  return `${header.join('\n')}\n${body}\n${footer.join('\n')}\n`;
}

/** Debian's db_text schema (kamailio-presence-modules' tables): the empty tables presence and pua use. */
const DBTEXT_SCHEMA = '/usr/share/kamailio/dbtext/kamailio';
const DIALOGINFO_TABLES = ['version', 'presentity', 'active_watchers', 'watchers', 'xcap', 'pua'];

function createDialogInfoTables(runDir: string): string {
  const dbDir = join(runDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  for (const table of DIALOGINFO_TABLES) {
    const schema = join(DBTEXT_SCHEMA, table);
    if (!existsSync(schema))
      throw new Error(`Kamailio db_text schema missing: ${schema}. Run: npm run setup`);
    copyFileSync(schema, join(dbDir, table));
  }
  return dbDir;
}

/** Sends SIP OPTIONS over UDP until Kamailio answers 200 (or the deadline passes). */
async function waitForOptions(udpPort: number, deadline: number): Promise<void> {
  const socket = createSocket('udp4');
  await new Promise<void>((ok) => socket.bind(0, '127.0.0.1', ok));
  const { port: localPort } = socket.address();
  try {
    while (Date.now() < deadline) {
      const callId = randomBytes(8).toString('hex');
      const message = [
        `OPTIONS sip:127.0.0.1:${udpPort} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${localPort};branch=z9hG4bK${callId};rport`,
        'Max-Forwards: 70',
        `From: <sip:probe@127.0.0.1>;tag=${callId}`,
        `To: <sip:127.0.0.1:${udpPort}>`,
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
        socket.send(message, udpPort, '127.0.0.1');
      });
      if (answered) return;
    }
    throw new Error(`no answer to OPTIONS on udp:127.0.0.1:${udpPort}`);
  } finally {
    socket.close();
  }
}

async function waitForTcp(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((ok) => {
      const c = createConnection({ host: '127.0.0.1', port }, () => {
        c.destroy();
        ok(true);
      });
      c.on('error', () => ok(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error(`WebSocket port ${port} never opened`);
}

/** Signals the process group led by the child (its PID), so forked workers stop with it. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok();
    else child.once('exit', () => ok());
  });
}

export async function startKamailio(options: KamailioOptions = {}): Promise<KamailioServer> {
  const domain = options.domain ?? 'softphone.test';
  const auth = options.auth ?? { kind: 'none' };
  const label = (options.name ?? 'kamailio').replace(/[^\w.-]+/g, '-');
  const runDir = join(tmpdir(), `softphone-sip-${label}-${process.pid}-${randomBytes(3).toString('hex')}`);
  mkdirSync(runDir, { recursive: true });
  const logFile = join(runDir, 'kamailio.log');
  const cfgFile = join(runDir, 'kamailio.cfg');
  const ctlSock = join(runDir, 'kamailio.ctl');
  const wsPort = await freeTcpPort();
  const udpPort = await freeUdpPort();
  const dbDir = options.dialogEvents ? createDialogInfoTables(runDir) : undefined;
  writeFileSync(
    cfgFile,
    renderConfig({
      domain,
      wsPort,
      udpPort,
      ctlSock,
      auth,
      rtpengine: options.rtpengine,
      dbDir,
      deny: options.dialing ? denyPattern(options.dialing) : null,
    }),
  );

  let child: ChildProcess | undefined;

  async function launch(): Promise<void> {
    const log = openSync(logFile, 'a');
    const proc = spawn('kamailio', ['-f', cfgFile, '-Y', runDir, '-DD', '-E', '-m', '64', '-M', '8'], {
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
    const ready = Promise.all([waitForOptions(udpPort, deadline), waitForTcp(wsPort, deadline)]);
    try {
      await Promise.race([ready, spawnError, earlyExit]);
    } catch (e) {
      killGroup(proc, 'SIGKILL');
      throw e instanceof KamailioStartError ? e : new KamailioStartError(String(e), logFile);
    }
    earlyExit.catch(() => undefined);
    child = proc;
    // Never leave an orphan behind when the owning process exits without calling stop().
    const reap = () => killGroup(proc, 'SIGKILL');
    process.once('exit', reap);
    proc.once('exit', () => process.off('exit', reap));
  }

  async function kill(): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc?.pid) return;
    killGroup(proc, 'SIGTERM');
    const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), 3000);
    await exited(proc);
    clearTimeout(timer);
  }

  await launch();

  const server: KamailioServer = {
    domain,
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    wsPort,
    udpPort,
    udpProxy: `sip:127.0.0.1:${udpPort}`,
    get pid() {
      return child?.pid ?? -1;
    },
    runDir,
    logFile,
    async registrations() {
      const { stdout } = await execFileAsync('kamcmd', ['-s', `unix:${ctlSock}`, 'ul.dump']);
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
    },
    async restart() {
      await kill();
      await launch();
    },
    async stop(opts = {}) {
      await kill();
      const keep = options.keepLog || opts.failed || process.env.SOFTPHONE_KEEP_SIP_LOGS === '1';
      if (!keep) rmSync(runDir, { recursive: true, force: true });
    },
    logTail(lines = 60) {
      if (!existsSync(logFile)) return '';
      return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    },
  };
  return server;
}
