// The agent's dialogs as the SIP server sees them (RFC 4235 dialog event package): a SUBSCRIBE
// (Event: dialog) to the agent's own AOR. Where the server offers it, a call answered on another of
// the agent's devices is known to end when its dialog terminates; where it does not (any refusal,
// no answer), the watch stays quiet and the agent's "Call ended" remains the only end.
import { Subscriber, SubscriptionState, type Notification, type URI, type UserAgent } from 'sip.js';
import { parseDialogInfo, terminatedCallIds } from './dialog-info';
import type { SipEvent } from './sip-event';
import type { SipLogger } from './sip-logger';

const EXPIRES_SEC = 3600;

/** The one listener to a call's dialog: the call's actor (a call answered elsewhere has no leg to tell it). */
export interface DialogOwner {
  onDialogTerminated(): void;
}

export class DialogWatch {
  private subscriber: Subscriber | undefined;
  private stopped = false;
  private readonly owners = new Map<string, DialogOwner>();

  constructor(
    private readonly ua: UserAgent,
    private readonly aor: URI,
    private readonly emit: (event: SipEvent) => void,
    private readonly logger: SipLogger,
  ) {}

  /**
   * Tells `owner`, until the returned release, when the server reports the dialog of `callId` over; a call
   * has one owner (a later one takes over).
   */
  own(callId: string, owner: DialogOwner): () => void {
    this.owners.set(callId, owner);
    return () => {
      if (this.owners.get(callId) === owner) this.owners.delete(callId);
    };
  }

  /** Subscribes unless a subscription is pending or active (called on each successful registration). */
  ensure(): void {
    if (this.stopped || (this.subscriber && this.subscriber.state !== SubscriptionState.Terminated)) return;
    const subscriber = new Subscriber(this.ua, this.aor, 'dialog', {
      expires: EXPIRES_SEC,
      extraHeaders: ['Accept: application/dialog-info+xml'],
      delegate: { onNotify: (notification) => this.onNotify(notification) },
    });
    this.subscriber = subscriber;
    subscriber.stateChange.addListener((state) => {
      if (state === SubscriptionState.Terminated && this.subscriber === subscriber && !this.stopped) {
        this.logger.debug('dialog events: no subscription (not offered by the server, or ended)');
      }
    });
    subscriber.subscribe().catch(() => undefined);
  }

  /**
   * The connection was lost: the server's NOTIFYs would go to the dead one, so the next registration
   * subscribes afresh (the old subscription is let go; the server drops it when its NOTIFY fails).
   */
  reset(): void {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    subscriber?.dispose().catch(() => undefined);
  }

  /** Ends the subscription (bounded by the caller); never subscribes again. */
  async stop(): Promise<void> {
    this.stopped = true;
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber && subscriber.state !== SubscriptionState.Terminated) {
      await subscriber.unsubscribe().catch(() => undefined);
    }
    await subscriber?.dispose().catch(() => undefined);
  }

  private onNotify(notification: Notification): void {
    notification.accept().catch(() => undefined);
    const message = notification.request;
    const type = message.getHeader('Content-Type') ?? '';
    if (!/^\s*application\/dialog-info\+xml\s*(;|$)/i.test(type) || typeof message.body !== 'string') return;
    const info = parseDialogInfo(message.body);
    if (!info) {
      this.logger.warn('dialog events: a NOTIFY body that is not a dialog-info document was ignored');
      return;
    }
    for (const callId of terminatedCallIds(info)) {
      try {
        this.owners.get(callId)?.onDialogTerminated();
      } catch (error) {
        this.logger.error(`the owner of dialog ${callId} threw: ${String(error)}`);
      }
      // The phone's stream still tells every observer; no call listens there for its own.
      this.emit({ type: 'sip.dialog.terminated', callId });
    }
  }
}
