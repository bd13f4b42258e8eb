// Deskphone mode's own code (the leg to the agent's phone, its prompt and key listener) is not in the core:
// most agents never run it. The utility loads the softphoneDeskphone resource (src/deskphone-resource.ts)
// once the phone has started, only in deskphone mode, and hands it in here once. Incoming calls never need
// it (they ring on the agent's phone directly); an outgoing deskphone dial made before it arrives waits for
// it, as dials wait for the numbering plans, and is refused in words if it never comes.
import type { DialRefusal } from './dialing';
import { dialingLimits } from './dialing/dialing-limits';
import type { DeviceMedia } from './media/device-media';
import type { DeviceLeg } from './sip/device-leg';

/** What the softphoneDeskphone resource exposes. */
export interface DeskphoneParts {
  DeviceLeg: typeof DeviceLeg;
  DeviceMedia: typeof DeviceMedia;
}

let parts: DeskphoneParts | undefined;
let arrived: () => void = () => undefined;
const arrival = new Promise<void>((resolve) => {
  arrived = resolve;
});

function isDeskphoneParts(value: unknown): value is DeskphoneParts {
  if (typeof value !== 'object' || value === null) return false;
  const resource = value as Partial<Record<keyof DeskphoneParts, unknown>>;
  return typeof resource.DeviceLeg === 'function' && typeof resource.DeviceMedia === 'function';
}

/** Hands in the softphoneDeskphone resource's global; the first one stays. */
export function provideDeskphone(resource: unknown): void {
  if (parts) return;
  if (!isDeskphoneParts(resource))
    throw new TypeError('Deskphone parts must be the softphoneDeskphone resource.');
  parts = resource;
  arrived();
}

/** The deskphone parts, or undefined before they arrive. */
export function deskphoneParts(): DeskphoneParts | undefined {
  return parts;
}

/** Runs `go` now if the parts are in, else once they arrive or after the same wait as the numbering plans. */
export function afterDeskphone(go: () => void): void {
  if (parts) {
    go();
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, dialingLimits.numberingPlansWaitMs);
  });
  void Promise.race([arrival, waited]).then(() => {
    clearTimeout(timer);
    go();
  });
}

/** A deskphone dial without its parts: refused in words, never left waiting for a leg that cannot exist. */
export const DESKPHONE_LOADING: DialRefusal = {
  ok: false,
  code: 'deskphone-loading',
  message: 'The phone is still loading its deskphone mode. Try again in a moment.',
};
