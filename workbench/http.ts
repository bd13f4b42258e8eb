// The workbench server's HTTP plumbing: answers that are never cached, files from a folder (never above
// it), the Host and body checks that keep other sites' pages out, and JSON request bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ApexRequestError } from './emulation/apex-error';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), types['.json']);

export async function serveFile(res: ServerResponse, root: string, relative: string): Promise<void> {
  const path = normalize(join(root, relative));
  if (!path.startsWith(root)) return send(res, 403, 'Forbidden');
  try {
    send(res, 200, await readFile(path), types[extname(path)] ?? 'application/octet-stream');
  } catch {
    send(res, 404, 'Not found');
  }
}

/**
 * The names this server answers to: the loopback address it listens on and `localhost`, on its own port. A
 * page of another site whose DNS name was rebound to 127.0.0.1 sends its own name as Host: refusing it keeps
 * such a page from reading the emulated org or calling its Apex (DNS-rebinding protection).
 */
export function servesHost(host: string | undefined, port: number, visualforceHost = 'localhost'): boolean {
  return (
    host !== undefined &&
    [`127.0.0.1:${port}`, `localhost:${port}`, `${visualforceHost}:${port}`].includes(host.toLowerCase())
  );
}

/**
 * Requests to /api/* that may change something carry JSON, declared as such. A cross-site form or a
 * `no-cors` fetch can send only text/plain, form or multipart bodies without the browser asking first, so
 * this also keeps another site's page from posting to the workbench.
 */
export function acceptsBody(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let value: unknown;
  try {
    value = text ? JSON.parse(text) : {};
  } catch {
    throw new ApexRequestError('The request body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApexRequestError('The request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
