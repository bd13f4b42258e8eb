// The utility's only door for Visualforce (ADR 0007): the Open CTI bridge and the list buttons' pages post to
// the Lightning window, and a message is let through only when the browser made the event (a script's
// synthetic MessageEvent can claim any origin), it comes from the package's own Visualforce origin exactly,
// it passes the schema check. Anything else is dropped and shown
// nowhere: a debug line for developers, nothing for the agent.
import { validateMessage, type CrmLogger, type SoftphoneMessage } from '../protocol';

/** The part of a window message event this checks (the DOM's MessageEvent has it). */
export interface WindowMessageEvent {
  readonly isTrusted: boolean;
  readonly origin: string;
  readonly data: unknown;
}

/** Where the events arrive: the utility's window. */
export interface WindowMessages {
  addEventListener(type: 'message', listener: (event: WindowMessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: WindowMessageEvent) => void): void;
}

export interface VisualforceMessagesOptions {
  window: WindowMessages;
  /** `https://` + DomainCreator.getVisualforceHostname(namespace), from the package's Apex. */
  visualforceOrigin: string;
  logger?: CrmLogger;
}

/** Why an event was dropped, or the checked message. */
export function checkVisualforceEvent(
  event: WindowMessageEvent,
  visualforceOrigin: string,
): { message: SoftphoneMessage } | { dropped: string } {
  if (!event.isTrusted) return { dropped: 'not made by the browser (a script dispatched it)' };
  if (!visualforceOrigin || event.origin !== visualforceOrigin) {
    return { dropped: `from ${event.origin || 'an opaque origin'}, not the package's Visualforce origin` };
  }
  const checked = validateMessage(event.data);
  if (!checked.ok) return { dropped: `${checked.reason}: ${checked.detail}` };
  return { message: checked.value };
}

/** Hands `listener` each message that passes; returns the function that stops listening. */
export function listenToVisualforce(
  options: VisualforceMessagesOptions,
  listener: (message: SoftphoneMessage) => void,
): () => void {
  const onMessage = (event: WindowMessageEvent) => {
    const outcome = checkVisualforceEvent(event, options.visualforceOrigin);
    if ('dropped' in outcome) {
      options.logger?.debug(`Dropped a window message: ${outcome.dropped}`);
      return;
    }
    listener(outcome.message);
  };
  options.window.addEventListener('message', onMessage);
  return () => options.window.removeEventListener('message', onMessage);
}
