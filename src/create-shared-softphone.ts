// The softphone of a browser tab that may share its phone with the agent's other tabs: the tab that leads
// builds the real softphone (createSoftphone), the others mirror it (src/session). Each tab's CRM hears the
// clicks made in that tab; they are dialled here, in the core, whichever tab leads.
import { createSoftphone, type SoftphoneOptions } from './create-softphone';
import { dialRequests } from './crm/click-to-dial';
import { createTabSoftphone, type TabSessionOptions, type TabSoftphone } from './session';

export type SharedSessionOptions = Omit<TabSessionOptions, 'create'> & {
  /**
   * A click in THIS tab's CRM was dialled under this id (the call, or the card asking first): whichever tab
   * leads and dials it, the tab where the agent clicked is the one that shows the call (opens its panel).
   */
  onDialRequest?: (callId: string) => void;
};

export function createSharedSoftphone(
  options: SoftphoneOptions,
  { onDialRequest, ...session }: SharedSessionOptions,
): TabSoftphone {
  const tab = createTabSoftphone({
    mode: options.phone?.mode,
    onError: options.onError,
    ...session,
    // The calls and the browser's SIP instance are kept per session key (user and SIP address), like the lead.
    create: () => createSoftphone({ ...options, storage: { key: session.key, ...options.storage } }),
  });
  // A follower tab's dial goes to the leader's phone, so a click in any tab reaches the one phone.
  const stopDialRequests = dialRequests(options.crm, (number, dial) => tab.dial(number, dial), onDialRequest);
  const stopTab = tab.stop;
  return Object.assign(tab, {
    async stop() {
      stopDialRequests();
      await stopTab();
    },
  });
}
