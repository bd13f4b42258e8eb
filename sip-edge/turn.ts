// coturn (Debian `coturn`) for agents behind restrictive firewalls, checking the same time-limited
// credentials as the SIP edge (TURN REST API: `use-auth-secret` + `static-auth-secret`): user name
// `<expiry>:<user>`, password base64(HMAC-SHA1(secret, user name)). Started by sip-edge/edge.ts, stopped by PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { freeTcpPort } from '../scripts/sip-server/ports';
import { exited, waitForTcp } from '../scripts/sip-server/process';

export interface TurnServer {
  /** `turn:<ip>:<port>` (UDP and TCP), for the softphone's ICE servers setting (without credentials). */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly logFile: string;
  stop(): Promise<void>;
}

/**
 * `secret`: the agents' time-limited credentials (TURN REST). `user`: one static long-term user instead (the
 * bench's TURN server, where the agents' credentials are not the point).
 */
export async function startTurn(o: {
  secret?: string;
  user?: { name: string; password: string };
  verbose?: boolean;
  realm: string;
  ip: string;
  runDir: string;
  port?: number;
}): Promise<TurnServer> {
  const port = o.port ?? (await freeTcpPort());
  const logFile = join(o.runDir, 'turnserver.log');
  const args = [
    // Debian's /etc/turnserver.conf is for the packaged service: ignore it.
    '-c',
    '/dev/null',
    '--listening-ip',
    o.ip,
    '--relay-ip',
    o.ip,
    '--listening-port',
    String(port),
    '--min-port',
    '49160',
    '--max-port',
    '49400',
    ...(o.user
      ? ['--lt-cred-mech', '--user', `${o.user.name}:${o.user.password}`]
      : ['--use-auth-secret', '--static-auth-secret', o.secret ?? '']),
    '--realm',
    o.realm,
    '--fingerprint',
    '--no-tls',
    '--no-dtls',
    '--no-cli',
    '--no-multicast-peers',
    '--db',
    join(o.runDir, 'turndb'),
    '--pidfile',
    join(o.runDir, 'turnserver.pid'),
    '--log-file',
    'stdout',
    '--simple-log',
  ];
  // Verbose names each allocation and its user in the log (what the tests look for).
  if (o.verbose) args.push('--verbose');
  // Loopback relays only make sense when the whole setup is on loopback (tests).
  if (o.ip.startsWith('127.')) args.push('--allow-loopback-peers');
  const log = openSync(logFile, 'a');
  let child: ChildProcess | undefined = spawn('turnserver', args, { stdio: ['ignore', log, log] });
  closeSync(log);
  const proc = child;
  const reap = () => proc.kill('SIGKILL');
  process.once('exit', reap);
  proc.once('exit', () => process.off('exit', reap));
  const failed = new Promise<never>((_, fail) => {
    proc.once('error', (e) =>
      fail(new Error(`turnserver could not start (${e.message}). Run: npm run setup`)),
    );
    void exited(proc).then(() => fail(new Error(`turnserver exited during start; log: ${logFile}`)));
  });
  failed.catch(() => undefined);
  try {
    await Promise.race([waitForTcp(port, Date.now() + 5000, o.ip), failed]);
  } catch (error) {
    proc.kill('SIGKILL');
    throw error;
  }
  return {
    url: `turn:${o.ip}:${port}`,
    port,
    get pid() {
      return child?.pid ?? -1;
    },
    logFile,
    async stop() {
      const running = child;
      child = undefined;
      if (!running) return;
      running.kill('SIGTERM');
      const timer = setTimeout(() => running.kill('SIGKILL'), 3000);
      await exited(running);
      clearTimeout(timer);
    },
  };
}
