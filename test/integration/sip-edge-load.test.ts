// A short load run on the clustered SIP edge (the full one is `npm run bench`, B7): 200 agents register
// over UDP with their time-limited credentials, half on each node, then 50 new authenticated calls per
// second for 10 s cross the two nodes to them. Loopback only, bounded in count and time.
import { p95 } from '../../bench/figure';
import { EDGE_SECRET, useEdge } from '../support/edge-fixture';
import { runEdgeLoad } from '../support/edge-load';

// One address sends everything here: pike would take the load for a flood.
const edge = useEdge({ nodes: 2, pikeDensity: 1_000_000 });

test('200 agents and 50 new calls per second for 10 s: every registration shared, every call set up', async () => {
  const result = await runEdgeLoad(edge(), {
    agents: 200,
    callsPerSecond: 50,
    seconds: 10,
    secret: EDGE_SECRET,
  });
  expect(result).toMatchObject({
    registered: 200,
    registrationFailed: 0,
    registrationsPerNode: [200, 200],
    callsPlaced: 500,
    callsSuccessful: 500,
    callsFailed: 0,
  });
  expect(result.setupMs).toHaveLength(500);
  // Generous: this machine's two cores are shared with other jobs.
  expect(p95(result.setupMs)).toBeLessThan(1000);
  for (const node of result.nodes) {
    expect(node.cpuMeanPercent).toBeGreaterThan(0);
    expect(node.memoryPeakMb).toBeGreaterThan(0);
  }
  process.stdout.write(
    `edge load (200 agents, 50 calls/s, 10 s): setup p95 ${p95(result.setupMs)} ms; ${result.nodes
      .map(
        (n) =>
          `node ${n.node}: CPU mean ${n.cpuMeanPercent} % peak ${n.cpuPeakPercent} %, ${n.memoryPeakMb} MB`,
      )
      .join('; ')}\n`,
  );
}, 90_000);
