// The phone machine's `sipUserAgent` actor on SipPhone: registration commands in, phone-level events out.
// Every decision (when to register again, what to show) stays in the machine.
import { fromCallback } from 'xstate';
import type { SipUserAgentInput, UserAgentCommand } from '../../call';
import type { SipError } from '../errors';
import type { SipPhone } from '../phone';
import { ignore } from './call-actor';
import { registrationReason, toPhoneEvent, type Clock } from './map-events';

export function phoneActor(phone: SipPhone, now: Clock) {
  return fromCallback<UserAgentCommand, SipUserAgentInput>(({ sendBack, receive }) => {
    const unsubscribe = phone.subscribe((event) => {
      const mapped = toPhoneEvent(event, now);
      if (mapped) sendBack(mapped);
    });
    const failed = (error: SipError) =>
      sendBack({ type: 'sip.registration.failed', reason: registrationReason(error) });
    /** The sign-in under way: a second command while it runs (reconnect, then register) sends nothing. */
    let signingIn: Promise<void> | undefined;
    const signIn = () => {
      if (signingIn) return;
      // SipPhone reconnects its transport by itself and registers again; when that was done before the
      // machine's own backoff ran out, the registration is current and nothing needs sending.
      if (phone.registered) return sendBack({ type: 'sip.registration.succeeded' });
      // start() connects when needed and sends one REGISTER.
      signingIn = phone
        .start()
        .catch(failed)
        .finally(() => {
          signingIn = undefined;
        });
    };
    receive((command) => {
      switch (command.type) {
        case 'phone.register':
        case 'phone.reconnect':
          signIn();
          break;
        case 'phone.reregister':
          phone.register({ renewCredentials: true }).catch(failed);
          break;
        case 'phone.unregister':
          phone
            .unregister()
            .catch(() => undefined)
            .then(() => sendBack({ type: 'sip.registration.ended' }));
          break;
        case 'phone.declineIncoming':
          ignore(phone.reject(command.callId, command.statusCode === 486 ? 'busy' : 'decline'));
          break;
      }
    });
    return unsubscribe;
  });
}
