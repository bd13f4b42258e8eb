// Runs SIPp (Debian `sip-tester`) scenarios from test/sipp over UDP on loopback, bounded in calls and
// time, and reads back what happened: its exit code, its call counters and, when asked, every message.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface SippRun {
  /** Scenario file in test/sipp (e.g. `edge-invite.xml`). */
  scenario: string;
  /** `host:port` SIPp sends to. */
  target: string;
  /** Local UDP port (a trusted peer's port, say); default: SIPp picks one. */
  localPort?: number;
  /** Local address (default 127.0.0.1). */
  localIp?: string;
  /** `-key name value` substitutions ([service] is `-s`). */
  keys?: Record<string, string>;
  /** Credentials answering a challenge (`-au`, `-ap`). */
  auth?: { username: string; password: string };
  /** Calls in all (default 1), per second (default 10), at once (default calls). */
  calls?: number;
  rate?: number;
  limit?: number;
  /** Whole run bound, seconds (default 20). */
  timeoutSec?: number;
  /** Keep every message SIPp sent and received (`messages`). */
  traceMessages?: boolean;
  /** Further SIPp arguments. */
  args?: string[];
  /** Run in this directory and keep its traces (default: a temporary one, removed). */
  dir?: string;
}

export interface SippResult {
  /** 0: every call followed the scenario; 1: some failed; other: SIPp could not run. */
  code: number | null;
  successful: number;
  failed: number;
  /** The message trace (when traceMessages). */
  messages: string;
  stderr: string;
}

const SCENARIOS = resolve(__dirname, '../sipp');

export async function runSipp(run: SippRun): Promise<SippResult> {
  const dir = run.dir ?? mkdtempSync(join(tmpdir(), 'sipp-'));
  const calls = run.calls ?? 1;
  const keys = Object.entries(run.keys ?? {}).flatMap(([k, v]) =>
    k === 'service' ? ['-s', v] : ['-key', k, v],
  );
  const args = [
    run.target,
    ...['-sf', join(SCENARIOS, run.scenario), ...keys],
    ...['-i', run.localIp ?? '127.0.0.1', ...(run.localPort ? ['-p', String(run.localPort)] : [])],
    ...['-m', String(calls), '-r', String(run.rate ?? 10), '-l', String(run.limit ?? calls)],
    ...(run.auth ? ['-au', run.auth.username, '-ap', run.auth.password] : []),
    ...['-timeout', String(run.timeoutSec ?? 20), '-timeout_error', '-nostdin', '-trace_stat', '-fd', '1'],
    ...(run.traceMessages ? ['-trace_msg', '-message_file', join(dir, 'messages.log')] : []),
    ...(run.args ?? []),
  ];
  const child = spawn('/usr/bin/sipp', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((ok) => {
    child.on('exit', ok);
    child.on('error', (e) => {
      stderr += e.message;
      ok(null);
    });
  });
  const statFile = readdirSync(dir).find((f) => f.endsWith('_.csv'));
  let successful = 0;
  let failed = 0;
  if (statFile) {
    const stat = readFileSync(join(dir, statFile), 'utf8').trim().split('\n');
    const header = (stat[0] ?? '').split(';');
    const last = (stat.at(-1) ?? '').split(';');
    successful = Number(last[header.indexOf('SuccessfulCall(C)')]);
    failed = Number(last[header.indexOf('FailedCall(C)')]);
  }
  const messageFile = join(dir, 'messages.log');
  const messages = existsSync(messageFile) ? readFileSync(messageFile, 'utf8') : '';
  if (!run.dir) rmSync(dir, { recursive: true, force: true });
  return { code, successful, failed, messages, stderr };
}

/** The final status lines (`SIP/2.0 403 Relaying Denied`) SIPp received, in order. */
export function receivedStatuses(messages: string): string[] {
  return [...messages.matchAll(/^SIP\/2\.0 ([1-6]\d\d [^\r\n]*)/gm)].map((m) => m[1] ?? '');
}
