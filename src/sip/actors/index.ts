// The statechart's SIP actors implemented on SipPhone: `sipUserAgent` for the phone machine and
// `sipSession` for each call machine.
import type { ConferenceHook } from '../conference-hook';
import type { DeviceHook } from '../device-hook';
import type { DialogSnapshot } from '../dialog-snapshot';
import type { SipPhone } from '../phone';
import { callActor } from './call-actor';
import type { Clock } from './map-events';
import { phoneActor } from './phone-actor';

/**
 * `conference`: the host's mix; without one (Node, no media) conference commands change nothing.
 * `savedDialog`: the dialog a call had on the page before a reload (its `call.recover` takes it back).
 * `device`: the agent's own phone for deskphone mode; without one, deskphone calls fail as not set.
 */
export function createSipActors(
  phone: SipPhone,
  now: Clock = Date.now,
  conference?: ConferenceHook,
  savedDialog: (callId: string) => DialogSnapshot | undefined = () => undefined,
  device?: DeviceHook,
) {
  return {
    sipUserAgent: phoneActor(phone, now),
    sipSession: callActor(phone, { now, conference, savedDialog, device }),
  };
}
