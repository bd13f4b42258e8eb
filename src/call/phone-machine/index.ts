// The phone: registration, mode, agent availability, and the lines it spawns one call machine for. This
// root lists the regions in the order docs/call-states.md shows them; each lives in its own file.
import { availability } from './availability';
import { clickToDial } from './click-to-dial';
import { conferenceTone } from './conference-tone';
import { conference, consultation } from './consultation';
import { lines } from './lines';
import { mode } from './mode';
import { registration } from './registration';
import { phoneSetup } from './setup';

export { conferenceCustomerCallId, phoneErrorMessages } from './support';
export { CONFERENCE_BUSY_TONE_MS } from './support';
export type {
  Consultation,
  LineSwitch,
  PhoneContext,
  PhoneError,
  PhoneErrorCode,
  PhoneInput,
  PhoneTag,
  QueuedIntent,
  SipUserAgentInput,
} from './support';

export const phoneMachine = phoneSetup.createMachine({
  id: 'phone',
  type: 'parallel',
  context: ({ input }) => ({
    settings: input.settings,
    lines: {},
    switching: null,
    consultation: null,
    conference: [],
    reconnectAttempt: 0,
    registrationFailure: null,
    error: null,
    clickToDial: null,
    clickToDialTimes: [],
    hangUpOnly: [],
    redirectChoice: null,
    ringingMembers: [],
  }),
  invoke: {
    id: 'ua',
    src: 'sipUserAgent',
    input: ({ context }) => ({ mode: context.settings.mode }),
  },
  on: {
    'ui.error.dismiss': { actions: 'clearError' },
  },
  states: {
    registration,
    mode,
    availability,
    lines,
    consultation,
    conference,
    clickToDial,
    conferenceTone,
  },
});

export type PhoneMachine = typeof phoneMachine;
