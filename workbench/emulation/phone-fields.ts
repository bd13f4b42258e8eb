// The Phone fields of the sample objects, shared by the UI API emulation (the call button's describe) and
// the agent page's record pages.
export type UiObjectName = 'Contact' | 'Lead' | 'Account';

/** The Phone fields of each sample object, in layout order (the shell's record pages show the same). */
export const PHONE_FIELDS: Record<UiObjectName, [string, string][]> = {
  Contact: [
    ['Phone', 'Phone'],
    ['MobilePhone', 'Mobile'],
    ['HomePhone', 'Home Phone'],
    ['OtherPhone', 'Other Phone'],
    ['AssistantPhone', 'Asst. Phone'],
  ],
  Lead: [
    ['Phone', 'Phone'],
    ['MobilePhone', 'Mobile'],
  ],
  Account: [['Phone', 'Phone']],
};
