// The one rule on whether the agent writes notes on a call ("if their Call Notes option is enabled"): the
// admin's Call Notes option, and for a call that came with another agent's customer (a transfer, a
// conference) the option for those calls too.
import type { CallContext } from './call-context';

export function mayWriteNotes(context: Pick<CallContext, 'settings' | 'about'>): boolean {
  return context.settings.callNotes && (context.about === null || context.settings.callNotesOnTransfers);
}
