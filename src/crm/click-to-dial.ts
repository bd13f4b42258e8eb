// A dial request from the CRM becomes a dial: the number as clicked (the phone normalises it with the
// dialing rules) and the clicked record when it is one a call can be logged against. Requests reach the
// phone through a DialRequestSource: the CrmPort relays the Open CTI bridge's clicks; another source (a
// record page's call button) sends the same ClickToDial request to the same entry point, dialRequests.
import type { ClickToDial } from '../protocol';
import type { ContactMatch, ContactObjectType } from './contact-match';

const CONTACT_TYPES: readonly ContactObjectType[] = ['Contact', 'Lead', 'Account', 'User'];

const isContactType = (objectType: string | undefined): objectType is ContactObjectType =>
  CONTACT_TYPES.some((type) => type === objectType);

/** Where dial requests come from; the CrmPort is one. Returns the unsubscribe. */
export interface DialRequestSource {
  onClickToDial(listener: (request: ClickToDial) => void): () => void;
}

/** A CRM dial: the "ask while on a call" rule applies, and the record is the call's contact from the start. */
export interface CrmDial {
  record: ContactMatch | undefined;
  source: 'crm';
}

/** A ContactMatch for a clicked phone field, when the record is one the core can log a call against. */
export function clickedRecord(click: ClickToDial): ContactMatch | undefined {
  // A person account's number belongs to the contact behind it: calls are logged against that contact.
  const contactId = click.personAccount && click.contactId ? click.contactId : undefined;
  const objectType = contactId ? 'Contact' : click.objectType;
  const id = contactId || click.recordId;
  if (!id || !isContactType(objectType)) return undefined;
  return { id, name: click.recordName || click.number, objectType, phone: click.number };
}

/**
 * Dials each request of the source as a CRM dial with its record; returns what stops listening. `dialled`
 * hears the id `dial` gave the request: the call it becomes, or the card that asks the agent first.
 */
export function dialRequests(
  source: DialRequestSource,
  dial: (number: string, options: CrmDial) => string,
  dialled: (callId: string) => void = () => undefined,
): () => void {
  return source.onClickToDial((request) =>
    dialled(dial(request.number, { record: clickedRecord(request), source: 'crm' })),
  );
}
