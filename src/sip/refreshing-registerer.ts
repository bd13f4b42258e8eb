// SIP.js's Registerer, with its own REGISTERs (the refresh timer at 99 % of the granted expiry, the retry
// after 423) handed to the phone, so that every REGISTER has one path: its outcome is reported, a refusal of
// the credentials renews them and sends once more, and a registration that stops is never silent.
import {
  Registerer,
  type Core,
  type Emitter,
  type RegistererOptions,
  type RegistererRegisterOptions,
  type UserAgent,
} from 'sip.js';

export class RefreshingRegisterer extends Registerer {
  constructor(
    userAgent: UserAgent,
    options: RegistererOptions,
    private readonly refreshDue: () => void,
  ) {
    super(userAgent, options);
  }

  /** SIP.js calls register() without options only for its own refreshes: those go to the phone. */
  override register(options?: RegistererRegisterOptions): Promise<Core.OutgoingRegisterRequest> {
    if (options) return super.register(options);
    this.refreshDue();
    // SIP.js drops the promise of its own refresh; the phone reports the outcome as events instead.
    return new Promise<Core.OutgoingRegisterRequest>(() => undefined);
  }

  /**
   * Called whenever a REGISTER is over, including the answers SIP.js drops without telling the request's
   * delegate (a 200 that does not list our contact, or lists it without an expiry).
   */
  onRequestDone(listener: () => void): () => void {
    // SIP.js keeps this emitter private; it is the only signal that covers every way a REGISTER ends.
    const waiting = (this as unknown as { waitingChange: Emitter<boolean> }).waitingChange;
    const onChange = (busy: boolean) => {
      if (!busy) listener();
    };
    waiting.addListener(onChange);
    return () => waiting.removeListener(onChange);
  }
}
