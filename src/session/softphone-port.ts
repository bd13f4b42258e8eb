// What the tab session needs of a phone: the surface the leader tab drives and mirrors. The root's real
// Softphone implements it (src/create-softphone.ts); the session never builds or imports that one, it is
// handed a factory (TabSessionOptions.create), so the session layer stays below the root.
import type { CallUiEvent, ContactMatch, PhoneUiEvent } from '../call';
import type { AudioDeviceChoice } from '../media';
import type { SoftphoneView } from '../view/softphone-view';
import type { AudioDevices } from './mirror-message';

export type DialSource = 'ui' | 'crm';

export interface DialOptions {
  record?: ContactMatch;
  source?: DialSource;
  callId?: string;
  transfer?: 'unsupervised';
}

export interface SoftphonePort {
  /** The current view model. */
  view(): SoftphoneView;
  /** Called with a fresh view model after every change of any machine; returns the unsubscribe. */
  subscribe(listener: (view: SoftphoneView) => void): () => void;
  send(event: PhoneUiEvent | CallUiEvent): void;
  /**
   * Normalises the number with the dialing rules and dials it (a refused number becomes a failed call).
   * `callId` names the call when the caller already chose its id (a follower tab's dial); default a new one.
   * `transfer: 'unsupervised'` dials a transfer target and hands the call over at once, while it rings.
   */
  dial(number: string, options?: DialOptions): string;
  /** Redirects a ringing call to a number, after the dialing rules. */
  redirect(callId: string, number: string): void;
  /** This computer's microphones and speakers, and the agent's current choice. */
  audioDevices(): Promise<AudioDevices>;
  /**
   * Applies and keeps the agent's choice: the speaker and ringer at once, the microphone on new calls and
   * on the connected ones. Rejects with a MediaError (or the browser's error) the agent can read.
   */
  chooseAudioDevices(choice: Partial<AudioDeviceChoice>): Promise<void>;
  start(): void;
  /** Stops for good: unregisters and hangs every call up (the agent or the host ended the phone). */
  stop(): Promise<void>;
  /**
   * The page is going away (pagehide) with its calls saved for the next page to take back: unregisters and
   * drops the connection without hanging anything up. Synchronous: nothing runs after pagehide.
   */
  suspend(): void;
}
