// B4: 1,000 sequential calls from the softphone core in Node through Kamailio (dial, answered, hang up,
// wrap-up closed): the heap after forced GC may grow at most 2 MB, and no timer, listener, session or
// child actor may be left behind. Baseline: the same calls from a bare SIP.js UserAgent + Inviter.
import { Inviter, SessionState, UserAgent } from 'sip.js';
import type { KamailioServer } from '../scripts/sip-server/kamailio';
import type { Softphone } from '../src/create-softphone';
import { createNodeAgent, viewWhere, type NodeAgent } from '../test/support/node-sip';
import { round, type Figure } from './figure';
import { activeTimers, nodeSoftphone, reached, registered, settledHeap, startAnswerer, USERS } from './lab';

const CALLS = Number(process.env.BENCH_B4_CALLS ?? 1000);
const WARM_UP = 50;
const MB = 1024 * 1024;

/** What a softphone holds per call; all of it must be back to zero (or its idle value) after the calls. */
function holdings(softphone: Softphone) {
  const sip = softphone.sip as unknown as {
    calls: Map<string, unknown>;
    hub: { listeners: Set<unknown> };
    agent: { ua: UserAgent & { _sessions: Record<string, unknown> } };
    registration: { registerer: { stateChange: { listeners: unknown[] } } };
  };
  const { ua } = sip.agent;
  const core = ua.userAgentCore as unknown as {
    dialogs: Map<string, unknown>;
    userAgentClients: Map<string, unknown>;
    userAgentServers: Map<string, unknown>;
  };
  return {
    timers: activeTimers(),
    sipLegs: sip.calls.size,
    sipListeners: sip.hub.listeners.size,
    registererListeners: sip.registration.registerer.stateChange.listeners.length,
    uaSessions: Object.keys(ua._sessions).length,
    dialogs: core.dialogs.size,
    clientTransactions: core.userAgentClients.size,
    serverTransactions: core.userAgentServers.size,
    callActors: Object.keys(softphone.actor.getSnapshot().children).length,
  };
}

async function softphoneCalls(softphone: Softphone, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const callId = softphone.dial('1001');
    await viewWhere(softphone, (v) => v.calls[0]?.status === 'live', 'live');
    softphone.send({ type: 'ui.hangup', callId });
    await viewWhere(softphone, (v) => v.calls[0]?.wrapUp.active === true, 'wrap-up');
    softphone.send({ type: 'ui.wrapUp.close', callId });
    await viewWhere(softphone, (v) => v.calls.length === 0, 'call finished');
  }
}

async function bareCalls(agent: NodeAgent, domain: string, n: number): Promise<void> {
  const target = UserAgent.makeURI(`sip:1001@${domain}`);
  if (!target) throw new Error('bad target');
  for (let i = 0; i < n; i++) {
    const inviter = new Inviter(agent.ua, target);
    await inviter.invite();
    await reached(inviter, SessionState.Established, 'bare call established');
    await inviter.bye();
    await reached(inviter, SessionState.Terminated, 'bare call ended');
  }
}

/**
 * SIP.js keeps each accepted INVITE client transaction for Timer M (64 × T1 = 32 s, RFC 6026) after the
 * call: both agents are measured only once those of their last calls have expired.
 */
const TIMER_M_MS = 33_000;
const settle = () => new Promise((ok) => setTimeout(ok, TIMER_M_MS));

export async function benchMemory(server: KamailioServer): Promise<Figure> {
  const stopAnswerer = await startAnswerer(server, '1001');
  // No wire recording: the baseline must hold no more than SIP.js itself does.
  const bare = createNodeAgent(server, {
    user: 'bare',
    password: USERS.bare,
    userAgentOptions: { logConnector: undefined, transportOptions: { server: server.wsUrl } },
  });
  await bare.register();
  const softphone = nodeSoftphone(server);
  await registered(softphone);
  const idle = holdings(softphone);

  // Both warm up (JIT, SIP.js's lazily built parts), then each runs its calls while the other idles.
  await bareCalls(bare, server.domain, WARM_UP);
  await softphoneCalls(softphone, WARM_UP);
  await settle();
  const heap0 = await settledHeap();
  let started = Date.now();
  await bareCalls(bare, server.domain, CALLS);
  const bareSeconds = (Date.now() - started) / 1000;
  await settle();
  const heap1 = await settledHeap();
  started = Date.now();
  await softphoneCalls(softphone, CALLS);
  const phoneSeconds = (Date.now() - started) / 1000;
  await settle();
  const heap2 = await settledHeap();
  const left = holdings(softphone);
  await softphone.stop();
  await bare.stop();
  stopAnswerer();

  const leftBehind = Object.entries(left).filter(
    ([key, count]) => count > (idle[key as keyof typeof idle] ?? 0),
  );
  const grownMb = round((heap2 - heap1) / MB, 3);
  const bareMb = round((heap1 - heap0) / MB, 3);
  return {
    id: 'B4',
    name: `heap growth over ${CALLS} sequential calls in one user agent (after forced GC)`,
    unit: 'MB',
    value: grownMb,
    baseline: bareMb,
    ratio: bareMb === 0 ? Number.NaN : round(grownMb / bareMb, 3),
    goal: 'value <= 2 MB and nothing left behind',
    pass: grownMb <= 2 && leftBehind.length === 0,
    detail: {
      heapBeforeMb: round(heap1 / MB, 2),
      heapAfterMb: round(heap2 / MB, 2),
      callsPerSecond: round(CALLS / phoneSeconds, 1),
      bareCallsPerSecond: round(CALLS / bareSeconds, 1),
      idle,
      afterCalls: left,
      leftBehind: Object.fromEntries(leftBehind),
    },
  };
}
