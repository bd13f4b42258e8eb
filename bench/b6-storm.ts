// B6: SIPp offers 50 incoming calls/s for 20 s (UDP, through Kamailio) to an agent that is on a call.
// The active call must be unaffected (hold, resume and hang up still work afterwards), excess calls must
// be declined (or ring as call waiting) within 100 ms p95 of the bare agent's p95, and the heap must
// return to its baseline.
// Baseline: the same storm against a bare SIP.js agent on a call that rejects every INVITE 486 at once.
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Inviter, SessionState, UserAgent } from 'sip.js';
import type { KamailioServer } from '../scripts/sip-server/kamailio';
import { createNodeAgent, viewWhere } from '../test/support/node-sip';
import { p95, round, summary, type Figure } from './figure';
import { DecisionClock, nodeSoftphone, reached, registered, settledHeap, startAnswerer, USERS } from './lab';

const RATE = Number(process.env.BENCH_B6_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_B6_SECONDS ?? 20);
const SCENARIO = resolve(__dirname, '../test/sipp/storm-uac.xml');
const MB = 1024 * 1024;

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((ok) => socket.bind(0, '127.0.0.1', ok));
  const { port } = socket.address();
  await new Promise<void>((ok) => socket.close(ok));
  return port;
}

interface StormResult {
  /** Response time 1 of every declined call: INVITE sent → 486/480/603 received, ms. */
  declineMs: number[];
  successful: number;
  failed: number;
}

/** Runs SIPp's storm scenario against `user` and reads its per-call response times. */
async function storm(server: KamailioServer, user: string): Promise<StormResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-b6-'));
  const port = await freeUdpPort();
  const calls = RATE * SECONDS;
  const args = [
    `127.0.0.1:${server.udpPort}`,
    ...['-sf', SCENARIO, '-s', user, '-key', 'domain', server.domain],
    ...['-i', '127.0.0.1', '-p', String(port), '-mp', String(port + 2)],
    ...['-r', String(RATE), '-m', String(calls), '-l', String(calls)],
    ...['-trace_rtt', '-rtt_freq', '1', '-trace_stat', '-fd', '1', '-trace_msg'],
    ...['-timeout', String(SECONDS + 30), '-timeout_error', '-nostdin', '-max_recv_loops', '1000'],
  ];
  const child = spawn('/usr/bin/sipp', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((ok) => child.on('exit', ok));
  const files = readdirSync(dir);
  const rttFile = files.find((f) => f.endsWith('_rtt.csv'));
  const statFile = files.find((f) => f.endsWith('_.csv'));
  if (!rttFile || !statFile) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`SIPp exited ${code} without its traces: ${stderr.slice(-400)}`);
  }
  const rtts = readFileSync(join(dir, rttFile), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(';').map(Number))
    .filter(([, ms, rtd]) => Number.isFinite(ms) && Number.isFinite(rtd));
  const of = (rtd: number) => rtts.filter((r) => r[2] === rtd).map((r) => r[1] ?? Number.NaN);
  const stat = readFileSync(join(dir, statFile), 'utf8').trim().split('\n');
  const header = (stat[0] ?? '').split(';');
  const last = (stat.at(-1) ?? '').split(';');
  const column = (name: string) => Number(last[header.indexOf(name)]);
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  else process.stdout.write(`kept ${dir}\n`);
  return { declineMs: of(1), successful: column('SuccessfulCall(C)'), failed: column('FailedCall(C)') };
}

async function bareStorm(server: KamailioServer) {
  const clock = new DecisionClock();
  const bare = createNodeAgent(server, {
    user: 'bare',
    password: USERS.bare,
    userAgentOptions: {
      logConnector: clock.connector,
      transportOptions: { server: server.wsUrl, traceSip: true },
    },
  });
  await bare.register();
  const target = UserAgent.makeURI(`sip:1001@${server.domain}`);
  if (!target) throw new Error(`B6: bad domain ${server.domain}`);
  const active = new Inviter(bare.ua, target);
  await active.invite();
  await reached(active, SessionState.Established, 'bare active call');
  bare.ua.delegate = {
    onInvite: (invitation) => void invitation.reject({ statusCode: 486 }).catch(() => undefined),
  };
  const result = await storm(server, 'bare');
  await active.bye();
  await bare.stop();
  return { ...result, decisionMs: clock.ms };
}

/** The heap after GC, waiting (up to 40 s) for it to come back within `slackMb` of `baseline`. */
async function heapBack(baseline: number, slackMb: number): Promise<{ heap: number; waitedMs: number }> {
  const started = Date.now();
  let heap = await settledHeap();
  while (heap - baseline > slackMb * MB && Date.now() - started < 40_000) {
    await new Promise((ok) => setTimeout(ok, 2_000));
    heap = await settledHeap();
  }
  return { heap, waitedMs: Date.now() - started };
}

export async function benchStorm(server: KamailioServer): Promise<Figure> {
  const stopAnswerer = await startAnswerer(server, '1001');
  try {
    const baseline = await bareStorm(server);

    const clock = new DecisionClock();
    const softphone = nodeSoftphone(server, clock.tap);
    await registered(softphone);
    const callId = softphone.dial('1001');
    await viewWhere(softphone, (v) => v.calls[0]?.status === 'live', 'active call live');
    const heapBefore = await settledHeap();
    const result = await storm(server, 'agent');

    // The active call is unaffected: still live, and hold, resume and hang up still work.
    const stillLive = softphone.view().calls.find((c) => c.callId === callId)?.status === 'live';
    softphone.send({ type: 'ui.hold', callId });
    const held = await viewWhere(
      softphone,
      (v) => v.calls.find((c) => c.callId === callId)?.status === 'held',
      'held',
    )
      .then(() => true)
      .catch(() => false);
    softphone.send({ type: 'ui.resume', callId });
    const resumed = await viewWhere(
      softphone,
      (v) => v.calls.find((c) => c.callId === callId)?.status === 'live',
      'resumed',
    )
      .then(() => true)
      .catch(() => false);
    softphone.send({ type: 'ui.hangup', callId });
    const hungUp = await viewWhere(
      softphone,
      (v) => v.calls.find((c) => c.callId === callId)?.wrapUp.active === true,
      'hung up',
    )
      .then(() => true)
      .catch(() => false);
    softphone.send({ type: 'ui.wrapUp.close', callId });
    const leftovers = await viewWhere(softphone, (v) => v.calls.length === 0, 'no calls left', 15_000)
      .then(() => 0)
      .catch(() => softphone.view().calls.length);
    const redial = softphone.dial('1001');
    await viewWhere(softphone, (v) => v.calls[0]?.status === 'live', 'live again');
    softphone.send({ type: 'ui.hangup', callId: redial });
    await viewWhere(softphone, (v) => v.calls[0]?.wrapUp.active === true, 'wrap-up');
    softphone.send({ type: 'ui.wrapUp.close', callId: redial });
    await viewWhere(softphone, (v) => v.calls.length === 0, 'idle');
    const memory = await heapBack(heapBefore, 2);
    await softphone.stop();

    const value = round(p95(result.declineMs));
    const base = round(p95(baseline.declineMs));
    const grownMb = round((memory.heap - heapBefore) / MB, 3);
    const activeOk = stillLive && held && resumed && hungUp && leftovers === 0;
    // Every storm call got its answer: declined, or rung (call waiting) and then cancelled by SIPp.
    const allAnswered = result.failed === 0 && result.successful === RATE * SECONDS;
    return {
      id: 'B6',
      name: `incoming storm ${RATE} calls/s for ${SECONDS} s on an agent in a call: decline time p95`,
      unit: 'ms',
      value,
      baseline: base,
      ratio: round(value / base, 3),
      goal: 'p95 - baseline p95 <= 100 ms; active call holds, resumes, hangs up; every storm call answered; heap back within 2 MB',
      // The absolute p95 is the shared machine's as much as ours (the bare agent's is as high under load):
      // the goal holds the softphone's overhead on top of it.
      pass: value - base <= 100 && activeOk && allAnswered && grownMb <= 2,
      detail: {
        softphone: {
          declined: summary(result.declineMs),
          successful: result.successful,
          failed: result.failed,
          insideAgent: summary(clock.ms),
        },
        bare: {
          declined: summary(baseline.declineMs),
          successful: baseline.successful,
          failed: baseline.failed,
          insideAgent: summary(baseline.decisionMs),
        },
        activeCall: { stillLive, held, resumed, hungUp, callsLeftInView: leftovers },
        heapBeforeMb: round(heapBefore / MB, 2),
        heapAfterMb: round(memory.heap / MB, 2),
        heapGrownMb: grownMb,
        heapSettleMs: memory.waitedMs,
      },
    };
  } finally {
    stopAnswerer();
  }
}
