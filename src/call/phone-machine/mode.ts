// Softphone or deskphone, as the admin set it at install time.
import { phoneSetup } from './setup';

/** Decided by the admin at install time (call center setting). */
export const mode = phoneSetup.createStateConfig({
  initial: 'selecting',
  states: {
    selecting: { always: [{ guard: 'isDeskphoneMode', target: 'deskphone' }, { target: 'softphone' }] },
    softphone: {},
    deskphone: {},
  },
});
