// B11: the SIP edge (sip-edge/) under a contact centre's load, loopback only: 2,000 agents registered
// with their time-limited credentials on a two-node cluster, then 50 new authenticated calls per second
// for a minute across the nodes; CPU and memory of each node. Baseline: the same calls at 2 per second
// for 10 s on the same cluster and agents, just before.
import { randomBytes } from 'node:crypto';
import { startEdge } from '../sip-edge/edge';
import { runEdgeLoad } from '../test/support/edge-load';
import { p95, ratio, round, summary, type Figure } from './figure';

const AGENTS = 2000;
const RATE = 50;
const SECONDS = 60;
const GOAL_MS = 200;

export async function benchEdgeLoad(): Promise<Figure> {
  const secret = randomBytes(24).toString('base64url');
  // One address sends all the load: pike would take it for a flood.
  const edge = await startEdge({ secret, nodes: 2, pikeDensity: 1_000_000, name: 'bench-b7' });
  try {
    const light = await runEdgeLoad(edge, { agents: AGENTS, callsPerSecond: 2, seconds: 10, secret });
    const load = await runEdgeLoad(edge, { agents: AGENTS, callsPerSecond: RATE, seconds: SECONDS, secret });
    const value = round(p95(load.setupMs));
    const baseline = round(p95(light.setupMs));
    const complete =
      load.registered === AGENTS &&
      load.registrationsPerNode.every((n) => n === AGENTS) &&
      load.callsFailed === 0 &&
      load.callsSuccessful === RATE * SECONDS;
    return {
      id: 'B11',
      name: `SIP edge, 2 nodes: ${AGENTS} agents registered, ${RATE} new calls/s for ${SECONDS} s: call setup p95`,
      unit: 'ms',
      value,
      baseline,
      ratio: ratio(value, baseline),
      goal: `every registration shared by both nodes, every call set up, p95 <= ${GOAL_MS} ms`,
      pass: complete && value <= GOAL_MS,
      detail: {
        registered: load.registered,
        registrationFailed: load.registrationFailed,
        registrationSeconds: load.registrationSeconds,
        registrationsPerNode: load.registrationsPerNode,
        callsPlaced: load.callsPlaced,
        callsSuccessful: load.callsSuccessful,
        callsFailed: load.callsFailed,
        setupMs: summary(load.setupMs),
        baselineSetupMs: summary(light.setupMs),
        nodes: load.nodes,
      },
    };
  } finally {
    await edge.stop();
  }
}
