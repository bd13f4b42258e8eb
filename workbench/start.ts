// `npm start`: the local workbench. Starts the project's Kamailio on free ports, builds the pages'
// bundles (and rebuilds them on change), serves them, prints the URLs, and stops everything on Ctrl-C.
import { randomBytes } from 'node:crypto';
import { startKamailio } from '../scripts/sip-server/kamailio';
import { watchWorkbench } from './build';
import { lwsDefault, startWorkbenchServer } from './server';
import { lwcNamespace } from './namespace';
import { packageNamespace } from '../scripts/namespace';

async function main(): Promise<void> {
  const sipSecret = randomBytes(24).toString('base64url');
  const sip = await startKamailio({ name: 'workbench', auth: { kind: 'ephemeral', secret: sipSecret } });
  const cleanups: (() => Promise<void>)[] = [() => sip.stop()];
  const stop = async (code: number) => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    // The first build of the watchers is the build (about 20 s cold); later changes rebuild in seconds.
    cleanups.push(await watchWorkbench((m) => process.stdout.write(`${m}\n`)));
    const port = process.env.WORKBENCH_PORT ? Number(process.env.WORKBENCH_PORT) : 0;
    const web = await startWorkbenchServer({ sip, sipSecret, port });
    cleanups.push(() => web.close());
    const { users, customerPhones } = web.emulation.sample;
    const width = Math.max(...customerPhones.map((c) => c.user.length), 12);
    process.stdout.write(
      [
        '',
        'Softphone workbench is running (Ctrl-C stops it). Salesforce is emulated; the SIP server and WebRTC are real.',
        `  Workbench home:  ${web.url}/`,
        ...users
          .filter((u) => u.sipUser)
          .map(
            (u) => `  Agent ${u.key} (${u.Name}, ext. ${u.sipUser}): ${web.url}/agent.html?agent=${u.key}`,
          ),
        `  Admin (Softphone Setup): ${web.url}/admin.html`,
        lwsDefault()
          ? `  Lightning Web Security: on (the ${lwcNamespace(packageNamespace())} namespace runs in its sandbox; ?lws=off on a page or WORKBENCH_LWS=off to compare)`
          : '  Lightning Web Security: OFF (WORKBENCH_LWS=off); ?lws=on on a page turns it on',
        '  Customer phones:',
        ...customerPhones.map(
          (c) => `    ${c.user.padEnd(width)} ${web.url}/phone.html?user=${c.user}  (${c.label})`,
        ),
        `  SIP server: Kamailio ${sip.wsUrl} (WebSocket), ${sip.udpProxy} (UDP), domain ${sip.domain}, pid ${sip.pid}`,
        `  Data: sample records in workbench/data/sample-data.json, saved Tasks/settings in ${web.emulation.context.store.file}`,
        '',
      ].join('\n'),
    );
  } catch (e) {
    process.stderr.write(`workbench failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
    await stop(1);
  }
}

void main();
