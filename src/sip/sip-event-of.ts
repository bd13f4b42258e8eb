import type { SipEvent } from './sip-event';

/** The event of one type, e.g. `SipEventOf<'sip.call.failed'>`. */
export type SipEventOf<T extends SipEvent['type']> = Extract<SipEvent, { type: T }>;
