// Listens for the Open CTI bridge's announcement (it repeats its status every few seconds, posted to the
// Lightning window from the package's Visualforce origin: ADR 0007) and settles with true when it says it is
// ready, false when it says otherwise or nothing is heard in time. Read only: it decides which words Setup
// shows, nothing else, so it reads the status without the core's full schema check.
import getVisualforceOrigin from '@salesforce/apex/SoftphoneOrigins.visualforceOrigin';

/** As long as the utility's bridge may take to announce itself (it repeats every 2 s). */
export const BRIDGE_PROBE_TIMEOUT_MS = 5000;

/** The status in a bridgeStatus the browser delivered from `origin`; undefined for anything else. */
export function statusIn(event, origin) {
  if (!event?.isTrusted || !origin || event.origin !== origin) return undefined;
  const data = event.data;
  if (data?.version !== 1 || data.type !== 'bridgeStatus') return undefined;
  return typeof data.payload?.state === 'string' ? data.payload : undefined;
}

export function probeBridge(timeoutMs = BRIDGE_PROBE_TIMEOUT_MS) {
  return new Promise((resolve) => {
    let origin;
    let timer;
    const onMessage = (event) => {
      const status = statusIn(event, origin);
      // eslint-disable-next-line no-use-before-define -- settle and onMessage refer to each other
      if (status) settle(status.state === 'ready');
    };
    const settle = (ready) => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(ready);
    };
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- the probe's deadline
    timer = setTimeout(() => settle(false), timeoutMs);
    window.addEventListener('message', onMessage);
    getVisualforceOrigin()
      .then((value) => {
        origin = value;
      })
      .catch(() => settle(false));
  });
}
