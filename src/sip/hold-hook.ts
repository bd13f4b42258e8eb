import type { CallMedia } from './call-media';

/**
 * What the held party hears while the agent holds the call: the media layer puts its own audio on the call
 * (hold music) when `held` is true and the agent's microphone back when false. It never touches SIP.
 */
export type HoldHook = (media: CallMedia, held: boolean) => void | Promise<void>;
