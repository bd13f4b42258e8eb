// Deskphone mode's own code (the leg to the agent's phone, its prompt and key listener) is not in the core:
// most agents never run it. The utility loads the softphoneDeskphone resource (src/deskphone-resource.ts)
// once the phone has started, only in deskphone mode, and hands it in here once. Incoming calls never need
// it (they ring on the agent's phone directly); an outgoing deskphone dial made before it arrives waits for
// it, as dials wait for the numbering plans, and is refused in words if it never comes.
import type { DialRefusal } from './dialing';
import { LatePart } from './dialing/late-part';
import type { DeviceMedia } from './media/device-media';
import type { DeviceLeg } from './sip/device-leg';

/** What the softphoneDeskphone resource exposes. */
export interface DeskphoneParts {
  DeviceLeg: typeof DeviceLeg;
  DeviceMedia: typeof DeviceMedia;
}

function isDeskphoneParts(value: unknown): value is DeskphoneParts {
  if (typeof value !== 'object' || value === null) return false;
  const resource = value as Partial<Record<keyof DeskphoneParts, unknown>>;
  return typeof resource.DeviceLeg === 'function' && typeof resource.DeviceMedia === 'function';
}

const parts = new LatePart<DeskphoneParts>(
  isDeskphoneParts,
  'Deskphone parts must be the softphoneDeskphone resource.',
);

/** Hands in the softphoneDeskphone resource's global; the first one stays. */
export function provideDeskphone(resource: unknown): void {
  parts.provide(resource);
}

/** The deskphone parts, or undefined before they arrive. */
export function deskphoneParts(): DeskphoneParts | undefined {
  return parts.value;
}

/** Runs `go` now if the parts are in, else once they arrive or after the same wait as the numbering plans. */
export function afterDeskphone(go: () => void): void {
  parts.after(go);
}

/** A deskphone dial without its parts: refused in words, never left waiting for a leg that cannot exist. */
export const DESKPHONE_LOADING: DialRefusal = {
  ok: false,
  code: 'deskphone-loading',
  message: 'The phone is still loading its deskphone mode. Try again in a moment.',
};
