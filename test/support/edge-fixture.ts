// Starts the SIP edge (sip-edge/edge.ts) for one test file and stops it afterwards (logs kept and shown on
// failure). Node's WebSocket then trusts the edge's test certificate, so SIP.js agents connect over WSS
// with the certificate checked.
import WebSocket from 'ws';
import { ephemeralCredentials } from '../../scripts/sip-server/kamailio';
import { startEdge, type EdgeOptions, type SipEdge } from '../../sip-edge/edge';
import { createTestPhone, type TestPhone, type TestPhoneOptions } from './node-sip';
import { currentFileHasFailed } from './test-failed';

export const EDGE_SECRET = 'edge-test-secret-0123456789';

/** `ws`'s WebSocket, trusting one CA (the edge's self-signed certificate). */
function trustingWebSocket(ca: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { ca });
    }
  } as typeof WebSocket;
}

/** `options` may be computed at start (free ports for a trusted peer, say). */
export function useEdge(
  options: Partial<EdgeOptions> | (() => Promise<Partial<EdgeOptions>>) = {},
): () => SipEdge {
  let edge: SipEdge | undefined;
  beforeAll(async () => {
    edge = await startEdge({
      secret: EDGE_SECRET,
      name: expect.getState().testPath?.split('/').pop(),
      ...(typeof options === 'function' ? await options() : options),
    });
    (globalThis as { WebSocket?: unknown }).WebSocket = trustingWebSocket(edge.certificate);
  });
  afterAll(async () => {
    const failed = currentFileHasFailed();
    if (edge && failed) {
      for (const node of edge.nodes) {
        process.stderr.write(`\nedge node ${node.index + 1} log ${node.logFile}:\n${node.logTail(60)}\n`);
      }
    }
    await edge?.stop({ failed });
  });
  return () => {
    if (!edge) throw new Error('the SIP edge is not running (beforeAll failed?)');
    return edge;
  };
}

/** The project's SipPhone for `user` on the edge: its time-limited credentials, every node's WSS URL. */
export function edgePhone(
  edge: SipEdge,
  user: string,
  opts: Omit<TestPhoneOptions, 'user'> & { node?: number } = {},
): TestPhone {
  const { username, password } = ephemeralCredentials(EDGE_SECRET, user);
  const first = opts.node ?? 0;
  const servers = [...edge.wssUrls.slice(first), ...edge.wssUrls.slice(0, first)];
  return createTestPhone(
    { wsUrl: servers[0] ?? '', domain: edge.domain },
    {
      ...opts,
      user,
      config: {
        auth: { kind: 'ephemeral', username, password },
        ...(servers.length > 1 ? { fallbackServers: servers.slice(1) } : {}),
        ...opts.config,
      },
    },
  );
}
