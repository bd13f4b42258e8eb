// EMULATION of lightning/messageService for the workbench: Lightning Message Service across one browser
// tab — the page and its same-origin frames (the Open CTI bridge iframe) — over one BroadcastChannel per
// message channel. Like LMS, a message reaches every subscriber, the publisher's own page included, and
// never another tab (a second agent's page). Same exports as the Jest mock in force-app/test/jest-mocks.
export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

/** One id per tab, shared by the top page and its frames, so two tabs never hear each other. */
function tabScope() {
  try {
    if (typeof window === 'undefined') return 'no-window';
    const top = window.top ?? window;
    top.__workbenchLmsScope ??= `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    return top.__workbenchLmsScope;
  } catch {
    // A cross-origin parent: this frame is its own scope.
    return 'isolated';
  }
}

/** The channel's name: an imported message channel ({ channelName }) or a plain name (Open CTI). */
function channelNameOf(messageChannel) {
  if (typeof messageChannel === 'string') return messageChannel;
  return messageChannel?.channelName ?? String(messageChannel);
}

const channels = new Map();
function channelFor(messageChannel) {
  const name = `workbench-lms:${tabScope()}:${channelNameOf(messageChannel)}`;
  if (!channels.has(name)) channels.set(name, new BroadcastChannel(name));
  return channels.get(name);
}

let subscriptions = new Set();

export function createMessageContext() {
  return {};
}
export function releaseMessageContext() {}
export function createMessageChannel() {}

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
  // LMS delivers a copy (structured data only), never the publisher's object.
  const copy = JSON.parse(JSON.stringify(message ?? null));
  const channel = channelFor(messageChannel);
  channel.postMessage(copy);
  // BroadcastChannel does not deliver to the posting object itself: deliver to this module's subscribers.
  for (const s of [...subscriptions]) if (s.channel === channel) s.listener(JSON.parse(JSON.stringify(copy)));
}

export function subscribe(messageContext, messageChannel, listener, subscriberOptions) {
  const channel = channelFor(messageChannel);
  const onMessage = (event) => listener(event.data);
  channel.addEventListener('message', onMessage);
  const subscription = { channel, listener, onMessage, subscriberOptions };
  subscriptions.add(subscription);
  return subscription;
}

export function unsubscribe(subscription) {
  if (!subscription || !subscriptions.has(subscription)) return;
  subscription.channel.removeEventListener('message', subscription.onMessage);
  subscriptions.delete(subscription);
}

/** Workbench and test helper (as in the Jest mock): live subscriptions of this page on a channel. */
export function getSubscriberCount(messageChannel) {
  const channel = channelFor(messageChannel);
  return [...subscriptions].filter((s) => s.channel === channel).length;
}

/** Workbench and test helper (as in the Jest mock): drops every subscription and closes the channels. */
export function resetMessageService() {
  for (const s of subscriptions) s.channel.removeEventListener('message', s.onMessage);
  subscriptions = new Set();
  for (const channel of channels.values()) channel.close();
  channels.clear();
}
