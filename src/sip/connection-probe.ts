// Softphone Setup's "Test connection": from the admin's browser, with what the admin typed, open the
// WebSocket and register a probe identity with credentials minted like an agent's (Apex, the entered
// secret), then unregister and close. Four steps are reported separately, as codes; the words are the
// LWC's custom labels. Nothing of this stays: no registration, no socket, no timer.
import { Registerer, UserAgent, type LogLevel } from 'sip.js';

export type ProbeStep = 'websocket' | 'tls' | 'credentials' | 'registration';
export type ProbeOutcome = 'ok' | 'warning' | 'failed' | 'skipped';

export interface ProbeStepResult {
  step: ProbeStep;
  outcome: ProbeOutcome;
  /** Why, as a code the LWC turns into words (its label is `<step>_<reason>`). */
  reason: string;
  /** The SIP status that decided it, such as "403 Forbidden". */
  detail?: string;
}

export interface ConnectionProbeInput {
  webSocketUrl: string;
  domain: string;
  /** The probe identity's credentials, in the agents' scheme (`<expiry>:<sipUser>` and its HMAC). */
  sipUser: string;
  username: string;
  password: string;
  /** Whether the page runs over HTTPS (a Salesforce page always does): it may then only open wss://. */
  pageIsSecure: boolean;
  /** How long each of connecting and registering may take (default 8 s). */
  timeoutMs?: number;
}

const step = (s: ProbeStep, outcome: ProbeOutcome, reason: string, detail?: string): ProbeStepResult => ({
  step: s,
  outcome,
  reason,
  ...(detail === undefined ? {} : { detail }),
});

const notTried = (...steps: ProbeStep[]) => steps.map((s) => step(s, 'skipped', 'notTried'));

/** The URL's own problems, found before anything is opened: not a WebSocket, or plain ws:// on HTTPS. */
function urlProblems(input: ConnectionProbeInput): ProbeStepResult[] | undefined {
  let scheme: string;
  try {
    scheme = new URL(input.webSocketUrl.trim()).protocol;
  } catch {
    scheme = '';
  }
  if (scheme !== 'ws:' && scheme !== 'wss:') {
    return [step('websocket', 'failed', 'invalidUrl'), ...notTried('tls', 'credentials', 'registration')];
  }
  if (scheme === 'ws:' && input.pageIsSecure) {
    // The browser refuses mixed content before a packet leaves: no point in trying.
    return [
      step('websocket', 'failed', 'blocked'),
      step('tls', 'failed', 'notEncrypted'),
      ...notTried('credentials', 'registration'),
    ];
  }
  return undefined;
}

/** After the socket opened: wss means the TLS handshake passed and the browser trusted the certificate. */
function tlsResult(input: ConnectionProbeInput): ProbeStepResult {
  return input.webSocketUrl.trim().startsWith('wss:')
    ? step('tls', 'ok', 'encrypted')
    : step('tls', 'warning', 'unencrypted');
}

interface RegisterOutcome {
  status?: number;
  reason?: string;
  challenged: boolean;
}

/** Sees the challenges (401/407) SIP.js answers by itself, which its request delegate never reports. */
function challengeWatcher(): {
  seen: () => boolean;
  connector: (l: LogLevel, c: string, x: unknown, s: string) => void;
} {
  let challenged = false;
  return {
    seen: () => challenged,
    connector: (_level, _category, _label, content) => {
      if (/^Received WebSocket[^\n]*\n\nSIP\/2\.0 40[17] /.test(content)) challenged = true;
    },
  };
}

function register(registerer: Registerer, timeoutMs: number, seen: () => boolean): Promise<RegisterOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ challenged: seen() }), timeoutMs);
    const settle = (status: number | undefined, reason: string | undefined) => {
      clearTimeout(timer);
      resolve({ status, reason, challenged: seen() });
    };
    registerer
      .register({
        requestDelegate: {
          onAccept: (r) => settle(r.message.statusCode, r.message.reasonPhrase),
          onReject: (r) => settle(r.message.statusCode, r.message.reasonPhrase),
        },
      })
      .catch(() => settle(undefined, undefined));
  });
}

/** Credentials and registration from the registrar's final answer. */
function registrationResults({ status, reason, challenged }: RegisterOutcome): ProbeStepResult[] {
  const detail = status === undefined ? undefined : `${status} ${reason ?? ''}`.trim();
  if (status === undefined) {
    return [
      step('credentials', challenged ? 'ok' : 'skipped', challenged ? 'accepted' : 'notTried'),
      step('registration', 'failed', 'noAnswer'),
    ];
  }
  if (status === 401 || status === 403 || status === 407) {
    return [step('credentials', 'failed', 'refused', detail), ...notTried('registration')];
  }
  const credentials = challenged
    ? step('credentials', 'ok', 'accepted')
    : step('credentials', 'warning', 'notAsked');
  return status >= 200 && status < 300
    ? [credentials, step('registration', 'ok', 'registered', detail)]
    : [credentials, step('registration', 'failed', 'refused', detail)];
}

function probeAgent(input: ConnectionProbeInput, timeoutMs: number) {
  const watcher = challengeWatcher();
  const ua = new UserAgent({
    uri: UserAgent.makeURI(
      `sip:${input.sipUser}@${input.domain.trim() || new URL(input.webSocketUrl.trim()).hostname}`,
    ),
    authorizationUsername: input.username,
    authorizationPassword: input.password,
    transportOptions: {
      server: input.webSocketUrl.trim(),
      connectionTimeout: timeoutMs / 1000,
      traceSip: true,
    },
    userAgentString: 'open-softphone-setup-probe',
    // The probe unregisters by itself; SIP.js's graceful stop would wait for answers a dead server never sends.
    gracefulShutdown: false,
    logBuiltinEnabled: false,
    logLevel: 'log',
    logConnector: watcher.connector,
  });
  return { ua, seen: watcher.seen };
}

/** Leaves nothing behind: the registration removed (when there is one), no SIP.js timer, the socket closed. */
async function cleanUp(ua: UserAgent, registerer: Registerer, registered: boolean): Promise<void> {
  if (registered) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      registerer.unregister({ requestDelegate: { onAccept: done, onReject: done } }).catch(done);
    });
  }
  // SIP.js's dispose would wait out an unanswered REGISTER (32 s) and keeps its refresh timers till then.
  void registerer.dispose().catch(() => undefined);
  (registerer as unknown as { clearTimers(): void }).clearTimers();
  await ua.stop().catch(() => undefined);
}

/** Runs the four steps in order; a step that could not be reached is `skipped`. Never throws. */
export async function probeConnection(input: ConnectionProbeInput): Promise<ProbeStepResult[]> {
  const early = urlProblems(input);
  if (early) return early;
  const timeoutMs = input.timeoutMs ?? 8000;
  let agent: ReturnType<typeof probeAgent>;
  try {
    agent = probeAgent(input, timeoutMs);
  } catch {
    return [step('websocket', 'failed', 'invalidUrl'), ...notTried('tls', 'credentials', 'registration')];
  }
  try {
    await agent.ua.start();
  } catch {
    await agent.ua.stop().catch(() => undefined);
    // Browsers tell a script nothing about why a WebSocket failed: a refused port and a refused
    // certificate look the same, so TLS stays unknown.
    const tls = input.webSocketUrl.trim().startsWith('wss:') ? 'unknown' : 'unencrypted';
    return [
      step('websocket', 'failed', 'unreachable'),
      step('tls', 'skipped', tls),
      ...notTried('credentials', 'registration'),
    ];
  }
  const registerer = new Registerer(agent.ua, { expires: 60 });
  const outcome = await register(registerer, timeoutMs, agent.seen);
  const results = registrationResults(outcome);
  await cleanUp(agent.ua, registerer, results[1]?.outcome === 'ok');
  return [step('websocket', 'ok', 'reachable'), tlsResult(input), ...results];
}
