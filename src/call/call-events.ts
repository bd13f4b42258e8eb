// Every event a call machine receives, grouped by origin, and the commands it sends to its SIP session.
import type { DialResult, DialTarget } from '../dialing';
import type { ContactMatch, Customer } from './customer';
import type { CallFailureReason, DeviceFailureReason } from './call-failure';
import type { CallRecord } from './call-record';
import type { LineStatus } from './line-status';

/** The agent's intents about one call. Send them to the phone, which routes them to the call. */
export type CallUiEvent =
  | { type: 'ui.answer'; callId: string }
  | { type: 'ui.reject'; callId: string }
  | { type: 'ui.rejectWithText'; callId: string; text: string }
  | { type: 'ui.redirect'; callId: string; number: string; dial: DialResult }
  | { type: 'ui.hangup'; callId: string }
  | { type: 'ui.hold'; callId: string }
  | { type: 'ui.resume'; callId: string }
  | { type: 'ui.mute'; callId: string }
  | { type: 'ui.unmute'; callId: string }
  | { type: 'ui.keypad.toggle'; callId: string }
  | { type: 'ui.dtmf'; callId: string; digits: string }
  | { type: 'ui.notes.changed'; callId: string; text: string }
  | { type: 'ui.notes.save'; callId: string }
  | { type: 'ui.disposition.changed'; callId: string; disposition: string | null }
  | { type: 'ui.contact.pick'; callId: string; recordId: string }
  | { type: 'ui.contact.new'; callId: string }
  | { type: 'ui.contact.cancel'; callId: string }
  | { type: 'ui.contact.retry'; callId: string }
  | { type: 'ui.wrapUp.save'; callId: string }
  | { type: 'ui.wrapUp.saveAndClose'; callId: string }
  | { type: 'ui.wrapUp.close'; callId: string }
  /** After the CRM refused the call's contact or record for good: log the call without them. */
  | { type: 'ui.wrapUp.saveWithoutRecord'; callId: string }
  /** After the CRM refused the log for good: the agent has copied the notes; close without a log. */
  | { type: 'ui.wrapUp.closeWithoutLog'; callId: string }
  /** `at`: when the agent said a call on their own phone ended (no SIP message reports that end). */
  | { type: 'ui.dismiss'; callId: string; at?: number };

/** Results of CRM work started outside the machine (the new-contact form). */
export type CallCrmEvent = { type: 'crm.contact.created'; callId: string; record: ContactMatch };

/** Orders from the phone machine, which coordinates lines, consultation and conference. */
export type CallPhoneEvent =
  | { type: 'phone.hold' }
  | { type: 'phone.resume' }
  | { type: 'phone.transfer.blind'; target: DialTarget }
  | { type: 'phone.transfer.attended'; consultCallId: string }
  | { type: 'phone.conference.join' }
  /** Only this call is left in the conference: it is an ordinary call again. */
  | { type: 'phone.conference.dissolved' }
  /** The held party hung up while this consult call was set up: from now on only Hang up is offered. */
  | { type: 'phone.consult.heldPartyGone' };

/** What the SIP layer reports about this call (sent back by the `sipSession` actor). */
export type CallSipEvent =
  /** 180/183 received for an outgoing call; earlyMedia when a 183 carried SDP. */
  | { type: 'sip.call.progress'; earlyMedia: boolean }
  | { type: 'sip.call.answered'; at: number }
  | { type: 'sip.call.failed'; reason: CallFailureReason; statusCode?: number; at: number }
  /** The dialog is over (BYE either way, or the final response to a reject/redirect/cancel). */
  | { type: 'sip.call.ended'; at: number }
  /** The dialog was taken over by another call (INVITE with Replaces): it goes on there. */
  | { type: 'sip.call.replaced'; at: number }
  /** The caller cancelled before anybody answered. */
  | { type: 'sip.invite.canceled'; at: number }
  /** Another device of the agent answered (CANCEL with "Call completed elsewhere", or dialog event). */
  | { type: 'sip.invite.answeredElsewhere'; at: number }
  /** The server's dialog event package (RFC 4235) says the call answered elsewhere is over. */
  | { type: 'sip.dialog.terminated'; at: number }
  | { type: 'sip.reinvite.succeeded' }
  | { type: 'sip.reinvite.failed'; statusCode: number }
  /** REFER accepted (202): not a success yet. */
  | { type: 'sip.transfer.accepted' }
  /** Final NOTIFY sipfrag 2xx. */
  | { type: 'sip.transfer.succeeded'; at: number }
  /** REFER rejected or final NOTIFY sipfrag >= 300. */
  | { type: 'sip.transfer.failed'; statusCode: number }
  /** Deskphone mode: the agent's own device answered the first leg. */
  | { type: 'sip.device.answered' }
  | { type: 'sip.device.keyPressed'; key: string }
  | { type: 'sip.device.failed'; reason: DeviceFailureReason }
  /** The session is gone for a reason of its own (transport lost, exception in the SIP stack). */
  | { type: 'sip.session.failed'; message: string; at: number };

/** Raised by the call itself when it finishes, to close its other regions. */
export type CallInternalEvent = { type: 'call.close' };

export type CallEvent = CallUiEvent | CallCrmEvent | CallPhoneEvent | CallSipEvent | CallInternalEvent;

/** Commands the call sends to its `sipSession` actor; the adapter turns them into SIP.js calls. */
export type SipCallCommand =
  | { type: 'call.answer' }
  | { type: 'call.reject'; statusCode: number }
  | { type: 'call.rejectWithMessage'; text: string }
  | { type: 'call.redirect'; target: DialTarget }
  | { type: 'call.dial'; target: DialTarget; about?: Customer }
  /** After a page reload: take the call's dialog back (INVITE with Replaces); answered or failed follows. */
  | { type: 'call.recover'; held: boolean }
  /** Deskphone mode: ring the agent's own device first. */
  | { type: 'call.dialViaDevice'; target: DialTarget }
  /** Deskphone mode: the key was pressed, connect the device to the customer. */
  | { type: 'call.connectCustomer' }
  | { type: 'call.cancel' }
  | { type: 'call.hangup' }
  | { type: 'call.hold' }
  | { type: 'call.resume' }
  | { type: 'call.mute' }
  | { type: 'call.unmute' }
  | { type: 'call.dtmf'; digits: string }
  | { type: 'call.transfer.blind'; target: DialTarget; about?: Customer }
  | { type: 'call.transfer.attended'; consultCallId: string; about?: Customer }
  | { type: 'call.conference.join' }
  | { type: 'call.conference.leave' };

/** What a call tells its parent phone (sent with sendParent, only when it has one). */
export type CallReportEvent =
  | {
      type: 'call.status';
      callId: string;
      status: LineStatus;
      /** In the conference but not answered yet: the far end is still ringing. */
      ringing?: true;
      /** Why it ended without connecting (with status 'ended'). */
      failure?: CallFailureReason;
    }
  | { type: 'call.finished'; callId: string; record: CallRecord };
