// Click-to-dial: a click from Salesforce dials at once when the agent is free, else asks on a card first.
import { and, not, or } from 'xstate';
import { phoneSetup } from './setup';
import { reportError } from './support';

/**
 * Every click-to-dial is a request: any component of the org can publish one on the message channel.
 * Taken at once only when the agent is free and the number is not an emergency number; otherwise the
 * agent is asked first. A burst beyond CLICK_TO_DIAL_LIMIT is refused and the agent told why; so is every
 * click while the admin's click-to-dial switch is off (whichever component sent it).
 */
export const clickToDial = phoneSetup.createStateConfig({
  initial: 'idle',
  on: {
    'crm.clickToDial': [
      // "This option has to be specifically enabled by your Salesforce system administrator."
      { guard: 'isClickToDialOff', actions: reportError('click-to-dial-off') },
      {
        guard: 'isOverClickToDialLimit',
        actions: ['countClickToDial', reportError('click-to-dial-limit')],
      },
      // "Looking up the contact in Salesforce and using the Click-to-dial function": the call the agent
      // chose to redirect goes to the clicked number, and no call is placed.
      { guard: 'isChoosingRedirect', actions: ['countClickToDial', 'redirectByClick'] },
      {
        guard: or(['isEmergencyNumber', 'isBusyForClickToDial']),
        target: '.confirming',
        actions: ['countClickToDial', 'askToConfirmClickToDial'],
      },
      { actions: ['countClickToDial', 'acceptClickToDial'] },
    ],
  },
  states: {
    idle: {
      on: {
        'ui.redirect.choose': { guard: 'isRingingCall', actions: 'chooseRedirect' },
        'ui.redirect.cancel': { guard: 'isRedirectChoice', actions: 'forgetRedirectChoice' },
      },
    },
    /** The card shows the number and where it came from, with "Call" and "Cancel". */
    confirming: {
      on: {
        'ui.clickToDial.confirm': {
          // The request's id names the call it becomes: never a second call under one id.
          guard: and(['isClickToDialOnCard', not('isKnownCall')]),
          target: 'idle',
          actions: 'acceptClickToDial',
        },
        'ui.clickToDial.cancel': {
          guard: 'isClickToDialOnCard',
          target: 'idle',
          actions: 'forgetClickToDial',
        },
      },
    },
  },
});
