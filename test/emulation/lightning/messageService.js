// EMULATION of lightning/messageService (Lightning Message Service), shared by the LWC Jest tests and the
// workbench. Like LMS, a message reaches every subscriber of its channel, the publisher included, each
// as its own copy (structured data only, never the publisher's object), synchronously within the page.
//
// Channels: the platform matches a message channel by its reference, the value of
// `import CHANNEL from '@salesforce/messageChannel/<Name>'`, of which there is one per channel name. Both
// environments give one frozen `{ channelName }` per name (Jest: force-app/test/jest-mocks/messageChannel;
// workbench: workbench/lwc/salesforce-modules.ts), so matching by name is matching by reference; the name
// is also what can cross to another frame, where the reference cannot (and Open CTI's bridge passes it
// as a plain string). Reaching the other frames of the tab is across-frames.js's transport.
import { spy, wireAdapter } from './host.js';

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

export const MessageContext = wireAdapter();
export const createMessageContext = spy(() => ({}));
export const releaseMessageContext = spy(() => {});
export const createMessageChannel = spy(() => {});

/** The channel's name: an imported message channel ({ channelName }) or a plain name (Open CTI). */
function channelNameOf(messageChannel) {
  if (typeof messageChannel === 'string') return messageChannel;
  return messageChannel?.channelName ?? String(messageChannel);
}

const copyOf = (message) => JSON.parse(JSON.stringify(message ?? null));

let subscriptions = new Set();
/** Carries messages to the other frames of the tab; none unless the page connects one. */
let transport;

function deliver(name, message) {
  // Copy the set first: a listener may unsubscribe (or subscribe) while handling the message.
  for (const s of [...subscriptions]) if (s.name === name) s.listener(copyOf(message));
}

/**
 * Connects a transport to the other frames: `open(name)` starts hearing a channel, `post(name, message)`
 * sends to the others, `close()` stops; it hands what it hears to the given receiver.
 */
export function connectMessageTransport(createTransport) {
  transport?.close();
  transport = createTransport(deliver);
  for (const s of subscriptions) transport.open(s.name);
}

export const publish = spy((messageContext, messageChannel, message) => {
  const name = channelNameOf(messageChannel);
  const copy = copyOf(message);
  transport?.post(name, copy);
  deliver(name, copy);
});

export const subscribe = spy((messageContext, messageChannel, listener, subscriberOptions) => {
  const subscription = { name: channelNameOf(messageChannel), listener, subscriberOptions };
  subscriptions.add(subscription);
  transport?.open(subscription.name);
  return subscription;
});

export const unsubscribe = spy((subscription) => {
  if (subscription) subscriptions.delete(subscription);
});

/** Test and workbench helper: live subscriptions of this page on a channel (e.g. cleanup on disconnect). */
export const getSubscriberCount = (messageChannel) =>
  [...subscriptions].filter((s) => s.name === channelNameOf(messageChannel)).length;

/** Test and workbench helper: drops every subscription (call from afterEach so listeners never leak). */
export const resetMessageService = () => {
  subscriptions = new Set();
  transport?.reset?.();
};
