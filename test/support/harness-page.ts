// Serves one browser entry point (bundled by esbuild in memory) on a loopback page, a secure context
// for WebRTC and WebAudio, so browser tests can exercise src/ modules without the workbench.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HarnessPage {
  url: string;
  close(): Promise<void>;
}

export async function serveHarness(entry: string): Promise<HarnessPage> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
  });
  const script = result.outputFiles[0]?.text ?? '';
  const server = createServer((req, res) => {
    if (req.url === '/harness.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>harness</title><script type="module" src="/harness.js"></script>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
