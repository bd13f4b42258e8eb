// A load run on the SIP edge, loopback only, bounded in count and time: SIPp registers `agents` agents
// (half on each node, the edge's time-limited credentials), then places `callsPerSecond` new calls per
// second for `seconds` (from both nodes, callers authenticated, each call 1 s long) to those agents, all
// answered by one SIPp standing for their phones. CPU and memory of every node's processes are sampled
// throughout. Used by the integration test (short) and `npm run bench` (B7, full).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { ephemeralCredentials } from '../../scripts/sip-server/kamailio';
import { freeUdpPort } from '../../scripts/sip-server/ports';
import type { SipEdge } from '../../sip-edge/edge';
import { runSipp, type SippResult } from './sipp';

export interface LoadOptions {
  agents: number;
  callsPerSecond: number;
  seconds: number;
  /** The edge's shared secret. */
  secret: string;
}

export interface NodeUsage {
  node: number;
  /** CPU of all the node's processes, percent of one core: mean over the call phase, and its peak second. */
  cpuMeanPercent: number;
  cpuPeakPercent: number;
  /** Proportional set size of all the node's processes (shared memory counted once), MB, peak. */
  memoryPeakMb: number;
  processes: number;
}

export interface LoadResult {
  registered: number;
  registrationFailed: number;
  registrationSeconds: number;
  /** Registrations every node knows at the end of the registration phase (dmq_usrloc). */
  registrationsPerNode: number[];
  callsPlaced: number;
  callsSuccessful: number;
  callsFailed: number;
  /** Authenticated INVITE sent → 200 received, ms, every call. */
  setupMs: number[];
  nodes: NodeUsage[];
}

const TICKS_PER_SECOND = 100;

/** Every process of a Kamailio node: the process group its first process leads. */
function groupPids(leader: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === leader) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function cpuTicks(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

function pssMb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return kb / 1024;
}

/** Samples every node once a second until stopped. */
function sampleNodes(edge: SipEdge) {
  const samples = edge.nodes.map(() => ({ cpu: [] as number[], memory: [] as number[], processes: 0 }));
  const pids = edge.nodes.map((n) => groupPids(n.pid));
  let last = pids.map(cpuTicks);
  let lastAt = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    const ticks = pids.map(cpuTicks);
    pids.forEach((p, i) => {
      const sample = samples[i];
      if (!sample) return;
      sample.cpu.push(((((ticks[i] ?? 0) - (last[i] ?? 0)) / TICKS_PER_SECOND) * 100_000) / (now - lastAt));
      sample.memory.push(pssMb(p));
      sample.processes = p.length;
    });
    last = ticks;
    lastAt = now;
  }, 1000);
  return () => {
    clearInterval(timer);
    return samples.map((s, node): NodeUsage => ({
      node: node + 1,
      cpuMeanPercent: round(s.cpu.reduce((a, b) => a + b, 0) / Math.max(1, s.cpu.length)),
      cpuPeakPercent: round(Math.max(0, ...s.cpu)),
      memoryPeakMb: round(Math.max(0, ...s.memory)),
      processes: s.processes,
    }));
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function injectionFile(dir: string, name: string, rows: string[][]): string {
  const file = join(dir, name);
  writeFileSync(file, `SEQUENTIAL\n${rows.map((r) => r.join(';')).join('\n')}\n`);
  return file;
}

/** Response times 1 of a SIPp run (its _rtt.csv), ms. */
function responseTimes(dir: string): number[] {
  const rtt = readdirSync(dir).find((f) => f.endsWith('_rtt.csv'));
  if (!rtt) return [];
  return readFileSync(join(dir, rtt), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(';').map(Number))
    .filter(([, ms, rtd]) => Number.isFinite(ms) && rtd === 1)
    .map(([, ms]) => ms ?? Number.NaN);
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * Registers `users` (their time-limited credentials, digest answered here) at `target` from one UDP
 * socket, at most 100 at a time, each with the load's answering SIPp as its contact.
 */
async function registerOverUdp(
  target: string,
  domain: string,
  users: string[],
  secret: string,
  contactPort: number,
): Promise<{ registered: number; failed: number }> {
  const [host = '127.0.0.1', port] = target.split(':');
  const socket = createSocket('udp4');
  await new Promise<void>((ok) => socket.bind(0, '127.0.0.1', ok));
  const local = socket.address().port;
  const pending = new Map<string, (response: string) => void>();
  socket.on('message', (m) => {
    const text = m.toString();
    const callId = /^Call-ID:\s*(\S+)/im.exec(text)?.[1];
    const cseq = /^CSeq:\s*(\d+)/im.exec(text)?.[1];
    if (callId && /^SIP\/2\.0 [2-6]/.test(text)) pending.get(`${callId} ${cseq}`)?.(text);
  });
  const send = (user: string, callId: string, cseq: number, authorization?: string) =>
    new Promise<string>((ok) => {
      const message = [
        `REGISTER sip:${domain} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK${randomBytes(6).toString('hex')};rport`,
        `From: <sip:${user}@${domain}>;tag=${callId}`,
        `To: <sip:${user}@${domain}>`,
        `Call-ID: ${callId}`,
        `CSeq: ${cseq} REGISTER`,
        `Contact: <sip:${user}@127.0.0.1:${contactPort}>`,
        ...(authorization ? [authorization] : []),
        'Expires: 3600',
        'Max-Forwards: 70',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
      // UDP: sent again after 0.5, 1 and 2 s (RFC 3261 Timer E), given up after 8 s.
      const timers = [500, 1500, 3500].map((at) =>
        setTimeout(() => socket.send(message, Number(port), host), at),
      );
      timers.push(setTimeout(() => ok('timeout'), 8000));
      pending.set(`${callId} ${cseq}`, (response) => {
        timers.forEach(clearTimeout);
        ok(response);
      });
      socket.send(message, Number(port), host);
    });
  let registered = 0;
  let failed = 0;
  const one = async (user: string) => {
    const callId = randomBytes(8).toString('hex');
    const challenge = await send(user, callId, 1);
    const nonce = /nonce="([^"]+)"/.exec(challenge)?.[1];
    const realm = /realm="([^"]+)"/.exec(challenge)?.[1];
    if (!nonce || !realm) return void failed++;
    const { username, password } = ephemeralCredentials(secret, user, 7200);
    const uri = `sip:${domain}`;
    const response = md5(`${md5(`${username}:${realm}:${password}`)}:${nonce}:${md5(`REGISTER:${uri}`)}`);
    const authorization = `Authorization: Digest username="${username}", realm="${realm}", nonce="${nonce}", uri="${uri}", response="${response}", algorithm=MD5`;
    const answer = await send(user, callId, 2, authorization);
    if (answer.startsWith('SIP/2.0 200')) registered++;
    else failed++;
  };
  const queue = [...users];
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      for (let user = queue.shift(); user; user = queue.shift()) await one(user);
    }),
  );
  socket.close();
  return { registered, failed };
}

export async function runEdgeLoad(edge: SipEdge, o: LoadOptions): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'edge-load-'));
  const uasPort = await freeUdpPort();
  const agent = (i: number) => `agent${i}`;
  const ttl = o.seconds + 3600;
  const uas: ChildProcess = spawn(
    '/usr/bin/sipp',
    [
      ...['-sf', join(__dirname, '../sipp/edge-load-uas.xml'), '-i', '127.0.0.1', '-p', String(uasPort)],
      ...['-nostdin', '-timeout', String(o.seconds + 120), '-max_recv_loops', '2000'],
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  try {
    // Registrations, half on each node.
    const started = Date.now();
    const registrations = await Promise.all(
      edge.nodes.map((node, n) => {
        const users = Array.from({ length: o.agents }, (_, i) => i)
          .filter((i) => i % edge.nodes.length === n)
          .map(agent);
        return registerOverUdp(node.udpAddress, edge.domain, users, o.secret, uasPort);
      }),
    );
    const registrationSeconds = (Date.now() - started) / 1000;
    // Each node tells the others asynchronously: wait (at most 10 s) until every node knows every agent.
    let registrationsPerNode: number[] = [];
    for (const deadline = Date.now() + 10_000; ; await new Promise((r) => setTimeout(r, 200))) {
      registrationsPerNode = await Promise.all(edge.nodes.map((n) => n.registeredUsers()));
      if (registrationsPerNode.every((n) => n >= o.agents) || Date.now() > deadline) break;
    }

    // Calls from both nodes to agents registered on either.
    const stop = sampleNodes(edge);
    const callsPerNode = Math.round((o.callsPerSecond * o.seconds) / edge.nodes.length);
    const calls: SippResult[] = [];
    const setupMs: number[] = [];
    await Promise.all(
      edge.nodes.map(async (node, n) => {
        const rows = Array.from({ length: Math.min(callsPerNode, 5000) }, (_, i) => [
          agent((i * 7 + n) % o.agents),
        ]);
        const caller = `caller${n}`;
        const runDir = mkdtempSync(join(dir, `calls${n}-`));
        const result = await runSipp({
          scenario: 'edge-load-uac.xml',
          target: node.udpAddress,
          keys: { domain: edge.domain, caller },
          auth: ephemeralCredentials(o.secret, caller, ttl),
          calls: callsPerNode,
          rate: o.callsPerSecond / edge.nodes.length,
          limit: Math.max(10, o.callsPerSecond * 4),
          timeoutSec: o.seconds + 30,
          args: ['-inf', injectionFile(runDir, 'calls.csv', rows), '-trace_rtt', '-rtt_freq', '1'],
          dir: runDir,
        });
        calls.push(result);
        setupMs.push(...responseTimes(runDir));
      }),
    );
    const nodes = stop();
    return {
      registered: registrations.reduce((a, r) => a + r.registered, 0),
      registrationFailed: registrations.reduce((a, r) => a + r.failed, 0),
      registrationSeconds: round(registrationSeconds),
      registrationsPerNode,
      callsPlaced: callsPerNode * edge.nodes.length,
      callsSuccessful: calls.reduce((a, r) => a + r.successful, 0),
      callsFailed: calls.reduce((a, r) => a + r.failed, 0),
      setupMs,
      nodes,
    };
  } finally {
    uas.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
