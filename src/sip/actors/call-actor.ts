// A call machine's `sipSession` actor: it owns its call (owned-call.ts), carries the machine's commands out
// on it (call-commands.ts) and hands the call's events back. Every decision stays in the machine.
import { fromCallback } from 'xstate';
import type { SipCallCommand, SipSessionInput } from '../../call';
import type { SipPhone } from '../phone';
import { runCommand } from './call-commands';
import { OwnedCall, type CallActorOptions } from './owned-call';

export { ignore } from './owned-call';

export function callActor(phone: SipPhone, options: CallActorOptions) {
  return fromCallback<SipCallCommand, SipSessionInput>(({ input, sendBack, receive }) => {
    const call = new OwnedCall(phone, input, sendBack, options);
    receive((command) => runCommand(call, command));
    return () => call.dispose();
  });
}
