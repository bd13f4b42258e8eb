// The workbench's server on a developer's machine: only its own loopback names reach it (a page of another
// site rebound to 127.0.0.1 by DNS gets 421), its API takes bodies only as application/json (another
// site's form or no-cors fetch gets 415 and changes nothing), and the Kamailio run folder, whose config holds
// the secret that signs every agent's SIP credentials, is private to the user running it.
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKamailio } from '../../scripts/sip-server/kamailio';
import { startWorkbenchServer, type WorkbenchServer } from '../../workbench/server';

const SIP = { wsUrl: 'ws://127.0.0.1:5066', domain: 'softphone.test' };
const SECRET = 'hardening-test-secret-0123456789';

let dataDir: string;
let web: WorkbenchServer;
let port: number;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-hardening-'));
  web = await startWorkbenchServer({ sip: SIP, sipSecret: SECRET, dataDir });
  port = Number(new URL(web.url).port);
});

afterAll(async () => {
  await web.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A raw HTTP request to the workbench (fetch does not let a caller choose the Host header). */
function raw(
  path: string,
  options: { host?: string; method?: string; type?: string; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const headers: Record<string, string> = { host: options.host ?? `127.0.0.1:${port}` };
    if (options.type) headers['content-type'] = options.type;
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', fail);
    req.end(options.body);
  });
}

const contactCount = () => web.emulation.sample.contacts.length;

describe('the workbench answers only to its own loopback names (DNS rebinding)', () => {
  test.each([['127.0.0.1'], ['localhost'], ['LOCALHOST']])(
    'serves pages and the API to Host %s',
    async (name) => {
      await expect(raw('/api/config', { host: `${name}:${port}` })).resolves.toMatchObject({ status: 200 });
      await expect(raw('/agent.html', { host: `${name}:${port}` })).resolves.toMatchObject({ status: 200 });
    },
  );

  test.each([
    ['another site rebound to 127.0.0.1', () => `attacker.example:${port}`],
    ['another site on the default port', () => 'attacker.example'],
    ['the loopback address on another port', () => `127.0.0.1:${port + 1}`],
    ['a name that merely starts like localhost', () => `localhost.attacker.example:${port}`],
  ])('refuses %s with 421, for the API and the pages alike', async (_, host) => {
    for (const path of ['/api/config', '/api/workbench/directory', '/agent.html', '/']) {
      const answer = await raw(path, { host: host() });
      expect({ path, status: answer.status }).toEqual({ path, status: 421 });
      expect(answer.body).not.toContain('sip');
    }
    const apex = await raw('/api/apex/SoftphoneCredentials/getSipCredentials', {
      host: host(),
      method: 'POST',
      type: 'application/json',
      body: '{}',
    });
    expect(apex.status).toBe(421);
    expect(apex.body).not.toContain('password');
  });
});

describe('the workbench API takes bodies only as JSON', () => {
  const newContact = JSON.stringify({ FirstName: 'Mallory', LastName: 'Forged', Phone: '4155550177' });

  test.each([
    ['text/plain (a cross-site fetch in no-cors mode)', 'text/plain'],
    ['a form post', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['no type at all', undefined],
  ])('refuses %s with 415 and changes nothing', async (_, type) => {
    const before = contactCount();
    const created = await raw('/api/workbench/contacts', { method: 'POST', type, body: newContact });
    expect(created.status).toBe(415);
    expect(contactCount()).toBe(before);
    const apex = await raw('/api/apex/SoftphoneSettingsController/getSettings', {
      method: 'POST',
      type,
      body: '{}',
    });
    expect(apex.status).toBe(415);
  });

  test('takes application/json, with or without a charset', async () => {
    const before = contactCount();
    const created = await raw('/api/workbench/contacts', {
      method: 'POST',
      type: 'application/json; charset=utf-8',
      body: newContact,
    });
    expect(created.status).toBe(201);
    expect(contactCount()).toBe(before + 1);
    const apex = await raw('/api/apex/SoftphoneSettingsController/getSettings', {
      method: 'POST',
      type: 'Application/JSON',
      body: '{}',
    });
    expect(apex.status).toBe(200);
  });
});

describe('the Kamailio run folder', () => {
  test('is private to the user running it: it holds the auth_ephemeral secret', async () => {
    const secret = 'run-folder-secret-0123456789abcdef';
    const sip = await startKamailio({ name: 'run-folder', auth: { kind: 'ephemeral', secret } });
    try {
      const cfg = join(sip.runDir, 'kamailio.cfg');
      expect(readFileSync(cfg, 'utf8')).toContain(secret);
      expect((statSync(sip.runDir).mode & 0o777).toString(8)).toBe('700');
      expect((statSync(cfg).mode & 0o077).toString(8)).toBe('0');
    } finally {
      await sip.stop();
    }
  });
});
