// A bare SIP.js user agent in its own process that answers every call at once (media-less), so the
// benchmark's process holds only what is measured. argv: <ws url> <domain> <user> <password>.
// Prints "ready" once registered; hangs up nothing; exits on SIGTERM.
import { Registerer, RegistererState, UserAgent } from 'sip.js';
import WebSocket from 'ws';
import { NullSessionDescriptionHandler } from '../../test/support/node-sip';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const [server = '', domain = '', user = '', password = ''] = process.argv.slice(2);
const ua = new UserAgent({
  uri: UserAgent.makeURI(`sip:${user}@${domain}`),
  transportOptions: { server },
  authorizationUsername: user,
  authorizationPassword: password,
  sessionDescriptionHandlerFactory: () => new NullSessionDescriptionHandler(),
  logBuiltinEnabled: false,
  delegate: { onInvite: (invitation) => void invitation.accept().catch(() => undefined) },
});
const registerer = new Registerer(ua, { expires: 600 });
registerer.stateChange.addListener((state) => {
  if (state === RegistererState.Registered) process.stdout.write('ready\n');
});
ua.start()
  .then(() => registerer.register())
  .catch((error: unknown) => {
    process.stderr.write(`answerer: ${String(error)}\n`);
    process.exit(1);
  });
process.on('SIGTERM', () => void ua.stop().finally(() => process.exit(0)));
