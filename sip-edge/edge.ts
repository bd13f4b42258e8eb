// Starts the SIP edge (sip-edge/edge.cfg, docs/sip-edge.md): one or more Kamailio nodes sharing
// registrations, with rtpengine and coturn when asked, and stops them by PID. Used by the edge's tests,
// its load bench and `npm run edge` (sip-edge/start.ts).
import { execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freeTcpPort, freeUdpPort } from '../scripts/sip-server/ports';
import {
  killGroup,
  modulesDir,
  readRegistrations,
  sipQuote,
  spawnKamailio,
  stopKamailio,
} from '../scripts/sip-server/process';
import { startRtpengine, type Rtpengine } from '../scripts/sip-server/rtpengine';
import { startTurn, type TurnServer } from './turn';

const execFileAsync = promisify(execFile);
const TEMPLATE = resolve(__dirname, 'edge.cfg');

export interface EdgeOptions {
  /** The SIP domain agents register in (default `softphone.test`). */
  domain?: string;
  /** The shared secret of the agents' time-limited credentials (the org's Softphone secret). */
  secret: string;
  /** How many Kamailio nodes share the registrations (default 1). */
  nodes?: number;
  /** The address every node listens on (default 127.0.0.1; in production the host's own address). */
  ip?: string;
  /** Fixed ports of node i (default: free ones chosen at start). */
  ports?: { udp: number; wss: number }[];
  /** PBXs and trunks, `ip` or `ip:port` (UDP): not challenged, their identity headers believed. */
  trustedPeers?: string[];
  /** Where agents' calls to anyone not registered here go: a PBX or trunk, `host:port` (UDP). */
  upstream?: string;
  /** Addresses (CIDR) whose requests are dropped unanswered. */
  denySubnets?: string[];
  /** Number prefixes (as dialled: digits, optional leading +) nobody may call or transfer to. */
  denyNumbers?: string[];
  /** Requests per 2 s from one address before pike blocks it for 20 s (default 200). */
  pikeDensity?: number;
  /** WSS certificate and key (PEM files); default: a self-signed one for 127.0.0.1 made with openssl. */
  tls?: { certificate: string; privateKey: string };
  /** Start rtpengine and bridge WebRTC to plain RTP through it (true), or use this ng socket (`host:port`). */
  rtpengine?: boolean | string;
  /** Start coturn, authenticating with the same time-limited credentials (TURN REST: use-auth-secret). */
  turn?: boolean;
  /** Shared memory per node, MB (default 128). */
  sharedMemoryMb?: number;
  /** A label for the run directory. */
  name?: string;
  /** Keep the run directory (configs, logs) after stop (also when SOFTPHONE_KEEP_SIP_LOGS=1). */
  keepLog?: boolean;
}

export interface EdgeNode {
  readonly index: number;
  /** `wss://<ip>:<port>` for agents' browsers. */
  readonly wssUrl: string;
  readonly udpPort: number;
  /** `<ip>:<udp port>`: where trunks, PBXs and desk phones send SIP. */
  readonly udpAddress: string;
  readonly pid: number;
  readonly logFile: string;
  /** AORs with their contacts, as this node sees them (kamcmd ul.dump; a few hundred at most). */
  registrations(): Promise<Map<string, string[]>>;
  /** How many AORs this node has contacts for (usrloc statistics; any number). */
  registeredUsers(): Promise<number>;
  /** SIGKILL to the node's whole process group, as a crash would. */
  kill(): Promise<void>;
  logTail(lines?: number): string;
}

export interface SipEdge {
  readonly domain: string;
  readonly nodes: readonly EdgeNode[];
  /** The nodes' WSS URLs, in order (the softphone's server list). */
  readonly wssUrls: string[];
  /** The WSS certificate (PEM) clients must trust; a self-signed one unless `tls` was given. */
  readonly certificate: string;
  readonly rtpengine: Rtpengine | undefined;
  readonly turn: TurnServer | undefined;
  readonly runDir: string;
  stop(opts?: { failed?: boolean }): Promise<void>;
}

interface NodeRender {
  ip: string;
  udpPort: number;
  wssPort: number;
  ctlSock: string;
  cluster: string[];
  rtpengine?: string;
  tls: { certificate: string; privateKey: string };
}

/** A regular expression matching a number that starts with one of the prefixes. */
function numbersPattern(prefixes: string[]): string {
  const escaped = prefixes.map((p) => {
    if (!/^\+?[0-9]{1,20}$/.test(p)) throw new Error(`A denied number prefix must be digits: ${p}`);
    return p.replace('+', '[+]');
  });
  return `^(${escaped.join('|')})`;
}

function subnet(value: string): string {
  if (!/^[0-9a-fA-F:.]+(\/[0-9]{1,3})?$/.test(value)) throw new Error(`Not an address or CIDR: ${value}`);
  return value;
}

/** The node's configuration: the header of definitions, edge.cfg, and the address lists. */
export function renderEdgeConfig(options: EdgeOptions, node: NodeRender): string {
  const domain = options.domain ?? 'softphone.test';
  const header = [
    '#!KAMAILIO',
    `#!substdef "!NODE_IP!${sipQuote(node.ip)}!g"`,
    `#!substdef "!UDP_PORT!${node.udpPort}!g"`,
    `#!substdef "!WSS_PORT!${node.wssPort}!g"`,
    `#!substdef "!SIP_DOMAIN!${sipQuote(domain)}!g"`,
    `#!substdef "!CTL_SOCK!${sipQuote(node.ctlSock)}!g"`,
    `#!substdef "!MODULES_DIR!${modulesDir()}!g"`,
    `#!substdef "!EPHEMERAL_SECRET!${sipQuote(options.secret)}!g"`,
    `#!substdef "!TLS_CERT!${sipQuote(node.tls.certificate)}!g"`,
    `#!substdef "!TLS_KEY!${sipQuote(node.tls.privateKey)}!g"`,
    `#!substdef "!PIKE_DENSITY!${Math.max(1, Math.round(options.pikeDensity ?? 200))}!g"`,
  ];
  const self = `${node.ip}:${node.udpPort}`;
  const others = node.cluster.filter((n) => n !== self);
  if (others[0]) header.push('#!define WITH_CLUSTER', `#!substdef "!DMQ_PEER!${others[0]}!g"`);
  if (node.rtpengine) {
    header.push('#!define WITH_RTPENGINE', `#!substdef "!RTPENGINE_SOCK!${sipQuote(node.rtpengine)}!g"`);
  }
  if (options.upstream) {
    header.push('#!define WITH_UPSTREAM', `#!substdef "!UPSTREAM!${sipQuote(options.upstream)}!g"`);
  }
  if (options.denySubnets?.length) {
    const list = options.denySubnets.map(subnet).join(',');
    header.push('#!define WITH_DENY_SUBNETS', `#!substdef "!DENY_SUBNETS!${list}!g"`);
  }
  if (options.denyNumbers?.length) {
    header.push(
      '#!define WITH_DENY_NUMBERS',
      `#!substdef "!DENY_NUMBERS!${numbersPattern(options.denyNumbers)}!g"`,
    );
  }
  const entries = [
    ...(options.trustedPeers ?? []).map((peer) => `\t$sht(trusted=>${sipQuote(peer)}) = 1;`),
    ...(others.length ? node.cluster.map((n) => `\t$sht(nodes=>${n}) = 1;`) : []),
  ];
  const footer = entries.length ? ['event_route[htable:mod-init] {', ...entries, '}'] : [];
  const body = readFileSync(TEMPLATE, 'utf8').replace(/^#!KAMAILIO\n/, '');
  return `${header.join('\n')}\n${body}\n${footer.join('\n')}\n`;
}

/** A self-signed certificate for `ip` (tests and trying it out; production uses real ones). */
export async function testCertificate(
  dir: string,
  ip: string,
): Promise<{ certificate: string; privateKey: string }> {
  const certificate = join(dir, 'edge-cert.pem');
  const privateKey = join(dir, 'edge-key.pem');
  await execFileAsync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    privateKey,
    '-out',
    certificate,
    '-days',
    '2',
    '-subj',
    '/CN=softphone-edge-test',
    '-addext',
    `subjectAltName=IP:${ip},DNS:localhost`,
  ]);
  return { certificate, privateKey };
}

export async function startEdge(options: EdgeOptions): Promise<SipEdge> {
  const domain = options.domain ?? 'softphone.test';
  const ip = options.ip ?? '127.0.0.1';
  const count = Math.max(1, options.nodes ?? 1);
  const label = (options.name ?? 'edge').replace(/[^\w.-]+/g, '-');
  const runDir = join(tmpdir(), `softphone-edge-${label}-${process.pid}-${randomBytes(3).toString('hex')}`);
  mkdirSync(runDir, { recursive: true });
  const tls = options.tls ?? (await testCertificate(runDir, ip));
  const ports: { udp: number; wss: number }[] = [];
  for (let i = 0; i < count; i++) {
    ports.push(options.ports?.[i] ?? { udp: await freeUdpPort(), wss: await freeTcpPort() });
  }
  const cluster = ports.map((p) => `${ip}:${p.udp}`);

  const children: (ChildProcess | undefined)[] = [];
  let rtpengine: Rtpengine | undefined;
  let turn: TurnServer | undefined;
  const stopAll = async () => {
    await Promise.all(
      children.map(async (child, i) => {
        children[i] = undefined;
        if (child) await stopKamailio(child);
      }),
    );
    await rtpengine?.stop();
    await turn?.stop();
  };
  try {
    if (options.rtpengine === true) rtpengine = await startRtpengine({ name: label, interface: ip });
    const ngSocket = typeof options.rtpengine === 'string' ? options.rtpengine : rtpengine?.ngSocket;
    if (options.turn) turn = await startTurn({ secret: options.secret, realm: domain, ip, runDir });
    const nodes = await Promise.all(
      ports.map(async (port, index): Promise<EdgeNode> => {
        const dir = join(runDir, `node${index + 1}`);
        mkdirSync(dir, { recursive: true });
        const ctlSock = join(dir, 'kamailio.ctl');
        const cfgFile = join(dir, 'kamailio.cfg');
        const logFile = join(dir, 'kamailio.log');
        writeFileSync(
          cfgFile,
          renderEdgeConfig(options, {
            ip,
            udpPort: port.udp,
            wssPort: port.wss,
            ctlSock,
            cluster,
            tls,
            ...(ngSocket ? { rtpengine: ngSocket } : {}),
          }),
        );
        children[index] = await spawnKamailio({
          cfgFile,
          runDir: dir,
          logFile,
          udpPort: port.udp,
          tcpPort: port.wss,
          udpHost: ip,
          sharedMemoryMb: options.sharedMemoryMb ?? 128,
          privateMemoryMb: 16,
        });
        return {
          index,
          wssUrl: `wss://${ip}:${port.wss}`,
          udpPort: port.udp,
          udpAddress: `${ip}:${port.udp}`,
          get pid() {
            return children[index]?.pid ?? -1;
          },
          logFile,
          registrations: () => readRegistrations(ctlSock),
          async registeredUsers() {
            const { stdout } = await execFileAsync('kamcmd', [
              '-s',
              `unix:${ctlSock}`,
              'stats.get_statistics',
              'location_users',
            ]);
            return Number(/=\s*(\d+)/.exec(stdout)?.[1] ?? Number.NaN);
          },
          async kill() {
            const child = children[index];
            children[index] = undefined;
            if (!child) return;
            killGroup(child, 'SIGKILL');
            await new Promise((ok) => (child.exitCode !== null ? ok(undefined) : child.once('exit', ok)));
          },
          logTail(lines = 60) {
            if (!existsSync(logFile)) return '';
            return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
          },
        };
      }),
    );
    return {
      domain,
      nodes,
      wssUrls: nodes.map((n) => n.wssUrl),
      certificate: readFileSync(tls.certificate, 'utf8'),
      rtpengine,
      turn,
      runDir,
      async stop(opts = {}) {
        await stopAll();
        const keep = options.keepLog || opts.failed || process.env.SOFTPHONE_KEEP_SIP_LOGS === '1';
        if (!keep) rmSync(runDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
