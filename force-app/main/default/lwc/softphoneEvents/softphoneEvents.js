// The events the softphone's child components raise toward the utility (c-softphone), which owns the phone.
// They bubble and cross shadow boundaries so that nested components (a search inside a redirect inside an
// incoming call) reach the utility without each level re-dispatching them.

/** detail: a UI event of the core (`{ type: 'ui.hold', callId }`), sent to the phone as is. */
export const SEND = 'softphonesend';
/** detail: `{ number, record?, transfer? }`: dial a number (a consultation when one is waiting for its target). */
export const DIAL = 'softphonedial';
/** detail: `{ callId, number }`: redirect a ringing call. */
export const REDIRECT = 'softphoneredirect';
/** detail: `{ error }`: a problem to show in the utility's error panel. */
export const ERROR = 'softphoneerror';

function raise(component, name, detail) {
  component.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

export function sendToPhone(component, event) {
  raise(component, SEND, event);
}

export function dialNumber(component, request) {
  raise(component, DIAL, request);
}

export function redirectCall(component, callId, number) {
  raise(component, REDIRECT, { callId, number });
}

export function reportError(component, error) {
  raise(component, ERROR, { error });
}
