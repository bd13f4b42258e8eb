// Starts the project's Kamailio on free loopback ports and stops it by PID. The one helper used by the
// integration and browser tests, the workbench (`npm start`) and the benchmarks.
import type { ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { DialingSettings } from '../../src/dialing';
import { readDialingSettings } from '../../src/dialing/read-dialing-settings';
import { freeTcpPort, freeUdpPort } from './ports';
import { modulesDir, readRegistrations, sipQuote, spawnKamailio, stopKamailio } from './process';

export { KamailioStartError } from './process';

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
  /**
   * The registrar's bounds on a registration's expiry, in seconds (default 10..3600): a REGISTER asking for
   * more is granted `maxExpires`, so phones refresh that often (tests of lifetimes shorten it).
   */
  registrar?: { minExpires?: number; maxExpires?: number };
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

/** `username`/`password` as Kamailio's auth_ephemeral expects: `<expiry>:<user>`, base64(HMAC-SHA1). */
export function ephemeralCredentials(secret: string, user: string, ttlSeconds = 3600, now = Date.now()) {
  const username = `${Math.floor(now / 1000) + ttlSeconds}:${user}`;
  const password = createHmac('sha1', secret).update(username).digest('base64');
  return { username, password };
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
  registrar?: KamailioOptions['registrar'];
  deny?: string | null;
}): string {
  const minExpires = o.registrar?.minExpires ?? 10;
  const maxExpires = o.registrar?.maxExpires ?? 3600;
  if (![minExpires, maxExpires].every(Number.isInteger) || minExpires < 1 || maxExpires < minExpires) {
    throw new Error(
      `Registrar expiry bounds must be whole seconds, 1 ≤ min ≤ max (got ${minExpires}..${maxExpires})`,
    );
  }
  const header = [
    '#!KAMAILIO',
    `#!substdef "!WS_PORT!${o.wsPort}!g"`,
    `#!substdef "!UDP_PORT!${o.udpPort}!g"`,
    `#!substdef "!SIP_DOMAIN!${sipQuote(o.domain)}!g"`,
    `#!substdef "!CTL_SOCK!${o.ctlSock}!g"`,
    `#!substdef "!MODULES_DIR!${modulesDir()}!g"`,
    `#!substdef "!MIN_EXPIRES!${minExpires}!g"`,
    `#!substdef "!MAX_EXPIRES!${maxExpires}!g"`,
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

export async function startKamailio(options: KamailioOptions = {}): Promise<KamailioServer> {
  const run = await prepareRun(options);
  const { runDir, logFile, cfgFile, wsPort, udpPort } = run;
  let child: ChildProcess | undefined;

  async function launch(): Promise<void> {
    child = await spawnKamailio({ cfgFile, runDir, logFile, udpPort, tcpPort: wsPort });
  }

  async function kill(): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc?.pid) return;
    await stopKamailio(proc);
  }

  await launch();

  const server: KamailioServer = {
    domain: run.domain,
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    wsPort,
    udpPort,
    udpProxy: `sip:127.0.0.1:${udpPort}`,
    get pid() {
      return child?.pid ?? -1;
    },
    runDir,
    logFile,
    registrations: () => readRegistrations(run.ctlSock),
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

interface KamailioRun {
  domain: string;
  runDir: string;
  logFile: string;
  cfgFile: string;
  ctlSock: string;
  wsPort: number;
  udpPort: number;
}

/** A run folder with the rendered config, on free ports; Kamailio is not started yet. */
async function prepareRun(options: KamailioOptions): Promise<KamailioRun> {
  const domain = options.domain ?? 'softphone.test';
  const label = (options.name ?? 'kamailio').replace(/[^\w.-]+/g, '-');
  // The run folder holds the config, and with it the auth_ephemeral secret that signs every agent's SIP
  // credentials: a fresh folder only this user can enter (mkdtemp creates it 0700 and never reuses a name
  // another user could have prepared in the shared temp folder; chmod states it whatever the platform did).
  const runDir = mkdtempSync(join(tmpdir(), `softphone-sip-${label}-${process.pid}-`));
  chmodSync(runDir, 0o700);
  const run: KamailioRun = {
    domain,
    runDir,
    logFile: join(runDir, 'kamailio.log'),
    cfgFile: join(runDir, 'kamailio.cfg'),
    ctlSock: join(runDir, 'kamailio.ctl'),
    wsPort: await freeTcpPort(),
    udpPort: await freeUdpPort(),
  };
  const dbDir = options.dialogEvents ? createDialogInfoTables(runDir) : undefined;
  writeFileSync(
    run.cfgFile,
    renderConfig({
      domain,
      wsPort: run.wsPort,
      udpPort: run.udpPort,
      ctlSock: run.ctlSock,
      auth: options.auth ?? { kind: 'none' },
      rtpengine: options.rtpengine,
      dbDir,
      registrar: options.registrar,
      deny: options.dialing ? denyPattern(options.dialing) : null,
    }),
    { mode: 0o600 },
  );
  return run;
}
