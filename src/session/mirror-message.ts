// The mirror protocol between the tabs of one agent: the leader broadcasts its view model, followers send
// the agent's clicks as commands with request ids and get one result each. Every message is structured-
// cloneable and carries MIRROR_VERSION, so a tab still running an older build is recognised, not obeyed.
import type { CallUiEvent, PhoneUiEvent } from '../call';
import type { ContactMatch } from '../call';
import type { AudioDevice, AudioDeviceChoice } from '../media';
import type { SoftphoneView } from '../view/softphone-view';

export const MIRROR_VERSION = 1;

/** The agent's intents a follower forwards as they are (dial and redirect have their own commands). */
export type ForwardedEvent = Exclude<
  PhoneUiEvent | CallUiEvent,
  { type: 'ui.dial' } | { type: 'ui.redirect' }
>;

export type MirrorCommand =
  | { kind: 'send'; event: ForwardedEvent }
  /** The follower names the call, so its dial() returns the id the call will have. */
  | {
      kind: 'dial';
      callId: string;
      number: string;
      source: 'ui' | 'crm';
      record?: ContactMatch;
      /** An unsupervised transfer: the leader hands the call over as soon as it dialled. */
      transfer?: 'unsupervised';
    }
  | { kind: 'redirect'; callId: string; number: string }
  /** The leader's microphones and speakers (its tab plays the calls) and the agent's choice. */
  | { kind: 'audioDevices' }
  | { kind: 'chooseAudioDevices'; choice: Partial<AudioDeviceChoice> };

export interface AudioDevices {
  inputs: AudioDevice[];
  outputs: AudioDevice[];
  choice: AudioDeviceChoice;
}

export interface CommandFailure {
  code: 'command-failed';
  message: string;
}

export type MirrorMessage =
  /** The leader's current view model, after each change and in answer to a hello. */
  | { version: typeof MIRROR_VERSION; type: 'view'; from: string; view: SoftphoneView }
  /** A follower joined (or lost its leader) and wants the current view. */
  | { version: typeof MIRROR_VERSION; type: 'hello'; from: string }
  /**
   * A tab leaves; `leader` tells followers that its phone went with it, and `handover` that its calls did
   * not: they were saved for the next leader to take back (the page was hidden, not the phone stopped).
   */
  | { version: typeof MIRROR_VERSION; type: 'bye'; from: string; leader: boolean; handover?: boolean }
  | {
      version: typeof MIRROR_VERSION;
      type: 'command';
      from: string;
      requestId: string;
      command: MirrorCommand;
    }
  | {
      version: typeof MIRROR_VERSION;
      type: 'result';
      from: string;
      to: string;
      requestId: string;
      ok: boolean;
      error?: CommandFailure;
      /** What an `audioDevices` command asked for. */
      value?: AudioDevices;
    };

export type MirrorMessageType = MirrorMessage['type'];
