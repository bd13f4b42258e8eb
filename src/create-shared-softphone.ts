// The softphone of a browser tab that may share its phone with the agent's other tabs: the tab that leads
// builds the real softphone (createSoftphone), the others mirror it (src/session).
import { createSoftphone, type SoftphoneOptions } from './create-softphone';
import { createTabSoftphone, type TabSessionOptions, type TabSoftphone } from './session';

export type SharedSessionOptions = Omit<TabSessionOptions, 'create'>;

export function createSharedSoftphone(
  options: SoftphoneOptions,
  session: SharedSessionOptions,
): TabSoftphone {
  return createTabSoftphone({
    mode: options.phone?.mode,
    onError: options.onError,
    ...session,
    // The calls and the browser's SIP instance are kept per session key (user and SIP address), like the lead.
    create: () => createSoftphone({ ...options, storage: { key: session.key, ...options.storage } }),
  });
}
