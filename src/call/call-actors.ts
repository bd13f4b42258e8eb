// Inputs and outputs of the actors a host provides to the call machine with `.provide({ actors })`.
import type { ContactMatch } from './customer';
import type { CallDirection } from './call-record';
import type { PhoneMode } from './phone-settings';

/** Input of `sipSession`: a fromCallback that receives SipCallCommand and sends back `sip.*` call events. */
export interface SipSessionInput {
  callId: string;
  direction: CallDirection;
  mode: PhoneMode;
}

export type AlertTone = 'ring' | 'callWaiting' | 'recall' | 'transferReturned' | 'notify';

/** Input of `alertAgent`: a fromCallback that rings / opens the panel and stops when cleaned up. */
export interface AlertAgentInput {
  callId: string;
  tone: AlertTone;
}

/** Input of `searchContacts`: a fromPromise resolving to ContactMatch[]. */
export interface SearchContactsInput {
  callId: string;
  number: string;
}

export type SearchContactsOutput = ContactMatch[];

/**
 * Input of `awaitCreatedContact`: a fromCallback that, while the agent fills the new-contact form, sends
 * back `crm.contact.created` for the record they save (one that carries the caller's number).
 */
export interface AwaitCreatedContactInput {
  callId: string;
  number: string;
}

/**
 * What the conference hears while a party is added to it (OfficeConnect: "All participants hear ringing
 * until the call is answered", "All participants hear a busy signal").
 */
export type ConferenceTone = 'ringback' | 'busy';

/** Input of `conferenceTone`: a fromCallback that plays the tone to every party and stops when cleaned up. */
export interface ConferenceToneInput {
  tone: ConferenceTone;
}
