// Every event the phone machine receives, grouped by origin, and the commands it sends to its SIP user agent.
import type { DialResult } from '../dialing';
import type { ContactMatch, Customer } from './customer';
import type { CallCrmEvent, CallReportEvent, CallUiEvent } from './call-events';
import type { RemoteParty } from './call-record';
import type { RegistrationFailureReason } from './registration-failure';
import type { RestoredCall } from './restored-call';

/**
 * A number to call. The host runs src/dialing's prepareDial(number, settings) and sends its DialResult;
 * a refused number becomes a failed call carrying the rules' message. The host also names the call
 * (a UUID: it keys the call log) and stamps the time.
 */
export interface DialRequest {
  callId: string;
  number: string;
  dial: DialResult;
  at: number;
  /** The record the agent dialled from, when known (click-to-dial, search result). */
  record?: ContactMatch;
  /** Dialled as the target of an unsupervised transfer: the call is handed over as soon as it is dialled. */
  transfer?: 'unsupervised';
}

/** The agent's intents about the phone as a whole. */
export type PhoneUiEvent =
  | { type: 'ui.register' }
  | { type: 'ui.unregister' }
  | { type: 'ui.availability.away' }
  | { type: 'ui.availability.available' }
  | ({ type: 'ui.dial' } & DialRequest)
  | { type: 'ui.transfer.start'; callId: string }
  | { type: 'ui.conference.start'; callId: string }
  | { type: 'ui.transfer.complete' }
  | { type: 'ui.conference.merge' }
  | { type: 'ui.consult.cancel' }
  | { type: 'ui.conference.remove'; callId: string }
  | { type: 'ui.conference.leave' }
  | { type: 'ui.error.dismiss' }
  /** The agent answers the card a click-to-dial asked (`callId` names the request on the card). */
  | { type: 'ui.clickToDial.confirm'; callId: string }
  | { type: 'ui.clickToDial.cancel'; callId: string }
  /** The agent opened (choose) or closed (cancel) the Redirect panel of a ringing call. */
  | { type: 'ui.redirect.choose'; callId: string }
  | { type: 'ui.redirect.cancel'; callId: string };

/** Click-to-dial from a Salesforce phone field (relayed by the Open CTI bridge). */
export type PhoneCrmEvent = { type: 'crm.clickToDial' } & DialRequest;

/**
 * Raised by the phone itself once a click-to-dial may go ahead (taken at once, or confirmed by the agent):
 * the lines and the consultation then dial it as they dial a typed number. Never sent by a host.
 */
export type PhoneInternalEvent = { type: 'phone.clickToDial.accepted' } & DialRequest;

/** What the SIP user agent reports (sent back by the `sipUserAgent` actor). */
export type PhoneSipEvent =
  | { type: 'sip.registration.succeeded' }
  | { type: 'sip.registration.failed'; reason: RegistrationFailureReason }
  | { type: 'sip.registration.ended' }
  | { type: 'sip.transport.disconnected' }
  | {
      type: 'sip.invite.received';
      callId: string;
      remote: RemoteParty;
      at: number;
      /** The customer a call from another agent is about (consult or transfer). */
      about?: Customer;
      /** This INVITE takes over one of our calls (a supervised transfer to us, RFC 3891 Replaces). */
      replacesCallId?: string;
    };

/** From the host page: a call this tab had before it reloaded (read back from session storage). */
export type PhoneHostEvent = { type: 'host.call.restore'; call: RestoredCall };

export type PhoneEvent =
  | PhoneUiEvent
  | PhoneCrmEvent
  | PhoneSipEvent
  | PhoneHostEvent
  | PhoneInternalEvent
  | CallUiEvent
  | CallCrmEvent
  | CallReportEvent;

/** Commands the phone sends to its `sipUserAgent` actor. */
export type UserAgentCommand =
  | { type: 'phone.register' }
  /** The transport dropped: one attempt to connect again and register (SipPhone.reconnect()); a failure comes back as sip.registration.failed. */
  | { type: 'phone.reconnect' }
  | { type: 'phone.unregister' }
  /**
   * The registration was lost while the transport stayed up: register again with newly fetched credentials
   * (they may be why the registrar stopped accepting this phone).
   */
  | { type: 'phone.reregister' }
  /** Decline an INVITE the phone will not offer to the agent (486 busy, 480 unavailable). */
  | { type: 'phone.declineIncoming'; callId: string; statusCode: number };
