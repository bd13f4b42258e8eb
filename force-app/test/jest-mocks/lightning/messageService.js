/**
 * Project-wide mock of lightning/messageService (Lightning Message Service).
 * Unlike the sfdx-lwc-jest stub, publish() delivers to every current subscriber of the channel,
 * so a component's publish → subscribe round trip is testable. Delivery is synchronous.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

export const MessageContext = createTestWireAdapter(jest.fn());
export const createMessageContext = jest.fn(() => ({}));
export const releaseMessageContext = jest.fn();
export const createMessageChannel = jest.fn();

let subscriptions = [];

export const subscribe = jest.fn((messageContext, messageChannel, listener, subscriberOptions) => {
  const subscription = { messageChannel, listener, subscriberOptions };
  subscriptions.push(subscription);
  return subscription;
});

export const unsubscribe = jest.fn((subscription) => {
  subscriptions = subscriptions.filter((s) => s !== subscription);
});

export const publish = jest.fn((messageContext, messageChannel, message) => {
  // Copy first: a listener may unsubscribe (or subscribe) while handling the message.
  subscriptions.filter((s) => s.messageChannel === messageChannel).forEach((s) => s.listener(message));
});

/** Number of live subscriptions on a channel (e.g. to assert cleanup in disconnectedCallback). */
export const getSubscriberCount = (messageChannel) =>
  subscriptions.filter((s) => s.messageChannel === messageChannel).length;

/** Drop every subscription; call from afterEach so listeners never leak between tests. */
export const resetMessageService = () => {
  subscriptions = [];
};
