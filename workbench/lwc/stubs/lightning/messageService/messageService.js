// EMULATION of lightning/messageService for the workbench: Lightning Message Service across the
// page and its frames (the Open CTI bridge iframe) over a BroadcastChannel per message channel.
export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

const channels = new Map();
function channelFor(messageChannel) {
  const name = `workbench-lms:${messageChannel?.channel ?? String(messageChannel)}`;
  if (!channels.has(name)) channels.set(name, new BroadcastChannel(name));
  return channels.get(name);
}

const subscriptions = new Set();

export function createMessageContext() {
  return {};
}
export function releaseMessageContext() {}

export class MessageContext {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }
  connect() {
    this.dataCallback({});
  }
  update() {}
  disconnect() {}
}

export function publish(messageContext, messageChannel, message) {
  const copy = JSON.parse(JSON.stringify(message ?? null));
  channelFor(messageChannel).postMessage(copy);
  // BroadcastChannel does not deliver to the sender's own page: deliver to local subscribers too.
  for (const s of subscriptions) if (s.channel === channelFor(messageChannel)) s.listener(copy);
}

export function subscribe(messageContext, messageChannel, listener) {
  const channel = channelFor(messageChannel);
  const onMessage = (event) => listener(event.data);
  channel.addEventListener('message', onMessage);
  const subscription = { channel, listener, onMessage };
  subscriptions.add(subscription);
  return subscription;
}

export function unsubscribe(subscription) {
  if (!subscription) return;
  subscription.channel.removeEventListener('message', subscription.onMessage);
  subscriptions.delete(subscription);
}
