// Asks the Open CTI bridge on the Softphone__c channel whether it is up (getBridgeStatus, schema version 1,
// as the utility's BridgeClient does) and settles with true when it says it is ready, false when it says
// otherwise or nothing answers in time.
import { publish, subscribe, unsubscribe } from 'lightning/messageService';
import SOFTPHONE_CHANNEL from '@salesforce/messageChannel/Softphone__c';

/** As long as the utility waits for the bridge before it pops records with lightning/navigation. */
export const BRIDGE_PROBE_TIMEOUT_MS = 5000;

function requestId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The bridge's status in a message: its bridgeStatus event, or its answer to this request. */
function statusIn(message, id) {
  if (message?.version !== 1) return undefined;
  if (message.type === 'bridgeStatus') return message.payload;
  if (message.type === 'response' && message.requestId === id && message.payload?.ok) {
    return message.payload.result;
  }
  return undefined;
}

export function probeBridge(messageContext, timeoutMs = BRIDGE_PROBE_TIMEOUT_MS) {
  const id = requestId();
  return new Promise((resolve) => {
    let subscription;
    let timer;
    const settle = (ready) => {
      clearTimeout(timer);
      unsubscribe(subscription);
      resolve(ready);
    };
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- the probe's deadline
    timer = setTimeout(() => settle(false), timeoutMs);
    subscription = subscribe(messageContext, SOFTPHONE_CHANNEL, (message) => {
      const status = statusIn(message, id);
      if (status) settle(status.state === 'ready');
    });
    publish(messageContext, SOFTPHONE_CHANNEL, {
      version: 1,
      type: 'getBridgeStatus',
      requestId: id,
      payload: {},
    });
  });
}
