// `npm run edge -- <settings.json>`: runs the SIP edge in the foreground (under the host's supervisor, e.g.
// a systemd unit) until SIGINT/SIGTERM. Settings: sip-edge/edge.example.json, documented in
// docs/sip-edge.md. The shared secret comes from the environment (SIP_EDGE_SECRET), never the file.
import { readFileSync } from 'node:fs';
import { startEdge, type EdgeOptions } from './edge';

function settings(): EdgeOptions {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run edge -- <settings.json> (see sip-edge/edge.example.json)');
  const secret = process.env.SIP_EDGE_SECRET;
  if (!secret) throw new Error('SIP_EDGE_SECRET must hold the shared secret of the softphone settings');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Omit<EdgeOptions, 'secret'>;
  return { ...parsed, secret, keepLog: true };
}

async function main(): Promise<void> {
  const edge = await startEdge(settings());
  const stop = async () => {
    await edge.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.stdout.write(
    [
      `SIP edge for ${edge.domain} is running (Ctrl-C stops it); configs and logs in ${edge.runDir}`,
      ...edge.nodes.map(
        (n) =>
          `  node ${n.index + 1}: ${n.wssUrl} (agents), udp ${n.udpAddress} (trunks, PBXs), pid ${n.pid}`,
      ),
      ...(edge.rtpengine ? [`  rtpengine: ${edge.rtpengine.ngSocket}, pid ${edge.rtpengine.pid}`] : []),
      ...(edge.turn ? [`  TURN: ${edge.turn.url}, pid ${edge.turn.pid}`] : []),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `SIP edge failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
