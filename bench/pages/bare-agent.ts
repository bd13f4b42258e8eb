// The bare baseline of B7 and B8: a page that loads SIP.js alone (this bundle) and registers with
// ephemeral credentials of the same kind as the softphone's (fetched by the page's inline script at the
// moment it starts loading this bundle: see bench/workbench/bare-server.ts). It answers a call when its
// Answer button is clicked and plays the caller in an <audio> element, as a bare SIP.js phone would.
import { Registerer, RegistererState, UserAgent, type Invitation } from 'sip.js';

interface BareStart {
  server: string;
  domain: string;
  user: string;
  credentials: Promise<{ username: string; password: string }>;
}

declare global {
  interface Window {
    bareStart: BareStart;
  }
}

const audio = document.createElement('audio');
audio.autoplay = true;
document.body.append(audio);
const answer = document.createElement('button');
answer.textContent = 'Answer';
answer.dataset.id = 'answer';
answer.disabled = true;
document.body.append(answer);

let ringing: Invitation | undefined;

function onInvite(invitation: Invitation): void {
  ringing = invitation;
  answer.disabled = false;
  invitation.stateChange.addListener(() => {
    const sdh = invitation.sessionDescriptionHandler as { remoteMediaStream?: MediaStream } | undefined;
    if (sdh?.remoteMediaStream && audio.srcObject !== sdh.remoteMediaStream) {
      audio.srcObject = sdh.remoteMediaStream;
    }
  });
}

answer.addEventListener('click', () => {
  answer.disabled = true;
  void ringing?.accept();
});

async function register(start: BareStart): Promise<void> {
  const credentials = await start.credentials;
  const ua = new UserAgent({
    uri: UserAgent.makeURI(`sip:${start.user}@${start.domain}`),
    transportOptions: { server: start.server },
    authorizationUsername: credentials.username,
    authorizationPassword: credentials.password,
    logBuiltinEnabled: false,
    sessionDescriptionHandlerFactoryOptions: {
      iceGatheringTimeout: 500,
      peerConnectionConfiguration: { iceServers: [] },
    },
    delegate: { onInvite },
  });
  await ua.start();
  const registerer = new Registerer(ua, { expires: 300 });
  registerer.stateChange.addListener((state) => {
    if (state === RegistererState.Registered) performance.mark('bare:registered');
  });
  await registerer.register();
}

register(window.bareStart).catch((error: unknown) => {
  document.title = `failed: ${error instanceof Error ? error.message : String(error)}`;
});
