// The one rule for how long the work timer of a call runs ("Depending on the programming of your system and
// the properties of the caller, the system may start a Work Timer when the current call is complete").
import type { CallDirection } from './call-record';
import type { ContactMatch } from './customer';
import type { CallSettings, WrapUpRecordType } from './phone-settings';

const RECORD_TYPES: Readonly<Record<string, WrapUpRecordType>> = {
  Contact: 'contact',
  Lead: 'lead',
  Account: 'account',
};

/** The work timer's view of the call's record: a user, or no record at all, is an unknown caller. */
export function wrapUpRecordType(chosen: ContactMatch | null): WrapUpRecordType {
  return (chosen && RECORD_TYPES[chosen.objectType]) || 'unknown';
}

/**
 * Seconds of wrap-up after a call: the time set for the record type the call matched when it ended, else
 * the time set for its direction, else the default; 0 means no timer. The most specific setting wins.
 */
export function workTimerSeconds(
  settings: CallSettings,
  direction: CallDirection,
  chosen: ContactMatch | null,
): number {
  return (
    settings.wrapUpByRecord[wrapUpRecordType(chosen)] ??
    settings.wrapUpByDirection[direction] ??
    settings.wrapUpSeconds
  );
}
