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
    phone.delegate = {
      onEvent: (event) => {
        const mapped = toPhoneEvent(event, now);
        if (mapped) sendBack(mapped);
      },
    };
    const failed = (error: SipError) =>
      sendBack({ type: 'sip.registration.failed', reason: registrationReason(error) });
    /** The sign-in under way: a second command while it runs (reconnect, then register) sends nothing. */
    let signingIn: Promise<void> | undefined;
    const signIn = (attempt: () => Promise<void>) => {
      if (signingIn) return;
      signingIn = attempt()
        .catch(failed)
        .finally(() => {
          signingIn = undefined;
        });
    };
    receive((command) => {
      switch (command.type) {
        // start() connects when needed and sends one REGISTER.
        case 'phone.register':
          signIn(() => phone.start());
          break;
        // One attempt; the machine's backoff schedules the next one when this one fails.
        case 'phone.reconnect':
          signIn(() => phone.reconnect());
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
    return () => {
      phone.delegate = undefined;
    };
  });
}
