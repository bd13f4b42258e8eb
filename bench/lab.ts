// What the Node benchmarks share: the project's Kamailio, a forced GC, the softphone core wired for Node
// (media-less handlers, a CRM that records nothing) and counts of what a user agent holds on to.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { SessionState } from 'sip.js';
import { startKamailio, type KamailioServer } from '../scripts/sip-server/kamailio';
import { createSoftphone, type Softphone } from '../src/create-softphone';
import type { CrmPort } from '../src/crm';
import { defaultDialingSettings, provideNumberingPlans } from '../src/dialing';
import * as numberingPlans from '../src/dialing/numbering-plans-resource';
import { nodeSoftphoneSip, viewWhere } from '../test/support/node-sip';
import { until } from './figure';

export const USERS = { agent: 'agent-pw', bare: 'bare-pw', '1001': 'customer-pw', '1002': 'customer2-pw' };

export function startLab(name: string): Promise<KamailioServer> {
  return startKamailio({ name, auth: { kind: 'digest', users: USERS } });
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap used after full collections (several, so finalizers and weak references settle). */
export async function settledHeap(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((ok) => setImmediate(ok));
  }
  return process.memoryUsage().heapUsed;
}

/** Node's live timers (setTimeout/setInterval handles). */
export function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
}

export const quietCrm: CrmPort = {
  searchByNumber: async () => [],
  searchByName: async () => [],
  screenPop: async () => undefined,
  logCall: async () => ({ taskId: '00T000000000001AAA' }),
  onClickToDial: () => () => undefined,
};

export function nodeSoftphone(
  server: KamailioServer,
  wireTap?: (direction: 'sent' | 'received', message: string) => void,
): Softphone {
  provideNumberingPlans(numberingPlans);
  return createSoftphone({
    sip: nodeSoftphoneSip(server, 'agent', USERS.agent, wireTap),
    crm: quietCrm,
    phone: { call: { wrapUpSeconds: 0 } },
    dialing: { ...defaultDialingSettings, extensionLengths: [4] },
    qualityIntervalMs: 0,
  });
}

/**
 * Times, inside one agent, from each INVITE's arrival on its WebSocket to its final response leaving
 * (ms, by Call-ID): what the agent itself adds, without SIPp, Kamailio or the network.
 */
export class DecisionClock {
  private readonly arrived = new Map<string, number>();
  readonly ms: number[] = [];

  readonly tap = (direction: 'sent' | 'received', message: string): void => {
    const callId = /^(?:Call-ID|i):\s*(.+)$/im.exec(message)?.[1]?.trim();
    if (!callId) return;
    if (direction === 'received' && message.startsWith('INVITE ')) {
      this.arrived.set(callId, performance.now());
    } else if (
      direction === 'sent' &&
      /^SIP\/2\.0 [3-6]\d\d /.test(message) &&
      /^CSeq:\s*\d+ INVITE/im.test(message)
    ) {
      const start = this.arrived.get(callId);
      if (start !== undefined) this.ms.push(performance.now() - start);
      this.arrived.delete(callId);
    }
  };

  /** The same tap as a SIP.js log connector (bare user agents with `traceSip`). */
  readonly connector = (
    _level: unknown,
    _category: string,
    _label: string | undefined,
    content: string,
  ): void => {
    const wire = /^(Sending|Received) WebSocket (?:text )?message:\n\n([\s\S]*)\n$/.exec(content);
    if (wire?.[2] !== undefined) this.tap(wire[1] === 'Sending' ? 'sent' : 'received', wire[2]);
  };
}

export async function registered(softphone: Softphone): Promise<void> {
  softphone.start();
  await viewWhere(softphone, (v) => v.registration === 'registered', 'registration');
}

export function reached(session: { state: SessionState }, state: SessionState, label: string): Promise<void> {
  return until(() => session.state === state, label, 10_000, 1);
}

/** A bare SIP.js answering machine for `user` in a child process (see peers/answerer.ts), registered. */
export async function startAnswerer(server: KamailioServer, user: keyof typeof USERS): Promise<() => void> {
  const child = spawn(
    process.execPath,
    [
      require.resolve('tsx/cli'),
      resolve(__dirname, 'peers/answerer.ts'),
      server.wsUrl,
      server.domain,
      user,
      USERS[user],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`answerer ${user} did not register within 20 s`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.on('exit', (code) => fail(new Error(`answerer ${user} exited with ${code}`)));
  });
  return () => child.kill('SIGTERM');
}
